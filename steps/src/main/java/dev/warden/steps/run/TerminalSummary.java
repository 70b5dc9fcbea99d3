package dev.warden.steps.run;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import dev.warden.steps.fork.ForkPoints;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.opentest4j.AssertionFailedError;

/**
 * Cucumber plugin for the terminal: one line per failed scenario, with where it is and its first
 * difference, and one line of totals at the end. The whole story of a failure (transcripts,
 * register dump, memory map) is in the report, so the terminal stays short. Registered in
 * {@code dev/warden/steps/cucumber.properties} in place of Cucumber's summary, whose stack traces
 * told the reader less than the report does.
 */
public final class TerminalSummary implements ConcurrentEventListener {

    private static final int MAX = 240;

    private final PrintStream out;
    private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
    /** The JVM's fork-point figures when this run started (a JVM may run several). */
    private long forkedBefore = ForkPoints.scenariosForked();
    private long skippedBefore = ForkPoints.stepsSkipped();

    public TerminalSummary() {
        this(System.out);
    }

    TerminalSummary(PrintStream out) {
        this.out = out;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunStarted.class, e -> {
            forkedBefore = ForkPoints.scenariosForked();
            skippedBefore = ForkPoints.stepsSkipped();
        });
        publisher.registerHandlerFor(TestRunFinished.class, e -> totals());
    }

    private void finished(TestCaseFinished e) {
        Status s = e.getResult().getStatus();
        synchronized (counts) {
            counts.merge(s, 1, Integer::sum);
        }
        if (s == Status.PASSED || s == Status.SKIPPED) return;
        String where = location(e.getTestCase().getUri().getSchemeSpecificPart(), e.getTestCase().getLocation().getLine());
        String why = Optional.ofNullable(e.getResult().getError()).map(TerminalSummary::firstDifference)
                .orElse(s == Status.UNDEFINED ? "a step matches no Warden step (see docs/steps.md)" : s.name().toLowerCase());
        line("FAILED " + where + " " + e.getTestCase().getName() + ": " + why);
    }

    private void totals() {
        StringJoiner j = new StringJoiner(", ");
        int total = 0;
        synchronized (counts) {
            for (Map.Entry<Status, Integer> c : counts.entrySet()) {
                j.add(c.getValue() + " " + c.getKey().name().toLowerCase());
                total += c.getValue();
            }
        }
        line(total + " scenarios (" + (total == 0 ? "none ran" : j.toString()) + ")");
        if (total > 0 && ForkPoints.enabled()) {
            long forked = ForkPoints.scenariosForked() - forkedBefore;
            long skipped = ForkPoints.stepsSkipped() - skippedBefore;
            line(forked + " of them started from a snapshot of a board booted before (" + skipped
                    + " fork-point steps served from snapshots; -D" + ForkPoints.PROPERTY + "=false boots every one)");
        }
    }

    private void line(String text) {
        synchronized (out) {
            out.println("[warden] " + text);
            out.flush();
        }
    }

    static String location(String uri, int line) {
        int f = uri.indexOf("features/");
        return (f > 0 ? uri.substring(f) : uri) + ":" + line;
    }

    /**
     * The first difference a failure names: for an equality, the first line where expected and actual
     * part; otherwise the message's first lines on one line.
     */
    static String firstDifference(Throwable t) {
        if (t instanceof AssertionFailedError a && a.isExpectedDefined() && a.isActualDefined()) {
            String[] exp = String.valueOf(a.getExpected().getValue()).split("\n", -1);
            String[] act = String.valueOf(a.getActual().getValue()).split("\n", -1);
            for (int i = 0; i < Math.max(exp.length, act.length); i++) {
                String x = i < exp.length ? exp[i] : "<end>";
                String y = i < act.length ? act[i] : "<end>";
                if (!x.equals(y)) return cut(String.format("line %d: expected \"%s\" but was \"%s\"", i + 1, x, y));
            }
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        StringBuilder sb = new StringBuilder();
        for (String l : m.split("\n")) {
            String s = l.strip();
            if (s.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(s);
            if (sb.length() > MAX) break;
        }
        return cut(sb.toString());
    }

    private static String cut(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
    }
}
