package dev.warden.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.lab.Lab;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Typing at consoles and asserting what they show, with timeouts in virtual time. */
public class ConsoleSteps {

    static final long COMMAND_TIMEOUT = 5_000 * ScenarioWorld.MS;
    private final ScenarioWorld world;

    public ConsoleSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("I type {string} on the {console} console")
    public void iTypeOnTheConsole(String text, ConsoleRole role) {
        world.lab().console(role).type(text + "\n");
    }

    @When("I run {string}")
    public void iRun(String command) {
        Lab lab = world.lab();
        Console c = lab.console(ConsoleRole.PRIMARY);
        int start = c.length();
        c.type(command + "\n");
        String prompt = "root@" + lab.board().profile().boot().login().hostname() + ":~# ";
        int echoEnd = lab.waitFor(ConsoleRole.PRIMARY, command + "\n", start, COMMAND_TIMEOUT);
        int end = lab.waitFor(ConsoleRole.PRIMARY, prompt, Math.max(start, echoEnd), COMMAND_TIMEOUT);
        if (end < 0) {
            throw new AssertionError("no shell prompt within " + human(COMMAND_TIMEOUT) + " of virtual time after '"
                    + command + "'" + lab.linux().shell().filter(s -> s.hung()).map(s -> " (" + s.hangReason() + ")").orElse("")
                    + "\nconsole since the command:\n" + BoardSteps.tail(c.text().substring(start), 20));
        }
        // what the command printed, kernel messages included, stays searchable by "shows" steps
        world.commandOutputStart(echoEnd < 0 ? start : echoEnd);
        world.commandOutputEnd(end - prompt.length());
        world.cursor(ConsoleRole.PRIMARY, echoEnd < 0 ? start : echoEnd);
        world.lastCommand(command);
    }

    @Then("the {console} console shows {string}")
    public void theConsoleShows(ConsoleRole role, String text) {
        theConsoleShowsWithin(role, text, 5_000 * ScenarioWorld.MS);
    }

    @Then("the {console} console shows {string} within {duration}")
    public void theConsoleShowsWithin(ConsoleRole role, String text, Long timeout) {
        Lab lab = world.lab();
        int from = world.cursor(role);
        int end = lab.waitFor(role, text, from, timeout);
        if (end < 0) {
            Console c = lab.console(role);
            throw new AssertionError(String.format("the %s console did not show \"%s\" within %s of virtual time%s%n"
                    + "output since the last match:%n%s", role.name().toLowerCase(), text, human(timeout),
                    BoardSteps.diagnostics(lab), BoardSteps.tail(c.text().substring(Math.min(from, c.length())), 15)));
        }
        world.cursor(role, end);
    }

    @Then("the {console} console shows, in order:")
    public void theConsoleShowsInOrder(ConsoleRole role, List<String> lines) {
        for (String line : lines) theConsoleShowsWithin(role, line, 10_000 * ScenarioWorld.MS);
    }

    @Then("the {console} console never showed {string}")
    public void theConsoleNeverShowed(ConsoleRole role, String text) {
        assertThat(world.lab().console(role).text()).as("everything the %s console printed", role).doesNotContain(text);
    }

    @Then("the shell does not come back, because {string}")
    public void theShellDoesNotComeBack(String reason) {
        var shell = world.lab().linux().shell().orElseThrow();
        world.lab().board().runFor(COMMAND_TIMEOUT);
        org.assertj.core.api.Assertions.assertThat(shell.hung()).as("the root shell stopped answering").isTrue();
        org.assertj.core.api.Assertions.assertThat(shell.hangReason()).contains(reason);
    }

    @Then("the output shows {string}")
    public void theOutputShows(String text) {
        assertThat(commandOutput()).contains(text);
    }

    @Then("the output does not show {string}")
    public void theOutputDoesNotShow(String text) {
        assertThat(commandOutput()).doesNotContain(text);
    }

    @Then("the output is:")
    public void theOutputIs(String expected) {
        assertThat(commandOutput().stripTrailing()).isEqualTo(expected.stripTrailing());
    }

    private String commandOutput() {
        return world.lastCommandOutput();
    }

    static String human(long nanos) {
        if (nanos % 1_000_000_000L == 0) return nanos / 1_000_000_000L + " s";
        if (nanos % 1_000_000L == 0) return nanos / 1_000_000L + " ms";
        return nanos + " ns";
    }
}
