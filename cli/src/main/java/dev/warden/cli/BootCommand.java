package dev.warden.cli;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.config.JailhouseRelease;
import dev.warden.lab.BootInputs;
import dev.warden.lab.BootRequest;
import dev.warden.lab.Lab;
import dev.warden.lab.WardenProject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden boot}: powers a board on and shows its primary console, as a serial terminal
 * would. With {@code --run} it logs in, runs each command and exits; without, it reads command
 * lines from standard input until it ends. Time is virtual, so the same input gives the same
 * output every time. {@code --save} writes the session as a replay log ({@link BootSession});
 * {@code --restore} replays one to the virtual time it ended at, checks the consoles came out the
 * same, and goes on from there.
 */
@Command(
    name = "boot",
    mixinStandardHelpOptions = true,
    description = {
        "Power a board on: U-Boot applies the overlays, the root-cell Linux boots to its login.",
        "Prints the primary console. With --run, logs in as root, runs each command, and exits;",
        "otherwise reads commands from standard input (one per line) until it ends.",
        "--save FILE writes the session: the board, its boot request and every line typed with its",
        "virtual time (a replay log, not a memory image). --restore FILE replays such a session to the",
        "virtual time it ended at (the same board, the same lines at the same times), checks that the",
        "consoles show what they showed then, and goes on with --run or standard input.",
        "Exit status: 0, 1 when the board does not reach its login prompt, 2 on bad input (a session",
        "saved by another Warden build or from other input files, or that does not replay the same)."})
public final class BootCommand implements Callable<Integer> {

    static final long SECOND = 1_000_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--board", paramLabel = "BOARD", description = "A board of board-profiles/ (required unless --restore).")
    String board;

    @Option(names = "--overlay", paramLabel = "DTBO", description = "An overlay for uEnv.txt to list (repeatable).")
    List<String> overlays = new ArrayList<>();

    @Option(names = "--release", paramLabel = "RELEASE", description = "Jailhouse release of the root file system: upstream or ti-v0.10.")
    String release;

    @Option(names = "--run", paramLabel = "COMMAND", description = "A command to run in the root shell (repeatable).")
    List<String> commands = new ArrayList<>();

    @Option(names = "--stamps", description = "Prefix every console line with its virtual time.")
    boolean stamps;

    @Option(names = "--save", paramLabel = "FILE", description = "Write the session to FILE (a replay log).")
    Path save;

    @Option(names = "--restore", paramLabel = "FILE", description = "Replay the session saved in FILE first.")
    Path restore;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BootSession saved = null;
        if (restore != null) {
            try {
                saved = BootSession.read(restore);
            } catch (BootSession.BadSession e) {
                err.println("boot: " + e.getMessage());
                return 2;
            }
            String refused = refusal(saved);
            if (refused != null) {
                err.println("boot: " + refused);
                return 2;
            }
            board = saved.board();
            overlays = new ArrayList<>(saved.overlays());
            release = saved.release().orElse(null);
        }
        if (board == null) {
            err.println("boot: give the board with --board BOARD (or a session to replay with --restore FILE)");
            return 2;
        }
        BootRequest request = BootRequest.defaults();
        if (!overlays.isEmpty()) request.overlays(overlays);
        String inputs;
        try {
            if (release != null) request.release(JailhouseRelease.parse(release));
            // before power-on, which adds the model kernel to a derived board's request
            inputs = BootInputs.digest(WardenProject.current(), board, request);
        } catch (RuntimeException e) {
            err.println("boot: " + e.getMessage());
            return 2;
        }
        if (saved != null && !saved.inputs().equals(inputs)) {
            err.println("boot: the input files of board " + board + " (its profile, boot media, cell configurations, inmates"
                    + " or firmware) changed since " + restore + " was saved: the session would not replay as it ran");
            return 2;
        }
        Lab lab;
        try {
            lab = Lab.powerOn(board, request);
        } catch (RuntimeException e) {
            err.println("boot: " + e.getMessage());
            return 2;
        }
        try (lab) {
            Console console = lab.console(ConsoleRole.PRIMARY);
            String host = lab.board().profile().boot().login().hostname();
            List<BootSession.Input> typed = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            if (saved != null) {
                for (BootSession.Input i : saved.typed()) {
                    runTo(lab, i.atNanos());
                    console.type(i.line() + "\n");
                    typed.add(i);
                }
                runTo(lab, saved.endNanos());
                if (!consoles(lab).equals(saved.consoles())) {
                    print(out, console, 0);
                    err.println("boot: replaying " + restore + " did not give the consoles it saved (at " + saved.endNanos()
                            + " ns of virtual time): the session cannot be restored");
                    return 2;
                }
                if (typed.isEmpty()) lines.add("root");
            } else {
                int end = lab.waitFor(ConsoleRole.PRIMARY, host + " login: ", 0, 120 * SECOND);
                if (end < 0) {
                    print(out, console, 0);
                    err.println("boot: the board did not reach its login prompt" + diagnostics(lab));
                    return 1;
                }
                lines.add("root");
            }
            if (commands.isEmpty()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String l = in.readLine(); l != null; l = in.readLine()) lines.add(l);
            } else {
                lines.addAll(commands);
            }
            String prompt = "root@" + host + ":~# ";
            for (String line : lines) {
                int from = console.length();
                typed.add(new BootSession.Input(lab.board().clock().now(), line));
                console.type(line + "\n");
                lab.waitFor(ConsoleRole.PRIMARY, prompt, from, 10 * SECOND);
            }
            if (!lines.isEmpty() || saved == null) lab.board().runFor(SECOND / 10);
            print(out, console, 0);
            if (save != null) {
                BootSession session = new BootSession(version(), board, List.copyOf(overlays), Optional.ofNullable(release), inputs,
                        typed, lab.board().clock().now(), consoles(lab));
                try {
                    session.write(save);
                } catch (java.io.IOException e) {
                    err.println("boot: cannot write " + save + ": " + e.getMessage());
                    return 2;
                }
            }
            return 0;
        }
    }

    /** Why a session cannot be replayed here, or null: another Warden build, or a board or request given besides it. */
    private String refusal(BootSession saved) {
        if (!saved.warden().equals(version())) {
            return restore + " was saved by " + saved.warden() + ", this is " + version()
                    + ": a session replays only on the Warden build that saved it";
        }
        boolean other = (board != null && !board.equals(saved.board())) || (!overlays.isEmpty() && !overlays.equals(saved.overlays()))
                || (release != null && !saved.release().equals(Optional.of(release)));
        if (other) {
            return restore + " replays board " + saved.board() + " with " + (saved.overlays().isEmpty() ? "no overlays"
                    : "the overlays " + String.join(" ", saved.overlays())) + saved.release().map(r -> " and release " + r).orElse("")
                    + "; give no other --board, --overlay or --release with --restore";
        }
        return null;
    }

    /** Runs the board to a virtual time, exactly as the saved session's waits reached it. */
    private static void runTo(Lab lab, long nanos) {
        lab.board().runUntil(() -> false, nanos);
    }

    /** SHA-256 over every console's transcript with its virtual times, in console-name order. */
    static String consoles(Lab lab) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(lab.board().consoles()).forEach((name, c) ->
                sb.append(name).append('\n').append(c.stampedTranscript()).append('\u0000'));
        return BootInputs.sha256(sb.toString());
    }

    static String version() {
        return new WardenVersion().getVersion()[0];
    }

    private void print(PrintWriter out, Console console, int from) {
        out.print(stamps ? console.stampedTranscript() : console.text().substring(from));
        out.println();
        out.flush();
    }

    private static String diagnostics(Lab lab) {
        List<String> d = lab.uboot().diagnostics();
        return d.isEmpty() ? "" : ":\n  " + String.join("\n  ", d);
    }
}
