package dev.warden.steps;

import dev.warden.steps.docs.StepDoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.CellState;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.config.JailhouseRelease;
import dev.warden.lab.Lab;
import dev.warden.lab.ProjectFileKind;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steps in the words of a Jailhouse user: enabling, creating and starting cells with the real
 * {@code jailhouse} tool on the root shell, and asserting cell and CPU states from the model.
 */
public class JailhouseSteps {

    static final String CELLS = "/usr/share/jailhouse/cells/";
    static final String INMATES = "/usr/share/jailhouse/inmates/";
    private static final Pattern POOL = Pattern.compile("Page pool usage after ([a-z ]+): (mem \\d+/\\d+, remap \\d+/\\d+)");

    private final ScenarioWorld world;
    private final BoardSteps board;
    private final ConsoleSteps console;
    private final ProjectFiles files;

    public JailhouseSteps(ScenarioWorld world, BoardSteps board, ConsoleSteps console, ProjectFiles files) {
        this.world = world;
        this.board = board;
        this.console = console;
        this.files = files;
    }

    @StepDoc(value = "The release the root file system carries: `upstream` or `ti-v0.10` (default: the board profile's).",
            example = {"Given the Jailhouse release is \"ti-v0.10\""})
    @Given("the Jailhouse release is {string}")
    public void theJailhouseReleaseIs(String release) {
        world.release(JailhouseRelease.parse(release));
    }

    /** A damaged copy of a configuration: byte {@code offset} replaced, the rest as it was. */
    @StepDoc(value = "A damaged copy of a configuration (built-in name, project path or board path) at a path on the board.",
            example = {"Given a copy of \"k3-am654-idk-inmate-demo.cell\" with byte 5 set to 0 is at \"/home/root/x86-inmate.cell\""})
    @Given("a copy of {string} with byte {int} set to {int} is at {string}")
    public void aDamagedCopy(String source, int offset, int value, String target) {
        byte[] bytes = configuration(String.format("a copy of \"%s\" with byte %d set to %d is at \"%s\"",
                source, offset, value, target), source);
        bytes[offset] = (byte) value;
        world.lab().linux().fs().putBytes(target, bytes);
    }

    /** A configuration grown past what the hypervisor accepts: {@code extra} empty memory regions appended. */
    @StepDoc(value = "A configuration grown past what the hypervisor accepts, at a path on the board.",
            example = {"Given a copy of \"k3-am654-idk-inmate-demo.cell\" with 2100 more empty memory regions is at \"/home/root/huge.cell\""})
    @Given("a copy of {string} with {int} more empty memory regions is at {string}")
    public void aGrownCopy(String source, int extra, String target) {
        byte[] bytes = configuration(String.format("a copy of \"%s\" with %d more empty memory regions is at \"%s\"",
                source, extra, target), source);
        var cell = (dev.warden.config.CellConfig) dev.warden.config.CellConfigs.decode(bytes, source);
        var regions = new java.util.ArrayList<>(cell.memoryRegions());
        for (int i = 0; i < extra; i++) regions.add(new dev.warden.config.MemoryRegion(0, 0, 0, 0));
        world.lab().linux().fs().putBytes(target,
                dev.warden.config.CellConfigs.encode(cell.withMemoryRegions(regions)));
    }

    @StepDoc(value = "Hides a file of the root file system.",
            example = {"Given the root file system has no \"/lib/firmware/jailhouse.bin\""})
    @Given("the root file system has no {string}")
    public void theRootFileSystemHasNo(String path) {
        world.lab().linux().fs().hide(path);
    }

    @StepDoc(value = "Copies a file of your project (any kind) onto the root file system at that path.",
            example = {"Given the root file system has the file \"inmates/params.bin\" at \"/home/root/params.bin\""})
    @Given("the root file system has the file {string} at {string}")
    public void theRootFileSystemHasTheFile(String file, String target) {
        String step = String.format("the root file system has the file \"%s\" at \"%s\"", file, target);
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("step '" + step + "': \"" + target + "\" is not a path on the board (it must start with /)");
        }
        world.putOnRootFs(target, files.read(step, file).content());
    }

    @StepDoc(value = "Puts Debian's arm64 kernel and the busybox initramfs (from the cache `firmware-fixtures/linux/real/fetch-debian-kernel.sh` fills) on the root file system as `/root/debian/Image` and `/root/debian/initramfs.cpio.gz`: `jailhouse cell linux` with them boots the real kernel in the cell on Warden's cores (a minute or more of wall time; tag such scenarios `@slow`). Without this step the Linux inmate is the fast model.",
            example = {"Given the Linux inmate is the real kernel"})
    @Given("the Linux inmate is the real kernel")
    public void theLinuxInmateIsTheRealKernel() {
        java.nio.file.Path cache = RealKernelFiles.cache();
        for (String file : RealKernelFiles.FILES) {
            world.putOnRootFs(RealKernelFiles.ON_BOARD + file, RealKernelFiles.read("the Linux inmate is the real kernel", cache, file));
        }
    }

    @StepDoc(value = "Logs in and, on a board whose root file system does not load jailhouse.ko at boot, loads it with `insmod /root/jailhouse.ko`, as a user does. A fork point.",
            example = {"Given the jailhouse driver is loaded"})
    @Given("the jailhouse driver is loaded")
    public void theJailhouseDriverIsLoaded() {
        world.forkPoint("load the jailhouse driver", false, () -> {
            loggedIn();
            if (world.lab().driver().isEmpty()) succeeds("insmod /root/jailhouse.ko");
        });
    }

    @StepDoc(value = "Logs in (loading jailhouse.ko if needed) and runs `jailhouse enable` with the root cell configuration: a built-in name (in `/usr/share/jailhouse/cells/`) or your project's file, copied to `/home/root/<path>`. A fork point.",
            example = {"Given the hypervisor is enabled with the root cell \"k3-am654-idk.cell\"", "Given the hypervisor is enabled with the root cell \"cells/my-board.cell\""})
    @Given("the hypervisor is enabled with the root cell {string}")
    public void theHypervisorIsEnabled(String cellFile) {
        world.forkPoint("enable the hypervisor with the root cell " + files.named(cellFile), false, () -> {
            theJailhouseDriverIsLoaded();
            String onBoard = files.onBoard(String.format("the hypervisor is enabled with the root cell \"%s\"", cellFile),
                    cellFile, CELLS, ProjectFileKind.ROOT_CELL_CONFIG);
            succeeds("jailhouse enable " + onBoard);
        });
    }

    @StepDoc(value = "Runs `jailhouse cell create` with the cell configuration (built-in name or project path); it must succeed. A fork point.",
            example = {"Given the cell \"k3-am654-idk-inmate-demo.cell\" is created", "Given the cell \"cells/my-board-inmate.cell\" is created"})
    @Given("the cell {string} is created")
    public void theCellIsCreated(String cellFile) {
        world.forkPoint("create the cell " + files.named(cellFile), false, () -> {
            String onBoard = files.onBoard(String.format("the cell \"%s\" is created", cellFile), cellFile, CELLS,
                    ProjectFileKind.CELL_CONFIG);
            succeeds("jailhouse cell create " + onBoard);
        });
    }

    @StepDoc(value = "Runs `jailhouse cell load NAME IMAGE` with a built-in inmate (in `/usr/share/jailhouse/inmates/`) or your project's binary.",
            example = {"Given the inmate \"uart-demo.bin\" is loaded into the cell \"inmate-demo\""})
    @Given("the inmate {string} is loaded into the cell {string}")
    public void theInmateIsLoaded(String inmate, String cell) {
        String image = inmate(String.format("the inmate \"%s\" is loaded into the cell \"%s\"", inmate, cell), inmate);
        succeeds("jailhouse cell load " + cell + " " + image);
    }

    @StepDoc(value = "The same, at a load address in the cell (`jailhouse cell load NAME IMAGE -a ADDRESS`).",
            example = {"Given the inmate \"inmates/my-demo.bin\" is loaded into the cell \"my-inmate\" at 0x0"})
    @Given("the inmate {string} is loaded into the cell {string} at {word}")
    public void theInmateIsLoadedAt(String inmate, String cell, String address) {
        String step = String.format("the inmate \"%s\" is loaded into the cell \"%s\" at %s", inmate, cell, address);
        try {
            dev.warden.steps.inmates.ProbeParameters.parse64(address);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("step '" + step + "': \"" + address
                    + "\" is not an address in the cell (expected a number such as 0x1000)");
        }
        succeeds("jailhouse cell load " + cell + " " + inmate(step, inmate) + " -a " + address);
    }

    @StepDoc(value = "Loads the mmio-probe inmate with its parameter block: one access (`read32 ADDR`, `write8 ADDR VALUE`, `exec ADDR`, `hvc0`).",
            example = {"Given the inmate \"mmio-probe.bin\" is loaded into the cell \"inmate-demo\" with the access \"write32 0x02800000 0x41\""})
    @Given("the inmate {string} is loaded into the cell {string} with the access {string}")
    public void theProbeIsLoaded(String inmate, String cell, String access) {
        probe(String.format("the inmate \"%s\" is loaded into the cell \"%s\" with the access \"%s\"", inmate, cell, access),
                inmate, cell, java.util.List.of(access));
    }

    @StepDoc(value = "The same, with one access per table row, in order.",
            example = {"Given the inmate \"mmio-probe.bin\" is loaded into the cell \"inmate-demo\" with the accesses:\n  | write32 0x8000 0x12345678 |\n  | read32 0x8000             |"})
    @Given("the inmate {string} is loaded into the cell {string} with the accesses:")
    public void theProbeIsLoadedWith(String inmate, String cell, java.util.List<String> accesses) {
        probe(String.format("the inmate \"%s\" is loaded into the cell \"%s\" with the accesses:", inmate, cell),
                inmate, cell, accesses);
    }

    private void probe(String step, String inmate, String cell, java.util.List<String> accesses) {
        String image = inmate(step, inmate);
        byte[] block = dev.warden.steps.inmates.ProbeParameters.of(accesses);
        world.lab().linux().fs().putBytes("/home/root/probe.bin", block);
        succeeds("jailhouse cell load " + cell + " " + image + " /home/root/probe.bin -a 0x1000");
    }

    @StepDoc(value = "Loads the psci-cpu-on inmate with the MPIDRs it asks PSCI to switch on.",
            example = {"Given the inmate \"psci-cpu-on.bin\" is loaded into the cell \"inmate-demo\" to switch on the CPUs \"0x100 0x1\""})
    @Given("the inmate {string} is loaded into the cell {string} to switch on the CPUs {string}")
    public void thePsciProbeIsLoaded(String inmate, String cell, String mpidrs) {
        String image = inmate(String.format("the inmate \"%s\" is loaded into the cell \"%s\" to switch on the CPUs \"%s\"",
                inmate, cell, mpidrs), inmate);
        byte[] block = dev.warden.steps.inmates.PsciParameters.of(java.util.Arrays.asList(mpidrs.split("[ ,]+")));
        world.lab().linux().fs().putBytes("/home/root/psci.bin", block);
        succeeds("jailhouse cell load " + cell + " " + image + " /home/root/psci.bin -a 0x1000");
    }

    /** The inmate's path on the board: a built-in inmate's, or the project's copied onto the board. */
    private String inmate(String step, String name) {
        return files.onBoard(step, name, INMATES, ProjectFileKind.INMATE);
    }

    /** A configuration's bytes: the project's file, or the file on the board. */
    private byte[] configuration(String step, String source) {
        if (ProjectFiles.isProjectPath(source)) {
            return files.read(step, source, ProjectFileKind.ROOT_CELL_CONFIG, ProjectFileKind.CELL_CONFIG).content();
        }
        return world.lab().linux().fs().read(path(source))
                .orElseThrow(() -> new AssertionError("no " + path(source) + " on the board"));
    }

    @StepDoc(value = "The last fault's register dump on the hypervisor console shows the register with that value.",
            example = {"Then the register dump shows x0 = 0x2800000"})
    @Then("the register dump shows x{int} = {word}")
    public void theRegisterDumpShows(int register, String value) {
        String expected = String.format("x%d: %016x", register, dev.warden.steps.inmates.ProbeParameters.parse64(value));
        assertThat(lastRegisterDump()).as("the register dump").contains(expected);
    }

    /**
     * The data-abort syndrome in the dump (esr: EC IL ISS) names the transfer register (ISS.SRT,
     * bits 16-20); that register must hold the value: the dump shows the core's real registers.
     */
    @StepDoc(value = "The data-abort syndrome (ESR) of the last dump names a transfer register, and that register holds the value.",
            example = {"Then the register the fault's syndrome names holds 0x41"})
    @Then("the register the fault's syndrome names holds {word}")
    public void theSyndromeRegisterHolds(String value) {
        String dump = lastRegisterDump();
        Matcher esr = Pattern.compile("esr: ([0-9a-f]{2}) ([0-9a-f]) ([0-9a-f]{7})").matcher(dump);
        assertThat(esr.find()).as("an esr field in the dump:%n%s", dump).isTrue();
        long iss = Long.parseLong(esr.group(3), 16);
        assertThat(iss & (1L << 24)).as("ISS.ISV: the syndrome names a register").isNotZero();
        int srt = (int) ((iss >> 16) & 0x1f);
        assertThat(dump).as("the register dump").contains(String.format("x%d: %016x", srt, dev.warden.steps.inmates.ProbeParameters.parse64(value)));
    }

    /** ISS.DFSC of the dump's syndrome: a translation fault is 0b0001LL, LL the level the stage-2 walk stopped at. */
    @StepDoc(value = "The last register dump's syndrome (esr) reports a stage-2 translation fault at that level of the walk (0-3).",
            example = {"Then the fault's syndrome reports a translation fault at level 2"})
    @Then("the fault's syndrome reports a translation fault at level {int}")
    public void theSyndromeReportsATranslationFault(int level) {
        String dump = lastRegisterDump();
        Matcher esr = Pattern.compile("esr: ([0-9a-f]{2}) ([0-9a-f]) ([0-9a-f]{7})").matcher(dump);
        assertThat(esr.find()).as("an esr field in the dump:%n%s", dump).isTrue();
        long iss = Long.parseLong(esr.group(3), 16);
        assertThat(iss & 0x3f).as("ISS.DFSC of esr %s", esr.group(3)).isEqualTo(0x04L + level);
    }

    private String lastRegisterDump() {
        String text = world.lab().console(ConsoleRole.HYPERVISOR).text();
        int dump = text.lastIndexOf("Cell state before exception:");
        assertThat(dump).as("a register dump on the hypervisor console").isNotNegative();
        return text.substring(dump);
    }

    @StepDoc(value = "Runs `jailhouse cell start`; it must succeed. A fork point.",
            example = {"When the cell \"inmate-demo\" is started"})
    @When("the cell {string} is started")
    public void theCellIsStarted(String cell) {
        succeeds("jailhouse cell start " + cell);
    }

    @StepDoc(value = "Runs `jailhouse cell destroy`; it must succeed. A fork point.",
            example = {"When the cell \"inmate-demo\" is destroyed"})
    @When("the cell {string} is destroyed")
    public void theCellIsDestroyed(String cell) {
        succeeds("jailhouse cell destroy " + cell);
    }

    @StepDoc(value = "The last command exited with status 0.",
            example = {"Then the command succeeds"})
    @Then("the command succeeds")
    public void theCommandSucceeds() {
        assertThat(exitStatus()).as("exit status of the last command").isZero();
    }

    @StepDoc(value = "The last command exited with another status and printed the text.",
            example = {"Then the command fails with \"JAILHOUSE_CELL_CREATE: Invalid argument\""})
    @Then("the command fails with {string}")
    public void theCommandFailsWith(String message) {
        String output = world.lastCommandOutput();
        assertThat(output).as("output of '%s'", world.lastCommand()).contains(message);
        assertThat(exitStatus()).as("exit status of '%s'", world.lastCommand()).isNotZero();
    }

    @StepDoc(value = "The hypervisor's state of the cell: `running`, `running/locked`, `shut down`, `failed`.",
            example = {"Then the cell \"inmate-demo\" is in state \"failed\""})
    @Then("the cell {string} is in state {string}")
    public void theCellIsInState(String name, String state) {
        Cell cell = hypervisor().cellNamed(name).orElseThrow(() -> new AssertionError("no cell named \"" + name
                + "\"; cells: " + hypervisor().cells().stream().map(Cell::name).toList()));
        assertThat(cell.state()).as("state of cell \"%s\"", name).isEqualTo(CellState.parse(state));
    }

    @StepDoc(value = "The hypervisor's state of the root cell.",
            example = {"Then the root cell is \"running\""})
    @Then("the root cell is {string}")
    public void theRootCellIs(String state) {
        assertThat(hypervisor().root().state()).isEqualTo(CellState.parse(state));
    }

    @StepDoc(value = "The CPU is marked failed in the cell that owns it.",
            example = {"Then CPU 3 is parked"})
    @Then("CPU {int} is parked")
    public void cpuIsParked(int cpu) {
        Cell owner = hypervisor().cellOfCpu(cpu).orElseThrow(() -> new AssertionError("no cell owns CPU " + cpu));
        assertThat(owner.failedCpus().get(cpu)).as("CPU %d of cell \"%s\" is marked failed", cpu, owner.name()).isTrue();
    }

    @StepDoc(value = "Only the root cell is left.",
            example = {"Then no cell exists but the root cell"})
    @Then("no cell exists but the root cell")
    public void onlyTheRootCell() {
        assertThat(hypervisor().cells()).extracting(Cell::name).containsExactly(hypervisor().root().name());
    }

    @StepDoc(value = "Jailhouse is no longer enabled.",
            example = {"Then the hypervisor is disabled"})
    @Then("the hypervisor is disabled")
    public void theHypervisorIsDisabled() {
        assertThat(world.lab().hypervisor()).as("the hypervisor").isEmpty();
    }

    @StepDoc(value = "The hypervisor console's page pool lines: destroying the cells gave every page back.",
            example = {"Then the page pool usage after cell destruction equals that after late setup"})
    @Then("the page pool usage after cell destruction equals that after late setup")
    public void poolReturns() {
        String text = world.lab().console(ConsoleRole.HYPERVISOR).text();
        String late = lastPool(text, "late setup");
        String destroyed = lastPool(text, "cell destruction");
        assertThat(destroyed).as("page pool after the cell went away").isEqualTo(late);
    }

    private static String lastPool(String text, String when) {
        Matcher m = POOL.matcher(text);
        String found = null;
        while (m.find()) if (m.group(1).equals(when)) found = m.group(2);
        if (found == null) throw new AssertionError("the hypervisor console has no 'Page pool usage after " + when + "' line");
        return found;
    }

    // ---- helpers ----

    private void loggedIn() {
        board.iLogInAsRoot();
    }

    private void succeeds(String command) {
        console.iRun(command);
        if (exitStatus() != 0) {
            throw new AssertionError("'" + command + "' failed (exit " + exitStatus() + "):\n" + world.lastCommandOutput());
        }
    }

    private int exitStatus() {
        return world.lab().linux().shell().orElseThrow().lastStatus();
    }

    private Hypervisor hypervisor() {
        return world.lab().hypervisor().orElseThrow(() -> new AssertionError("the hypervisor is not enabled"));
    }

    static String path(String file) {
        return file.startsWith("/") ? file : CELLS + file;
    }
}
