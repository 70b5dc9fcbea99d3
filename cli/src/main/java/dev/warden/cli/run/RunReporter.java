package dev.warden.cli.run;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code warden run} prints: a line per scenario as it finishes (verdict, where, name, virtual
 * time on its board), then for each failed scenario its error, the hints for undefined steps and
 * every console transcript, then the counts.
 */
public final class RunReporter implements Consumer<ScenarioOutcome> {

    private final PrintWriter out;
    private final Path base;
    private final List<ScenarioOutcome> failed = new ArrayList<>();
    private int passed;
    private int skipped;

    /** {@code base}: feature paths are shown relative to it (the project folder). */
    public RunReporter(PrintWriter out, Path base) {
        this.out = out;
        this.base = base;
    }

    @Override
    public synchronized void accept(ScenarioOutcome o) {
        switch (o.verdict()) {
            case PASSED -> passed++;
            case SKIPPED -> skipped++;
            case FAILED -> failed.add(o);
        }
        out.printf("%-7s %s  %s  (%s)%n", o.verdict(), where(o), o.name(),
                o.virtualSeconds().map(s -> s + " s virtual").orElse("no board"));
        out.flush();
    }

    /** The failed scenarios in full, then the counts line. */
    public synchronized void finish() {
        for (ScenarioOutcome o : failed) {
            out.println();
            out.printf("=== FAILED %s  %s%n", where(o), o.name());
            o.error().ifPresent(e -> out.print(indent(describe(e), "  ")));
            for (String hint : o.undefinedHints()) out.print(indent(hint, "  "));
            for (ScenarioOutcome.Transcript t : o.consoles()) {
                out.printf("  --- %s ---%n", t.name());
                out.print(indent(t.text(), "  "));
            }
        }
        out.println();
        out.println("scenarios: " + passed + " passed, " + failed.size() + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        out.flush();
    }

    public synchronized int passed() { return passed; }

    /** Scenarios that ran, whatever their verdict. */
    public synchronized int ran() { return passed + failed.size() + skipped; }

    /** The folder feature paths are shown relative to. */
    public Path base() { return base; }

    public synchronized int failed() { return failed.size(); }

    /** A failed check says what it expected; anything else is a fault of its own kind, named with it. */
    private static String describe(Throwable e) {
        return e instanceof AssertionError && e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private String where(ScenarioOutcome o) {
        return relative(o.uri()) + ":" + o.line();
    }

    private String relative(URI uri) {
        if (!"file".equals(uri.getScheme())) return uri.toString();
        Path p = Path.of(uri);
        return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
    }

    /** Each line of {@code text} behind {@code prefix}; the result ends with exactly one newline. */
    private static String indent(String text, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) sb.append('\n');
            else sb.append(prefix).append(line).append('\n');
        }
        // split keeps a trailing empty piece for text ending in a newline: do not add a blank line for it
        if (text.endsWith("\n")) sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
