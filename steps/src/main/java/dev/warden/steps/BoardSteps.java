package dev.warden.steps;

import dev.warden.steps.docs.StepDoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.lab.Lab;
import dev.warden.lab.ProjectFile;
import dev.warden.lab.ProjectFileKind;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Power-on, boot media and boot-to-login steps. */
public class BoardSteps {

    private final ScenarioWorld world;
    private final ProjectFiles files;

    public BoardSteps(ScenarioWorld world, ProjectFiles files) {
        this.world = world;
        this.files = files;
    }

    @StepDoc(value = "Picks the board: one of Warden's (`k3-am654-idk`, `k3-j721e-evm`, `qemu-arm64-virt`) or one in your project's `board-profiles/`.",
            example = {"Given the board \"k3-am654-idk\""})
    @Given("the board {string}")
    public void theBoard(String board) {
        world.board(board);
    }

    @StepDoc(value = "Writes the overlays into uEnv.txt (`overlay_files` or `name_overlays`, whichever the board's U-Boot reads); a project path puts your `.dtbo` on the SD card first.",
            example = {"Given the boot media lists the overlay \"k3-am654-idk-jailhouse.dtbo\"", "Given the boot media lists the overlays \"boot/my-board-jailhouse.dtbo boot/my-board-pins.dtbo\""})
    @Given("the boot media lists the overlay(s) {string}")
    public void theBootMediaListsTheOverlays(String overlays) {
        listOverlays(String.format("the boot media lists the %s \"%s\"", overlayWord(overlays), overlays), overlays);
    }

    /** "overlay" or "overlays", as the step was most likely written: error messages quote the step. */
    private static String overlayWord(String overlays) {
        return overlays.trim().split("[ ,]+").length == 1 ? "overlay" : "overlays";
    }

    private void listOverlays(String step, String overlays) {
        world.request().overlays(Arrays.stream(overlays.split("[ ,]+")).filter(s -> !s.isBlank())
                .map(name -> deviceTree(step, name)).toList());
    }

    /**
     * The name uEnv.txt gives a tree: a built-in name as it is; a project file is put on the SD card
     * where the board's U-Boot loads trees from, and listed by its file name.
     */
    private String deviceTree(String step, String name) {
        if (!ProjectFiles.isProjectPath(name)) return name;
        ProjectFile file = files.read(step, name, ProjectFileKind.DEVICE_TREE);
        world.request().deviceTree(file.fileName(), file.content());
        return file.fileName();
    }

    @StepDoc(value = "Boots from your own SD card: the project folder's files (uEnv.txt, `Image`, `dtb/`) instead of the board's boot media; the folder itself is never changed.",
            example = {"Given the boot media is the folder \"boot/\""})
    @Given("the boot media is the folder {string}")
    public void theBootMediaIsTheFolder(String folder) {
        world.request().media(files.folder(String.format("the boot media is the folder \"%s\"", folder), folder));
    }

    @StepDoc(value = "Puts your arm64 kernel `Image` (a project path) on the SD card where U-Boot loads `${name_kern}`.",
            example = {"Given the kernel image is \"boot/Image\""})
    @Given("the kernel image is {string}")
    public void theKernelImageIs(String image) {
        String step = String.format("the kernel image is \"%s\"", image);
        if (!ProjectFiles.isProjectPath(image)) {
            throw new IllegalArgumentException("step '" + step + "': give the kernel Image as a path in the project, such as"
                    + " \"boot/Image\" (the board's own Image is used when no step names one)");
        }
        // U-Boot loads ${bootdir}/${name_kern}, and name_kern is "Image" in every board's environment
        world.request().file("Image", files.read(step, image, ProjectFileKind.KERNEL_IMAGE).content());
    }

    @StepDoc(value = "Empties the overlay list of uEnv.txt.",
            example = {"Given the boot media lists no overlays"})
    @Given("the boot media lists no overlays")
    public void theBootMediaListsNoOverlays() {
        world.request().overlays(List.of());
    }

    @StepDoc(value = "U-Boot loads this device tree instead of the board's (`name_fdt`); a project path puts your `.dtb` on the SD card first.",
            example = {"Given the base device tree is \"k3-am654-base-board-no-symbols.dtb\"", "Given the base device tree is \"boot/my-board.dtb\""})
    @Given("the base device tree is {string}")
    public void theBaseDeviceTreeIs(String dtb) {
        world.request().baseDtb(deviceTree(String.format("the base device tree is \"%s\"", dtb), dtb));
    }

    @StepDoc(value = "Replaces uEnv.txt with the doc string.",
            example = {"Given uEnv.txt on the boot media is:\n  \"\"\"\n  name_overlays=qemu-arm64-virt-jailhouse.dtbo\n  \"\"\""})
    @Given("uEnv.txt on the boot media is:")
    public void uEnvIs(String text) {
        world.request().uEnv(text.endsWith("\n") ? text : text + "\n");
    }

    @StepDoc(value = "Puts a text file on the SD card.",
            example = {"Given the boot media has a file \"notes.txt\" containing \"bench 3\""})
    @Given("the boot media has a file {string} containing {string}")
    public void theBootMediaHasAFile(String path, String content) {
        world.request().file(path, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    @StepDoc(value = "Switches the board on (virtual time 0): U-Boot starts, nothing is awaited.",
            example = {"When the board is powered on"})
    @When("the board is powered on")
    public void theBoardIsPoweredOn() {
        world.powerOn();
    }

    @StepDoc(value = "Picks the board and switches it on.",
            example = {"Given the board \"qemu-arm64-virt\" is powered on"})
    @Given("the board {string} is powered on")
    public void theBoardIsPoweredOn(String board) {
        world.board(board);
        world.powerOn();
    }

    @StepDoc(value = "Switches the board on, keeping a setup error (unknown board, profile and device tree disagreeing) for the next step instead of failing.",
            example = {"When I try to power on the board \"no-such-board\""})
    @When("I try to power on the board {string}")
    public void iTryToPowerOn(String board) {
        world.board(board);
        try {
            world.powerOn();
        } catch (RuntimeException e) {
            world.setupError(e);
        }
    }

    @StepDoc(value = "The last power-on failed with this error.",
            example = {"Then the board does not start, because \"unknown board 'no-such-board'\""})
    @Then("the board does not start, because {string}")
    public void theBoardDoesNotStart(String reason) {
        assertThat(world.setupError()).as("the error from powering on").isPresent();
        assertThat(world.setupError().get().getMessage()).contains(reason);
    }

    @StepDoc(value = "Powers the board on and waits (up to 60 s of virtual time) for its login prompt. A fork point.",
            example = {"Given the board \"k3-am654-idk\" has booted"})
    @Given("the board {string} has booted")
    public void theBoardHasBooted(String board) {
        world.board(board);
        bootToLogin();
    }

    @StepDoc(value = "The same, with these overlays in uEnv.txt (built-in names or project paths). A fork point.",
            example = {"Given the board \"k3-am654-idk\" has booted with the overlay \"k3-am654-idk-jailhouse.dtbo\""})
    @Given("the board {string} has booted with the overlay(s) {string}")
    public void theBoardHasBootedWithTheOverlays(String board, String overlays) {
        world.board(board);
        listOverlays(String.format("the board \"%s\" has booted with the %s \"%s\"", board, overlayWord(overlays), overlays),
                overlays);
        bootToLogin();
    }

    @StepDoc(value = "Waits (up to 60 s of virtual time) for the login prompt, powering on first if needed.",
            example = {"Then the board boots to its login prompt"})
    @Then("the board boots to its login prompt")
    public void theBoardBootsToItsLoginPrompt() {
        if (world.labIfStarted().isEmpty()) world.powerOn();
        waitForLogin();
    }

    /** A fork point: scenarios that boot the same board on the same inputs boot it once ({@link ScenarioWorld#forkPoint}). */
    private void bootToLogin() {
        world.forkPoint("boot to the login prompt", true, () -> {
            world.powerOn();
            waitForLogin();
        });
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

    @StepDoc(value = "Logs in on the primary console and waits for the shell prompt (does nothing when already logged in). A fork point.",
            example = {"When I log in as root", "Given I am logged in as root"})
    @When("I log in as root")
    @Given("I am logged in as root")
    public void iLogInAsRoot() {
        world.forkPoint("log in as root", false, this::logIn);
    }

    private void logIn() {
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

    @StepDoc(value = "What U-Boot passed over in silence: malformed uEnv.txt lines, missing files.",
            example = {"Then U-Boot notes \"has no file /boot/dtb/ti/k3-j721e-no-such-overlay.dtbo\""})
    @Then("U-Boot notes {string}")
    public void uBootNotes(String text) {
        assertThat(world.lab().uboot().diagnostics()).as("U-Boot diagnostics").anySatisfy(d -> assertThat(d).contains(text));
    }

    @StepDoc(value = "U-Boot's prompt `=> ` appears and no kernel was started.",
            example = {"Then the board stops at the U-Boot prompt"})
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
        String uboot = d.isEmpty() ? "" : "\nU-Boot diagnostics:\n  " + String.join("\n  ", d);
        // a guest that never stops: where each emulated core was when the virtual-time bound cut it off
        boolean emulated = false;
        for (int i = 0; i < lab.board().profile().cpus().size(); i++) emulated |= lab.board().cpus().core(i).isPresent();
        return emulated ? uboot + "\n" + dev.warden.emulator.board.CoreReport.text(lab.board()) : uboot;
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
