package dev.warden.steps.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.check.CheckReport;
import dev.warden.config.check.CheckRun;
import dev.warden.config.check.ReportFormat;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.ConfigConverter;
import dev.warden.config.ConfigNames;
import dev.warden.config.ConfigFormat;
import dev.warden.config.CpuSet;
import dev.warden.config.Irqchip;
import dev.warden.config.JailhouseConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.SystemConfig;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Running {@code warden check} as a user would, and reading its report. */
public class CheckSteps {
    private final CheckWorld world;
    private Scenario scenario;

    public CheckSteps(CheckWorld world) {
        this.world = world;
    }

    @io.cucumber.java.Before
    public void remember(Scenario s) {
        scenario = s;
    }

    @Given("the configurations of the board {string}")
    public void theConfigurationsOfTheBoard(String board) {
        world.board(board);
    }

    @Given("{string} gets an extra memory region:")
    public void getsAnExtraMemoryRegion(String file, DataTable table) {
        JailhouseConfig config = world.read(String.format("\"%s\" gets an extra memory region:", file), file);
        CellConfig cell = config instanceof SystemConfig s ? s.rootCell() : (CellConfig) config;
        List<MemoryRegion> mem = new ArrayList<>(cell.memoryRegions());
        for (Map<String, String> row : table.asMaps()) {
            long phys = Long.decode(row.get("phys"));
            long virt = row.containsKey("virt") ? Long.decode(row.get("virt")) : phys;
            long flags = 0;
            for (String f : row.get("flags").split("[|\\s]+")) {
                flags |= ConfigNames.flagValue(f, ConfigNames.memoryFlags(ConfigFormat.REV14));
            }
            mem.add(new MemoryRegion(phys, virt, Long.decode(row.get("size")), flags));
        }
        CellConfig changed = cell.withMemoryRegions(mem);
        world.edit(file, config instanceof SystemConfig s ? s.withRootCell(changed) : changed);
    }

    @Given("{string} asks for the CPUs {string}")
    public void asksForTheCpus(String file, String cpus) {
        CellConfig cell = (CellConfig) world.read(String.format("\"%s\" asks for the CPUs \"%s\"", file, cpus), file);
        world.edit(file, cell.withCpus(CpuSet.parse(cpus)));
    }

    @Given("{string} grants only the interrupts {string}")
    public void grantsOnlyTheInterrupts(String file, String interrupts) {
        CellConfig cell = (CellConfig) world.read(
                String.format("\"%s\" grants only the interrupts \"%s\"", file, interrupts), file);
        Irqchip first = cell.irqchips().get(0);
        Irqchip only = Irqchip.of(first.address(), first.id(), first.pinBase(),
                CpuSet.parse(interrupts).stream().boxed().toList());
        world.edit(file, cell.withIrqchips(List.of(only)));
    }

    @Given("{string} is converted to revision {string}")
    public void isConvertedToRevision(String file, String revision) {
        JailhouseConfig config = world.read(String.format("\"%s\" is converted to revision \"%s\"", file, revision), file);
        world.edit(file, ConfigConverter.convert(config, ConfigFormat.parse(revision)).config());
    }

    @Given("{string} is cut off after {int} bytes")
    public void isCutOffAfter(String file, int bytes) throws Exception {
        byte[] full = Files.readAllBytes(world.cell(String.format("\"%s\" is cut off after %d bytes", file, bytes), file));
        world.write(file, Arrays.copyOf(full, bytes));
    }

    @When("I check {string}")
    public void iCheck(String files) {
        run(String.format("I check \"%s\"", files), files, Optional.empty(), List.of());
    }

    @When("I check {string} against the device tree {string}")
    public void iCheckAgainstTheDeviceTree(String files, String dtb) {
        String step = String.format("I check \"%s\" against the device tree \"%s\"", files, dtb);
        run(step, files, Optional.of(world.deviceTree(step, dtb)), List.of());
    }

    @When("I check {string} against the device tree {string} with the overlay {string}")
    public void iCheckAgainstTheDeviceTreeWithTheOverlay(String files, String dtb, String overlay) {
        String step = String.format("I check \"%s\" against the device tree \"%s\" with the overlay \"%s\"", files, dtb, overlay);
        run(step, files, Optional.of(world.deviceTree(step, dtb)), List.of(world.deviceTree(step, overlay)));
    }

    private void run(String step, String files, Optional<Path> dtb, List<Path> overlays) {
        List<Path> paths = new ArrayList<>();
        for (String f : files.trim().split("[,\\s]+")) {
            paths.add(world.cell(step, f));
        }
        CheckRun.Outcome o = CheckRun.run(paths.get(0), paths.subList(1, paths.size()), dtb, overlays);
        world.outcome(o);
        if (scenario != null) {
            String text = o.report().map(ReportFormat.TEXT::render).orElse(o.inputError());
            scenario.attach(text, "text/plain", "warden check");
        }
    }

    private CheckReport report() {
        CheckRun.Outcome o = world.outcome();
        assertThat(o.report()).as("the check could not read its input: %s", o.inputError()).isPresent();
        return o.report().get();
    }

    @Then("the check passes")
    public void theCheckPasses() {
        assertThat(world.outcome().exitCode()).as(describe()).isZero();
    }

    @Then("the check fails")
    public void theCheckFails() {
        assertThat(world.outcome().exitCode()).as(describe()).isEqualTo(1);
    }

    @Then("the check cannot use its input")
    public void theCheckCannotUseItsInput() {
        assertThat(world.outcome().exitCode()).as(describe()).isEqualTo(2);
    }

    @Then("the input error says {string}")
    public void theInputErrorSays(String text) {
        assertThat(world.outcome().inputError()).contains(text);
    }

    @Then("the report has no errors")
    public void theReportHasNoErrors() {
        assertThat(report().findings()).as(describe()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Then("the report has no findings of rule {string}")
    public void theReportHasNoFindingsOfRule(String rule) {
        assertThat(report().byRule(rule)).as(describe()).isEmpty();
    }

    @Then("the report has rule {string} for cell {string}")
    public void theReportHasRuleForCell(String rule, String cell) {
        assertThat(report().byRule(rule)).as(describe()).anyMatch(f -> f.involvesCell(cell));
    }

    @Then("the report has rule {string} for region {int} of cell {string}")
    public void theReportHasRuleForRegionOfCell(String rule, int region, String cell) {
        String element = "mem_regions[" + region + "]";
        assertThat(report().byRule(rule)).as(describe()).anyMatch(f -> f.locations().stream()
                .anyMatch(l -> l.cell().equals(cell) && l.element().equals(element)));
    }

    @Then("the file {string} is in the layout of revision {string}")
    public void theFileIsInTheLayoutOfRevision(String file, String revision) {
        JailhouseConfig config = world.read(String.format("the file \"%s\" is in the layout of revision \"%s\"", file, revision), file);
        assertThat(config.format()).isEqualTo(ConfigFormat.parse(revision));
    }

    @Then("the report has rule {string} at address {string}")
    public void theReportHasRuleAtAddress(String rule, String address) {
        long a = Long.decode(address);
        assertThat(report().byRule(rule)).as(describe())
                .anyMatch(f -> f.locations().stream().anyMatch(l -> l.address() == a));
    }

    @Then("the report has rule {string} with severity {string}")
    public void theReportHasRuleWithSeverity(String rule, String severity) {
        assertThat(report().byRule(rule)).as(describe()).isNotEmpty()
                .allMatch(f -> f.severity().label().equals(severity));
    }

    @Then("the finding of rule {string} says {string}")
    public void theFindingOfRuleSays(String rule, String text) {
        assertThat(report().byRule(rule)).as(describe()).anyMatch(f -> f.message().contains(text));
    }

    @Then("every finding says how to fix it")
    public void everyFindingSaysHowToFixIt() {
        assertThat(report().findings()).isNotEmpty().allMatch(f -> !f.fix().isBlank() && !f.locations().isEmpty());
    }

    private String describe() {
        CheckRun.Outcome o = world.outcome();
        return o.report().map(r -> ReportFormat.TEXT.render(r)).orElse(o.inputError());
    }
}
