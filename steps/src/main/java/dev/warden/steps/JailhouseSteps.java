package dev.warden.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.CellState;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.config.JailhouseRelease;
import dev.warden.lab.Lab;
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

    public JailhouseSteps(ScenarioWorld world, BoardSteps board, ConsoleSteps console) {
        this.world = world;
        this.board = board;
        this.console = console;
    }

    @Given("the Jailhouse release is {string}")
    public void theJailhouseReleaseIs(String release) {
        world.request().release(JailhouseRelease.parse(release));
    }

    /** A damaged copy of a configuration: byte {@code offset} replaced, the rest as it was. */
    @Given("a copy of {string} with byte {int} set to {int} is at {string}")
    public void aDamagedCopy(String source, int offset, int value, String target) {
        byte[] bytes = world.lab().linux().fs().read(path(source))
                .orElseThrow(() -> new AssertionError("no " + path(source) + " on the board"));
        bytes[offset] = (byte) value;
        world.lab().linux().fs().putBytes(target, bytes);
    }

    /** A configuration grown past what the hypervisor accepts: {@code extra} empty memory regions appended. */
    @Given("a copy of {string} with {int} more empty memory regions is at {string}")
    public void aGrownCopy(String source, int extra, String target) {
        byte[] bytes = world.lab().linux().fs().read(path(source))
                .orElseThrow(() -> new AssertionError("no " + path(source) + " on the board"));
        var cell = (dev.warden.config.CellConfig) dev.warden.config.CellConfigs.decode(bytes, source);
        var regions = new java.util.ArrayList<>(cell.memoryRegions());
        for (int i = 0; i < extra; i++) regions.add(new dev.warden.config.MemoryRegion(0, 0, 0, 0));
        world.lab().linux().fs().putBytes(target,
                dev.warden.config.CellConfigs.encode(cell.withMemoryRegions(regions)));
    }

    @Given("the root file system has no {string}")
    public void theRootFileSystemHasNo(String path) {
        world.lab().linux().fs().hide(path);
    }

    /** Boards whose root file system does not load jailhouse.ko at boot get it with insmod, as a user does. */
    @Given("the jailhouse driver is loaded")
    public void theJailhouseDriverIsLoaded() {
        loggedIn();
        if (world.lab().driver().isEmpty()) succeeds("insmod /root/jailhouse.ko");
    }

    @Given("the hypervisor is enabled with the root cell {string}")
    public void theHypervisorIsEnabled(String cellFile) {
        theJailhouseDriverIsLoaded();
        succeeds("jailhouse enable " + path(cellFile));
    }

    @Given("the cell {string} is created")
    public void theCellIsCreated(String cellFile) {
        succeeds("jailhouse cell create " + path(cellFile));
    }

    @Given("the inmate {string} is loaded into the cell {string}")
    public void theInmateIsLoaded(String inmate, String cell) {
        succeeds("jailhouse cell load " + cell + " " + INMATES + inmate);
    }

    @Given("the inmate {string} is loaded into the cell {string} with the access {string}")
    public void theProbeIsLoaded(String inmate, String cell, String access) {
        theProbeIsLoadedWith(inmate, cell, java.util.List.of(access));
    }

    @Given("the inmate {string} is loaded into the cell {string} with the accesses:")
    public void theProbeIsLoadedWith(String inmate, String cell, java.util.List<String> accesses) {
        byte[] block = dev.warden.steps.inmates.ProbeParameters.of(accesses);
        world.lab().linux().fs().putBytes("/home/root/probe.bin", block);
        succeeds("jailhouse cell load " + cell + " " + INMATES + inmate + " /home/root/probe.bin -a 0x1000");
    }

    @Given("the inmate {string} is loaded into the cell {string} to switch on the CPUs {string}")
    public void thePsciProbeIsLoaded(String inmate, String cell, String mpidrs) {
        byte[] block = dev.warden.steps.inmates.PsciParameters.of(java.util.Arrays.asList(mpidrs.split("[ ,]+")));
        world.lab().linux().fs().putBytes("/home/root/psci.bin", block);
        succeeds("jailhouse cell load " + cell + " " + INMATES + inmate + " /home/root/psci.bin -a 0x1000");
    }

    @Then("the register dump shows x{int} = {word}")
    public void theRegisterDumpShows(int register, String value) {
        String expected = String.format("x%d: %016x", register, Long.decode(value));
        assertThat(lastRegisterDump()).as("the register dump").contains(expected);
    }

    /**
     * The data-abort syndrome in the dump (esr: EC IL ISS) names the transfer register (ISS.SRT,
     * bits 16-20); that register must hold the value: the dump shows the core's real registers.
     */
    @Then("the register the fault's syndrome names holds {word}")
    public void theSyndromeRegisterHolds(String value) {
        String dump = lastRegisterDump();
        Matcher esr = Pattern.compile("esr: ([0-9a-f]{2}) ([0-9a-f]) ([0-9a-f]{7})").matcher(dump);
        assertThat(esr.find()).as("an esr field in the dump:%n%s", dump).isTrue();
        long iss = Long.parseLong(esr.group(3), 16);
        assertThat(iss & (1L << 24)).as("ISS.ISV: the syndrome names a register").isNotZero();
        int srt = (int) ((iss >> 16) & 0x1f);
        assertThat(dump).as("the register dump").contains(String.format("x%d: %016x", srt, Long.decode(value)));
    }

    /** ISS.DFSC of the dump's syndrome: a translation fault is 0b0001LL, LL the level the stage-2 walk stopped at. */
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

    @When("the cell {string} is started")
    public void theCellIsStarted(String cell) {
        succeeds("jailhouse cell start " + cell);
    }

    @When("the cell {string} is destroyed")
    public void theCellIsDestroyed(String cell) {
        succeeds("jailhouse cell destroy " + cell);
    }

    @Then("the command succeeds")
    public void theCommandSucceeds() {
        assertThat(exitStatus()).as("exit status of the last command").isZero();
    }

    @Then("the command fails with {string}")
    public void theCommandFailsWith(String message) {
        String output = world.lastCommandOutput();
        assertThat(output).as("output of '%s'", world.lastCommand()).contains(message);
        assertThat(exitStatus()).as("exit status of '%s'", world.lastCommand()).isNotZero();
    }

    @Then("the cell {string} is in state {string}")
    public void theCellIsInState(String name, String state) {
        Cell cell = hypervisor().cellNamed(name).orElseThrow(() -> new AssertionError("no cell named \"" + name
                + "\"; cells: " + hypervisor().cells().stream().map(Cell::name).toList()));
        assertThat(cell.state()).as("state of cell \"%s\"", name).isEqualTo(CellState.parse(state));
    }

    @Then("the root cell is {string}")
    public void theRootCellIs(String state) {
        assertThat(hypervisor().root().state()).isEqualTo(CellState.parse(state));
    }

    @Then("CPU {int} is parked")
    public void cpuIsParked(int cpu) {
        Cell owner = hypervisor().cellOfCpu(cpu).orElseThrow(() -> new AssertionError("no cell owns CPU " + cpu));
        assertThat(owner.failedCpus().get(cpu)).as("CPU %d of cell \"%s\" is marked failed", cpu, owner.name()).isTrue();
    }

    @Then("no cell exists but the root cell")
    public void onlyTheRootCell() {
        assertThat(hypervisor().cells()).extracting(Cell::name).containsExactly(hypervisor().root().name());
    }

    @Then("the hypervisor is disabled")
    public void theHypervisorIsDisabled() {
        assertThat(world.lab().hypervisor()).as("the hypervisor").isEmpty();
    }

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
