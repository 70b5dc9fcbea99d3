package dev.warden.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.SnippetsSuggestedEvent;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * Cucumber plugin: a step that no step definition matches gets Cucumber's snippet and a pointer to
 * Warden's step vocabulary, because the likely fix is a step that already exists under other words,
 * not new Java. Registered in {@code dev/warden/steps/cucumber.properties}.
 */
public final class UndefinedStepHint implements ConcurrentEventListener {

    /** Where the vocabulary is written down, generated from the step definitions. */
    public static final String STEPS_DOC = "docs/steps.md";

    private final PrintStream out;

    /** As Cucumber creates it: prints on standard output, next to Cucumber's own summary. */
    public UndefinedStepHint() {
        this(System.out);
    }

    UndefinedStepHint(PrintStream out) {
        this.out = out;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(SnippetsSuggestedEvent.class, e -> {
            String text = hint(e, Path.of("").toAbsolutePath());
            synchronized (out) {
                out.print(text);
                out.flush();
            }
        });
    }

    /**
     * The hint for one undefined step: where it is (relative to {@code base} when inside it), what
     * Warden offers instead, and Cucumber's snippet.
     */
    public static String hint(SnippetsSuggestedEvent e, Path base) {
        StringBuilder sb = new StringBuilder();
        sb.append("Undefined step at ").append(location(e.getUri(), base)).append(':').append(e.getStepLocation().getLine())
                .append(": \"").append(e.getSuggestion().getStep()).append("\"\n");
        sb.append("  No Warden step matches it. The steps Warden knows, each with an example, are in ").append(STEPS_DOC)
                .append(";\n  a project path such as \"cells/my-board.cell\" works wherever a step names a file.\n");
        sb.append("  To add a step of your own, Cucumber suggests:\n");
        for (String snippet : e.getSuggestion().getSnippets()) {
            for (String line : snippet.split("\n", -1)) sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }

    private static String location(URI uri, Path base) {
        if (!"file".equals(uri.getScheme())) return uri.getSchemeSpecificPart();
        Path p = Path.of(uri);
        return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
    }
}
