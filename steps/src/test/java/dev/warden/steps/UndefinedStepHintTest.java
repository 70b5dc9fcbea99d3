package dev.warden.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Location;
import io.cucumber.plugin.event.SnippetsSuggestedEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step no definition matches gets Cucumber's snippet and the pointer to docs/steps.md, in every Maven suite. */
class UndefinedStepHintTest {

    @Test
    void theHintNamesTheStepItsPlaceTheStepListAndCucumbersSnippet() {
        List<EventHandler<SnippetsSuggestedEvent>> handlers = new ArrayList<>();
        EventPublisher publisher = new EventPublisher() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> void registerHandlerFor(Class<T> type, EventHandler<T> handler) {
                if (type == SnippetsSuggestedEvent.class) handlers.add((EventHandler<SnippetsSuggestedEvent>) handler);
            }

            @Override
            public <T> void removeHandlerFor(Class<T> type, EventHandler<T> handler) {}
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new UndefinedStepHint(new PrintStream(bytes, true, StandardCharsets.UTF_8)).setEventPublisher(publisher);
        Path feature = Path.of("features/board.feature").toAbsolutePath();

        handlers.forEach(h -> h.receive(new SnippetsSuggestedEvent(Instant.EPOCH, feature.toUri(), new Location(3, 3),
                new Location(5, 5), new SnippetsSuggestedEvent.Suggestion("the board does a barrel roll",
                        List.of("@When(\"the board does a barrel roll\")\npublic void theBoardDoesABarrelRoll() {\n}")))));

        assertThat(handlers).as("the plugin listens for Cucumber's snippets").hasSize(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("Undefined step at features/board.feature:5: \"the board does a barrel roll\"\n")
                .contains("The steps Warden knows, each with an example, are in docs/steps.md")
                .contains("    @When(\"the board does a barrel roll\")\n    public void theBoardDoesABarrelRoll() {\n");
    }

    @Test
    void theStepLibrarysSettingsRegisterThePlugin() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = UndefinedStepHint.class.getResourceAsStream("cucumber.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("cucumber.plugin")).contains(UndefinedStepHint.class.getName());
        assertThat(p.getProperty("cucumber.glue")).isEqualTo("dev.warden.steps");
    }
}
