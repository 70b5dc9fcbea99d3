package dev.warden.steps.fork;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cucumber plugin for tests: every attachment of every scenario (the transcripts and the rest of
 * the evidence) and its outcome, by scenario location, kept in the JVM for the test to compare.
 */
public final class EvidenceCapture implements ConcurrentEventListener {

    /** Scenario location to attachment name to content; "status" holds the outcome. */
    static final Map<String, Map<String, String>> CAPTURED = new ConcurrentHashMap<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(EmbedEvent.class, e -> put(e.getTestCase(), "attachment " + e.getName(),
                new String(e.getData(), StandardCharsets.UTF_8)));
        publisher.registerHandlerFor(TestCaseFinished.class, e -> put(e.getTestCase(), "status",
                e.getResult().getStatus().name()));
    }

    private static void put(TestCase c, String name, String content) {
        String where = c.getUri().getSchemeSpecificPart().replaceAll(".*features/", "features/") + ":" + c.getLocation().getLine();
        CAPTURED.computeIfAbsent(where, k -> new ConcurrentHashMap<>()).merge(name, content, (a, b) -> a + "\n" + b);
    }

    /** What was captured since the last call, sorted, and forgotten. */
    static synchronized Map<String, Map<String, String>> take() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        CAPTURED.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        CAPTURED.clear();
        return out;
    }
}
