package dev.warden.steps;

import dev.warden.config.JailhouseRelease;
import dev.warden.lab.Lab;
import dev.warden.steps.report.Evidence;
import dev.warden.steps.report.TranscriptLedger;
import dev.warden.steps.run.ScenarioSelection;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.Status;
import java.util.Optional;

/**
 * After every scenario its evidence ({@link Evidence}: transcripts, kernel log, device tree, cells,
 * fault, memory map) goes into the report, and under {@code -Dwarden.repeat=2} the second run's
 * transcripts must equal the first's. Its labels (board, release, catalogue ids) are added when the
 * board powers on ({@link ScenarioWorld#powerOn}), because only a step can label the scenario.
 */
public class Hooks {

    private final ScenarioWorld world;

    public Hooks(ScenarioWorld world) {
        this.world = world;
    }

    @Before
    public void rememberTags(Scenario scenario) {
        world.tags(scenario.getSourceTagNames());
    }

    @After
    public void attachEvidence(Scenario scenario) {
        if (scenario.getStatus() == Status.UNDEFINED) {
            // the report shows the scenario as broken; say where the existing steps are listed
            scenario.log("A step of this scenario matches no Warden step: the steps Warden knows are listed, each with an"
                    + " example, in " + UndefinedStepHint.STEPS_DOC + " (Cucumber's snippet is in the run's output).");
        }
        Optional<String> difference = Optional.empty();
        try {
            Optional<Lab> lab = world.labIfStarted();
            if (lab.isPresent()) {
                for (Evidence.Item item : Evidence.of(lab.get())) scenario.attach(item.content(), item.mediaType(), item.name());
                scenario.log(VirtualTimeNote.of(lab.get().board().profile().name(), lab.get().board().clock().now()));
                if (ScenarioSelection.repeat(System.getProperty(ScenarioSelection.REPEAT_PROPERTY)) > 1) {
                    difference = TranscriptLedger.record(scenario.getUri() + ":" + scenario.getLine(), Evidence.transcripts(lab.get()));
                }
            }
        } finally {
            world.close();
        }
        difference.ifPresent(d -> {
            throw new AssertionError("the second run's transcript differs from the first's: " + d);
        });
    }

    /** The name scenarios and the conformance matrix use for a release. */
    public static String releaseName(JailhouseRelease r) {
        return switch (r) {
            case UPSTREAM -> "upstream";
            case TI_V010 -> "ti-v0.10";
        };
    }
}
