package dev.warden.steps;

import dev.warden.emulator.console.Console;
import dev.warden.lab.Lab;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.cucumber.java.Status;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** After every scenario: the console transcripts, the kernel log and U-Boot's notes go into the report. */
public class Hooks {

    private final ScenarioWorld world;

    public Hooks(ScenarioWorld world) {
        this.world = world;
    }

    @After
    public void attachEvidence(Scenario scenario) {
        if (scenario.getStatus() == Status.UNDEFINED) {
            // the report shows the scenario as broken; say where the existing steps are listed
            scenario.log("A step of this scenario matches no Warden step: the steps Warden knows are listed, each with an"
                    + " example, in " + UndefinedStepHint.STEPS_DOC + " (Cucumber's snippet is in the run's output).");
        }
        try {
            world.labIfStarted().ifPresent(lab -> attach(scenario, lab));
        } finally {
            world.close();
        }
    }

    private static void attach(Scenario scenario, Lab lab) {
        Set<Console> seen = new LinkedHashSet<>(lab.board().consoles().values());
        for (Console c : seen) {
            if (c.length() == 0) continue;
            scenario.attach(c.stampedTranscript().getBytes(StandardCharsets.UTF_8), "text/plain",
                    "console " + c.name() + " (virtual time)");
        }
        if (!lab.linux().dmesg().isEmpty()) {
            scenario.attach(String.join("\n", lab.linux().dmesg()).getBytes(StandardCharsets.UTF_8), "text/plain", "dmesg");
        }
        if (!lab.uboot().diagnostics().isEmpty()) {
            scenario.attach(String.join("\n", lab.uboot().diagnostics()).getBytes(StandardCharsets.UTF_8), "text/plain",
                    "U-Boot diagnostics");
        }
        scenario.log(VirtualTimeNote.of(lab.board().profile().name(), lab.board().clock().now()));
    }
}
