package dev.warden.cli.run;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One scenario as {@code warden run} reports it: where it is, how it ended, the virtual time it took
 * on its board, the console transcripts it attached, and the hints for its undefined steps.
 */
public record ScenarioOutcome(String name, URI uri, int line, Verdict verdict, Optional<Throwable> error,
                              Optional<String> virtualSeconds, List<Transcript> consoles, List<String> undefinedHints) {

    public enum Verdict { PASSED, FAILED, SKIPPED }

    /** A console's transcript as the scenario attached it to its report. */
    public record Transcript(String name, String text) {}

    public ScenarioOutcome {
        consoles = List.copyOf(consoles);
        undefinedHints = List.copyOf(undefinedHints);
    }
}
