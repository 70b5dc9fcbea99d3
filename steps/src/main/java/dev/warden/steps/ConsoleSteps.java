package dev.warden.steps;

import dev.warden.steps.docs.StepDoc;
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

    @StepDoc(value = "Types the text and a newline on that console.",
            example = {"When I type \"root\" on the secondary console"})
    @When("I type {string} on the {console} console")
    public void iTypeOnTheConsole(String text, ConsoleRole role) {
        world.lab().console(role).type(text + "\n");
    }

    @StepDoc(value = "Types a command in the root shell and waits (5 s of virtual time) for the prompt; the output steps look at what it printed.",
            example = {"When I run \"cat /proc/device-tree/model\""})
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

    @StepDoc(value = "Waits up to 5 s of virtual time for the text, from the last match on that console.",
            example = {"Then the primary console shows \"Loaded env from uEnv.txt\""})
    @Then("the {console} console shows {string}")
    public void theConsoleShows(ConsoleRole role, String text) {
        theConsoleShowsWithin(role, text, 5_000 * ScenarioWorld.MS);
    }

    @StepDoc(value = "The same, with your own bound in virtual time.",
            example = {"Then the secondary console shows \"Hello 1 from cell!\" within 50 ms"})
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

    @StepDoc(value = "Each line of the table, one after the other (each within 10 s of virtual time).",
            example = {"Then the hypervisor console shows, in order:\n  | Activating hypervisor |\n  | Created cell \"k3-am654-idk-linux-demo\" |"})
    @Then("the {console} console shows, in order:")
    public void theConsoleShowsInOrder(ConsoleRole role, List<String> lines) {
        for (String line : lines) theConsoleShowsWithin(role, line, 10_000 * ScenarioWorld.MS);
    }

    @StepDoc(value = "Nothing the console printed so far contains the text.",
            example = {"Then the primary console never showed \"Kernel panic\""})
    @Then("the {console} console never showed {string}")
    public void theConsoleNeverShowed(ConsoleRole role, String text) {
        assertThat(world.lab().console(role).text()).as("everything the %s console printed", role).doesNotContain(text);
    }

    @StepDoc(value = "The root CPU that runs the shell was parked or spins in the hypervisor, for this reason.",
            example = {"Then the shell does not come back, because \"waiting for cell \\\"inmate-demo\\\" to answer its shutdown request\""})
    @Then("the shell does not come back, because {string}")
    public void theShellDoesNotComeBack(String reason) {
        var shell = world.lab().linux().shell().orElseThrow();
        world.lab().run("letting the board run", () -> {
            world.lab().board().runFor(COMMAND_TIMEOUT);
            return null;
        });
        org.assertj.core.api.Assertions.assertThat(shell.hung()).as("the root shell stopped answering").isTrue();
        org.assertj.core.api.Assertions.assertThat(shell.hangReason()).contains(reason);
    }

    @StepDoc(value = "The last command's output contains the text.",
            example = {"Then the output shows \"jailhouse@8dfb00000\""})
    @Then("the output shows {string}")
    public void theOutputShows(String text) {
        assertThat(commandOutput()).contains(text);
    }

    @StepDoc(value = "The last command's output does not contain the text.",
            example = {"Then the output does not show \"inmate-demo\""})
    @Then("the output does not show {string}")
    public void theOutputDoesNotShow(String text) {
        assertThat(commandOutput()).doesNotContain(text);
    }

    @StepDoc(value = "The last command's output is exactly the doc string (trailing blanks aside).",
            example = {"Then the output is:\n  \"\"\"\n  Texas Instruments AM654 Base Board\n  \"\"\""})
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
