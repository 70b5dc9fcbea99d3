package dev.warden.steps;

import dev.warden.lab.oracle.ReplayedCommand;
import dev.warden.lab.oracle.SessionComparison;
import dev.warden.lab.oracle.SessionFile;
import dev.warden.lab.oracle.SessionReplay;
import dev.warden.steps.docs.StepDoc;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays a session recorded on the real Jailhouse (firmware-fixtures/oracle/jailhouse) on
 * Warden's board and compares what it printed, line by line, with what the real system printed.
 */
public class OracleSteps {

    private final ScenarioWorld world;
    private Scenario scenario;
    private SessionFile session;
    private List<ReplayedCommand> replay;

    public OracleSteps(ScenarioWorld world) {
        this.world = world;
    }

    @io.cucumber.java.Before
    public void remember(Scenario s) {
        this.scenario = s;
    }

    @StepDoc(value = "Boots the session's board and types every command of a session recorded on the real Jailhouse "
            + "(firmware-fixtures/oracle/jailhouse/NAME.session), each when the previous one's prompt is back.",
            example = {"When the recorded session \"a-enable\" is replayed"})
    @When("the recorded session {string} is replayed")
    public void theRecordedSessionIsReplayed(String name) {
        Path file = ScenarioWorld.project().builtins().fixtures().resolve("oracle").resolve("jailhouse").resolve(name + ".session");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("step 'the recorded session \"" + name + "\" is replayed': no session file " + file);
        }
        session = SessionFile.read(file);
        world.board(session.board());
        replay = SessionReplay.replay(session, world.powerOn());
    }

    @StepDoc(value = "Every exit status and every line the real session printed (hypervisor console, kernel log, tool "
            + "output; an inmate's lines as their own stream) came out the same on Warden, up to the differences "
            + "between two runs of the real system (timestamps, which CPU runs the tool, timer jitter).",
            example = {"Then Warden printed what the real Jailhouse printed"})
    @Then("Warden printed what the real Jailhouse printed")
    public void wardenPrintedWhatTheRealJailhousePrinted() {
        if (session == null) throw new IllegalStateException("no session was replayed: start with 'When the recorded session ... is replayed'");
        List<SessionComparison.Difference> differences = SessionComparison.differences(session, replay);
        StringBuilder side = new StringBuilder();
        for (int i = 0; i < replay.size(); i++) {
            SessionFile.Command c = session.commands().get(i);
            side.append("$ ").append(c.line()).append('\n');
            side.append("--- real (").append(c.status() == SessionFile.TIMEOUT ? "no prompt" : "exit " + c.status()).append(")\n");
            c.output().forEach(l -> side.append(l).append('\n'));
            side.append("--- warden (").append(replay.get(i).status() == SessionFile.TIMEOUT ? "no prompt" : "exit " + replay.get(i).status()).append(")\n");
            side.append(replay.get(i).text()).append('\n');
        }
        if (scenario != null) {
            scenario.attach(side.toString().getBytes(StandardCharsets.UTF_8), "text/plain", "real and Warden, command by command");
        }
        if (!differences.isEmpty()) {
            throw new AssertionError("Warden differs from the real Jailhouse:\n" + String.join("\n", differences.stream().map(Object::toString).toList()));
        }
    }
}
