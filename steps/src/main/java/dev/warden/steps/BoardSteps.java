package dev.warden.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.lab.Lab;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Power-on, boot media and boot-to-login steps. */
public class BoardSteps {

    private final ScenarioWorld world;

    public BoardSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("the board {string}")
    public void theBoard(String board) {
        world.board(board);
    }

    @Given("the boot media lists the overlay(s) {string}")
    public void theBootMediaListsTheOverlays(String overlays) {
        world.request().overlays(Arrays.stream(overlays.split("[ ,]+")).filter(s -> !s.isBlank()).toList());
    }

    @Given("the boot media lists no overlays")
    public void theBootMediaListsNoOverlays() {
        world.request().overlays(List.of());
    }

    @Given("the base device tree is {string}")
    public void theBaseDeviceTreeIs(String dtb) {
        world.request().baseDtb(dtb);
    }

    @Given("uEnv.txt on the boot media is:")
    public void uEnvIs(String text) {
        world.request().uEnv(text.endsWith("\n") ? text : text + "\n");
    }

    @Given("the boot media has a file {string} containing {string}")
    public void theBootMediaHasAFile(String path, String content) {
        world.request().file(path, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    @When("the board is powered on")
    public void theBoardIsPoweredOn() {
        world.powerOn();
    }

    @Given("the board {string} is powered on")
    public void theBoardIsPoweredOn(String board) {
        world.board(board);
        world.powerOn();
    }

    @When("I try to power on the board {string}")
    public void iTryToPowerOn(String board) {
        world.board(board);
        try {
            world.powerOn();
        } catch (RuntimeException e) {
            world.setupError(e);
        }
    }

    @Then("the board does not start, because {string}")
    public void theBoardDoesNotStart(String reason) {
        assertThat(world.setupError()).as("the error from powering on").isPresent();
        assertThat(world.setupError().get().getMessage()).contains(reason);
    }

    @Given("the board {string} has booted")
    public void theBoardHasBooted(String board) {
        world.board(board);
        bootToLogin();
    }

    @Given("the board {string} has booted with the overlay(s) {string}")
    public void theBoardHasBootedWithTheOverlays(String board, String overlays) {
        world.board(board);
        theBootMediaListsTheOverlays(overlays);
        bootToLogin();
    }

    @Then("the board boots to its login prompt")
    public void theBoardBootsToItsLoginPrompt() {
        if (world.labIfStarted().isEmpty()) world.powerOn();
        waitForLogin();
    }

    private void bootToLogin() {
        world.powerOn();
        waitForLogin();
    }

    private void waitForLogin() {
        Lab lab = world.lab();
        String prompt = lab.board().profile().boot().login().hostname() + " login: ";
        int end = lab.waitFor(ConsoleRole.PRIMARY, prompt, world.cursor(ConsoleRole.PRIMARY), ScenarioWorld.BOOT_TIMEOUT);
        if (end < 0) {
            throw new AssertionError("the board did not reach its login prompt '" + prompt + "' within "
                    + ScenarioWorld.BOOT_TIMEOUT / 1_000_000_000L + " s of virtual time"
                    + diagnostics(lab) + "\nlast console lines:\n" + tail(lab.console(ConsoleRole.PRIMARY).text(), 12));
        }
        world.cursor(ConsoleRole.PRIMARY, end);
    }

    @When("I log in as root")
    @Given("I am logged in as root")
    public void iLogInAsRoot() {
        Lab lab = world.lab();
        if (!lab.linux().shell().map(s -> s.loggedIn()).orElse(false)) {
            if (lab.linux().shell().isEmpty()) waitForLogin();
            lab.console(ConsoleRole.PRIMARY).type("root\n");
            String prompt = "root@" + lab.board().profile().boot().login().hostname() + ":~# ";
            int end = lab.waitFor(ConsoleRole.PRIMARY, prompt, world.cursor(ConsoleRole.PRIMARY), 5_000 * ScenarioWorld.MS);
            assertThat(end).as("shell prompt '%s' after logging in", prompt).isPositive();
            world.cursor(ConsoleRole.PRIMARY, end);
        }
    }

    @Then("U-Boot notes {string}")
    public void uBootNotes(String text) {
        assertThat(world.lab().uboot().diagnostics()).as("U-Boot diagnostics").anySatisfy(d -> assertThat(d).contains(text));
    }

    @Then("the board stops at the U-Boot prompt")
    public void theBoardStopsAtTheUBootPrompt() {
        Lab lab = world.lab();
        int end = lab.waitFor(ConsoleRole.PRIMARY, "=> ", world.cursor(ConsoleRole.PRIMARY), 30_000 * ScenarioWorld.MS);
        assertThat(end).as("the U-Boot prompt '=> '").isPositive();
        assertThat(lab.uboot().handoff()).as("the kernel was not started").isEmpty();
        world.cursor(ConsoleRole.PRIMARY, end);
    }

    static String diagnostics(Lab lab) {
        List<String> d = lab.uboot().diagnostics();
        return d.isEmpty() ? "" : "\nU-Boot diagnostics:\n  " + String.join("\n  ", d);
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
