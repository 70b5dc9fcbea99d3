package dev.warden.cli.run;

import dev.warden.steps.UndefinedStepHint;
import dev.warden.steps.VirtualTimeNote;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.SnippetsSuggestedEvent;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.WriteEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Cucumber plugin that hands each finished scenario to the {@code warden run} in progress. Cucumber
 * creates its plugins by class name, so the run it reports to is registered here; scenarios on
 * parallel threads report independently.
 */
public final class ScenarioProgress implements ConcurrentEventListener {

    private static final AtomicReference<Consumer<ScenarioOutcome>> RUN = new AtomicReference<>();
    private static volatile Path base = Path.of("").toAbsolutePath();

    private final Map<UUID, Collected> running = new ConcurrentHashMap<>();
    // Cucumber suggests snippets while it builds the test case, before the scenario starts
    private final Map<String, List<String>> hints = new ConcurrentHashMap<>();

    /**
     * Sends the outcomes of the scenarios about to run to {@code run}; one run at a time per JVM.
     * Feature paths in hints are shown relative to {@code project}.
     */
    static void start(Consumer<ScenarioOutcome> run, Path project) {
        if (!RUN.compareAndSet(null, run)) throw new IllegalStateException("another warden run is in progress in this JVM");
        base = project;
    }

    static void stop() {
        RUN.set(null);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(SnippetsSuggestedEvent.class, e -> hints
                .computeIfAbsent(key(e.getUri().toString(), e.getTestCaseLocation().getLine()), k -> new ArrayList<>())
                .add(UndefinedStepHint.hint(e, base)));
        publisher.registerHandlerFor(EmbedEvent.class, e -> {
            if (e.getName() != null && e.getName().startsWith("console ") && e.getMediaType().startsWith("text/")) {
                collected(e.getTestCase()).consoles.add(new ScenarioOutcome.Transcript(e.getName(),
                        new String(e.getData(), StandardCharsets.UTF_8)));
            }
        });
        publisher.registerHandlerFor(WriteEvent.class, e -> VirtualTimeNote.seconds(e.getText())
                .ifPresent(s -> collected(e.getTestCase()).virtualSeconds = s));
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    }

    private Collected collected(TestCase testCase) {
        return running.computeIfAbsent(testCase.getId(), id -> new Collected());
    }

    private void finished(TestCaseFinished e) {
        TestCase tc = e.getTestCase();
        Collected c = Optional.ofNullable(running.remove(tc.getId())).orElseGet(Collected::new);
        List<String> undefined = Optional.ofNullable(hints.remove(key(tc.getUri().toString(), tc.getLocation().getLine())))
                .orElse(List.of());
        Status status = e.getResult().getStatus();
        ScenarioOutcome.Verdict verdict = status == Status.PASSED ? ScenarioOutcome.Verdict.PASSED
                : status == Status.SKIPPED ? ScenarioOutcome.Verdict.SKIPPED : ScenarioOutcome.Verdict.FAILED;
        ScenarioOutcome outcome = new ScenarioOutcome(tc.getName(), tc.getUri(), tc.getLocation().getLine(), verdict,
                Optional.ofNullable(e.getResult().getError()), Optional.ofNullable(c.virtualSeconds), c.consoles, undefined);
        Consumer<ScenarioOutcome> run = RUN.get();
        if (run != null) run.accept(outcome);
    }

    private static String key(String uri, int line) {
        return uri + "#" + line;
    }

    private static final class Collected {
        final List<ScenarioOutcome.Transcript> consoles = new ArrayList<>();
        volatile String virtualSeconds;
    }
}
