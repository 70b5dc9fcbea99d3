package dev.warden.lab;

import dev.warden.emulator.board.Board;
import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.board.CoreReport;
import dev.warden.emulator.console.Console;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The wall-clock guard of a board: every run of the board (what {@link Lab#waitFor} does) happens on
 * the board's own emulator thread, and Awaitility waits for it at most {@link #bound()} of real time.
 * A run still going then is a hung emulator (a bug in Warden: virtual time stopped advancing, or a
 * translated block that never returns). The guard gives the board up and fails with
 * {@link EmulatorHung}: a thread dump of the emulator threads, where each core stopped, and the
 * transcript of every console so far, instead of hanging the test run.
 *
 * <p>The bound is {@code warden.hang.seconds} (default 600): a guard against a hang, never a measure
 * of speed. Nothing in a scenario depends on it; virtual-time bounds say how long a board may take.
 */
final class HangGuard implements dev.warden.emulator.snapshot.ForkCopyable {
    private static final AtomicInteger BOARDS = new AtomicInteger();

    private final Board board;
    private final ExecutorService emulator;
    private final Duration bound;

    HangGuard(Board board, Duration bound) {
        this(board, bound, board.profile().name());
    }

    /** {@code boardName} apart: a board being copied has no profile yet when its guard is made. */
    private HangGuard(Board board, Duration bound, String boardName) {
        this.board = board;
        this.bound = bound;
        String name = "warden-emulator-" + boardName + "-" + BOARDS.incrementAndGet();
        // one thread at most, gone after a few idle seconds: a board nobody closes keeps no thread
        this.emulator = new java.util.concurrent.ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A copy of a board (a snapshot, a fork) gets a guard and an emulator thread of its own. */
    @Override
    public Object forkCopy(dev.warden.emulator.snapshot.GraphCopy copy) {
        return new HangGuard((Board) copy.copyOf(board), bound, board.profile().name());
    }

    static Duration defaultBound() {
        return Duration.ofSeconds(Long.getLong("warden.hang.seconds", 600));
    }

    Duration bound() {
        return bound;
    }

    /** Runs {@code work} on the emulator thread and returns its result, or fails after the bound. */
    <T> T run(String what, Callable<T> work) {
        Future<T> f = emulator.submit(work);
        try {
            try {
                return f.get(Math.min(50, bound.toMillis()), TimeUnit.MILLISECONDS); // most runs: no polling at all
            } catch (TimeoutException slow) {
                Awaitility.await("the board " + board.profile().name() + " to finish " + what)
                        .atMost(bound).pollInterval(Duration.ofMillis(100)).until(f::isDone);
                return f.get();
            }
        } catch (ConditionTimeoutException hung) {
            String dump = threadDump();
            board.abandon("hung in " + what + " for longer than " + bound.toSeconds() + " s of wall-clock time");
            f.cancel(true);
            throw new EmulatorHung(report(what, dump));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the board ran " + what, e);
        }
    }

    void close() {
        emulator.shutdownNow();
    }

    private String report(String what, String dump) {
        StringBuilder sb = new StringBuilder();
        sb.append("the emulator of board ").append(board.profile().name()).append(" hung: ").append(what)
                .append(" did not return within ").append(bound.toSeconds()).append(" s of wall-clock time (warden.hang.seconds)\n");
        sb.append(CoreReport.text(board)).append('\n');
        sb.append("emulator threads:\n").append(dump);
        List<Console> seen = new ArrayList<>();
        for (ConsoleRole role : ConsoleRole.values()) {
            Console c;
            try {
                c = board.console(role);
            } catch (IllegalArgumentException none) {
                continue;
            }
            if (seen.contains(c)) continue;
            seen.add(c);
            sb.append("transcript of the ").append(role.name().toLowerCase()).append(" console so far:\n")
                    .append(tail(c.text(), 60)).append('\n');
        }
        return sb.toString();
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return (from > 0 ? "[" + from + " earlier lines]\n" : "") + String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
    }

    /** jstack-like dump of every thread whose name starts with warden-emulator. */
    static String threadDump() {
        StringBuilder sb = new StringBuilder();
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        for (Map.Entry<Thread, StackTraceElement[]> e : all.entrySet()) {
            Thread t = e.getKey();
            if (!t.getName().startsWith("warden-emulator")) continue;
            ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.getId());
            sb.append('"').append(t.getName()).append("\" ").append(info == null ? t.getState() : info.getThreadState()).append('\n');
            for (StackTraceElement el : e.getValue()) sb.append("    at ").append(el).append('\n');
        }
        return sb.length() == 0 ? "  (no emulator thread alive)\n" : sb.toString();
    }
}
