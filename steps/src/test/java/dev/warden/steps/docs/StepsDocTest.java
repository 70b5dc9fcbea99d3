package dev.warden.steps.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/steps.md is what the step definitions say: every step has a meaning and an example that the
 * step matches, and the file in the repository is the generator's output, byte for byte.
 * Regenerate it with
 * {@code mvn -pl steps -am test -Dtest=StepsDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dwarden.update-docs=true}.
 */
class StepsDocTest {

    private final StepCatalog catalog = StepCatalog.of("dev.warden.steps");

    @Test
    void everyStepHasAMeaningAndAnExampleForEachOfItsExpressions() {
        List<String> missing = new ArrayList<>();
        for (StepCatalog.Step s : catalog.steps()) {
            if (s.doc().isEmpty()) {
                missing.add(s.where() + ": \"" + s.expression() + "\" has no @StepDoc");
            } else if (s.doc().get().value().isBlank()) {
                missing.add(s.where() + ": \"" + s.expression() + "\" has no meaning");
            } else if (List.of(s.doc().get().example()).stream()
                    .noneMatch(e -> StepExamples.matches(s.expression(), StepsDoc.firstLine(e)))) {
                missing.add(s.where() + ": \"" + s.expression() + "\" has no example that it matches");
            }
        }
        assertThat(catalog.steps()).as("the steps found by reflection").hasSizeGreaterThan(60);
        assertThat(missing).as("steps without their documentation").isEmpty();
    }

    @Test
    void everyExampleIsMatchedByAStepOfItsMethod() {
        Map<Method, List<StepCatalog.Step>> byMethod = catalog.steps().stream()
                .collect(Collectors.groupingBy(StepCatalog.Step::method));
        List<String> wrong = new ArrayList<>();
        byMethod.forEach((method, steps) -> steps.get(0).doc().ifPresent(d -> {
            for (String example : d.example()) {
                if (steps.stream().noneMatch(s -> StepExamples.matches(s.expression(), StepsDoc.firstLine(example)))) {
                    wrong.add(steps.get(0).where() + ": \"" + example + "\"");
                }
            }
        }));
        assertThat(wrong).as("examples their step would not match").isEmpty();
    }

    @Test
    void anExampleThatDoesNotFitItsStepIsCaught() {
        assertThat(StepExamples.matches("the cell {string} is in state {string}", "Then the cell \"x\" is in state \"failed\"")).isTrue();
        assertThat(StepExamples.matches("the cell {string} is in state {string}", "Then the cell x is in state failed")).isFalse();
        assertThat(StepExamples.matches("the {console} console shows {string} within {duration}",
                "Then the hypervisor console shows \"x\" within 10 ms")).isTrue();
        assertThat(StepExamples.matches("the {console} console shows {string} within {duration}",
                "Then the serial console shows \"x\" within 10 ms")).isFalse();
        assertThat(StepExamples.matches("the board {string}", "the board \"x\"")).as("no keyword").isFalse();
    }

    @Test
    void docsStepsMdIsWhatTheGeneratorWrites() throws IOException {
        Path file = Path.of(System.getProperty("warden.root", "..")).resolve("docs/steps.md");
        String generated = StepsDoc.render(catalog);
        if (Boolean.getBoolean("warden.update-docs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(file).as("docs/steps.md; regenerate it: mvn -pl steps -am test -Dtest=StepsDocTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dwarden.update-docs=true").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/steps.md is out of date; regenerate it: mvn -pl steps -am test -Dtest=StepsDocTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dwarden.update-docs=true")
                .isEqualTo(generated);
    }
}
