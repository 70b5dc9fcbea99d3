package dev.warden.steps.check;

import dev.warden.steps.docs.StepDoc;
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

    @StepDoc(value = "The check steps look at this board's configurations (its built-in `cells/`, or project paths).",
            example = {"Given the configurations of the board \"qemu-arm64-virt\""})
    @Given("the configurations of the board {string}")
    public void theConfigurationsOfTheBoard(String board) {
        world.board(board);
    }

    @StepDoc(value = "An edited copy of the configuration with one more memory region per table row (`phys`, optional `virt`, `size`, `flags`).",
            example = {"Given \"qemu-arm64-inmate-demo.cell\" gets an extra memory region:\n  | phys      | size  | flags         |\n  | 0x9040000 | 0x800 | READ WRITE IO |"})
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

    @StepDoc(value = "An edited copy of the cell configuration with this CPU set.",
            example = {"Given \"qemu-arm64-inmate-demo.cell\" asks for the CPUs \"0-1\""})
    @Given("{string} asks for the CPUs {string}")
    public void asksForTheCpus(String file, String cpus) {
        CellConfig cell = (CellConfig) world.read(String.format("\"%s\" asks for the CPUs \"%s\"", file, cpus), file);
        world.edit(file, cell.withCpus(CpuSet.parse(cpus)));
    }

    @StepDoc(value = "An edited copy of the cell configuration whose first irqchip grants only these interrupts.",
            example = {"Given \"qemu-arm64-inmate-demo.cell\" grants only the interrupts \"33\""})
    @Given("{string} grants only the interrupts {string}")
    public void grantsOnlyTheInterrupts(String file, String interrupts) {
        CellConfig cell = (CellConfig) world.read(
                String.format("\"%s\" grants only the interrupts \"%s\"", file, interrupts), file);
        Irqchip first = cell.irqchips().get(0);
        Irqchip only = Irqchip.of(first.address(), first.id(), first.pinBase(),
                CpuSet.parse(interrupts).stream().boxed().toList());
        world.edit(file, cell.withIrqchips(List.of(only)));
    }

    @StepDoc(value = "An edited copy converted to another layout: `10`, `12`, `ti-12` or `14`.",
            example = {"Given \"k3-am654-idk.cell\" is converted to revision \"12\""})
    @Given("{string} is converted to revision {string}")
    public void isConvertedToRevision(String file, String revision) {
        JailhouseConfig config = world.read(String.format("\"%s\" is converted to revision \"%s\"", file, revision), file);
        world.edit(file, ConfigConverter.convert(config, ConfigFormat.parse(revision)).config());
    }

    @StepDoc(value = "A truncated copy of the configuration.",
            example = {"Given \"qemu-arm64.cell\" is cut off after 600 bytes"})
    @Given("{string} is cut off after {int} bytes")
    public void isCutOffAfter(String file, int bytes) throws Exception {
        byte[] full = Files.readAllBytes(world.cell(String.format("\"%s\" is cut off after %d bytes", file, bytes), file));
        world.write(file, Arrays.copyOf(full, bytes));
    }

    @StepDoc(value = "Runs `warden check` on the configurations, the root cell first (built-in names or project paths).",
            example = {"When I check \"qemu-arm64.cell qemu-arm64-inmate-demo.cell\"", "When I check \"cells/my-board.cell cells/my-board-inmate.cell\""})
    @When("I check {string}")
    public void iCheck(String files) {
        run(String.format("I check \"%s\"", files), files, Optional.empty(), List.of());
    }

    @StepDoc(value = "The same, against a device tree (the board's or a project path).",
            example = {"When I check \"k3-am654-idk.cell\" against the device tree \"k3-am654-base-board.dtb\""})
    @When("I check {string} against the device tree {string}")
    public void iCheckAgainstTheDeviceTree(String files, String dtb) {
        String step = String.format("I check \"%s\" against the device tree \"%s\"", files, dtb);
        run(step, files, Optional.of(world.deviceTree(step, dtb)), List.of());
    }

    @StepDoc(value = "The same, against the device tree with the overlay applied.",
            example = {"When I check \"k3-am654-idk.cell\" against the device tree \"k3-am654-base-board.dtb\" with the overlay \"k3-am654-idk-jailhouse.dtbo\""})
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

    @StepDoc(value = "`warden check` found no error (exit status 0).",
            example = {"Then the check passes"})
    @Then("the check passes")
    public void theCheckPasses() {
        assertThat(world.outcome().exitCode()).as(describe()).isZero();
    }

    @StepDoc(value = "`warden check` found an error (exit status 1).",
            example = {"Then the check fails"})
    @Then("the check fails")
    public void theCheckFails() {
        assertThat(world.outcome().exitCode()).as(describe()).isEqualTo(1);
    }

    @StepDoc(value = "`warden check` could not read its input (exit status 2).",
            example = {"Then the check cannot use its input"})
    @Then("the check cannot use its input")
    public void theCheckCannotUseItsInput() {
        assertThat(world.outcome().exitCode()).as(describe()).isEqualTo(2);
    }

    @StepDoc(value = "The input error contains the text.",
            example = {"Then the input error says \"truncated: expected 32 bytes, 8 remain\""})
    @Then("the input error says {string}")
    public void theInputErrorSays(String text) {
        assertThat(world.outcome().inputError()).contains(text);
    }

    @StepDoc(value = "No finding of severity error.",
            example = {"Then the report has no errors"})
    @Then("the report has no errors")
    public void theReportHasNoErrors() {
        assertThat(report().findings()).as(describe()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @StepDoc(value = "No finding of that rule.",
            example = {"Then the report has no findings of rule \"dt/hypervisor-not-reserved\""})
    @Then("the report has no findings of rule {string}")
    public void theReportHasNoFindingsOfRule(String rule) {
        assertThat(report().byRule(rule)).as(describe()).isEmpty();
    }

    @StepDoc(value = "A finding of that rule involves the cell.",
            example = {"Then the report has rule \"cpus/boot-cpu\" for cell \"inmate-demo\""})
    @Then("the report has rule {string} for cell {string}")
    public void theReportHasRuleForCell(String rule, String cell) {
        assertThat(report().byRule(rule)).as(describe()).anyMatch(f -> f.involvesCell(cell));
    }

    @StepDoc(value = "A finding of that rule is located at the cell's memory region.",
            example = {"Then the report has rule \"memory/subpage-without-width\" for region 8 of cell \"inmate-demo\""})
    @Then("the report has rule {string} for region {int} of cell {string}")
    public void theReportHasRuleForRegionOfCell(String rule, int region, String cell) {
        String element = "mem_regions[" + region + "]";
        assertThat(report().byRule(rule)).as(describe()).anyMatch(f -> f.locations().stream()
                .anyMatch(l -> l.cell().equals(cell) && l.element().equals(element)));
    }

    @StepDoc(value = "The configuration (or the scenario's edited copy) is in that layout.",
            example = {"Then the file \"k3-am654-idk.cell\" is in the layout of revision \"12\""})
    @Then("the file {string} is in the layout of revision {string}")
    public void theFileIsInTheLayoutOfRevision(String file, String revision) {
        JailhouseConfig config = world.read(String.format("the file \"%s\" is in the layout of revision \"%s\"", file, revision), file);
        assertThat(config.format()).isEqualTo(ConfigFormat.parse(revision));
    }

    @StepDoc(value = "A finding of that rule is located at the address.",
            example = {"Then the report has rule \"console/shared-uart\" at address \"0x40a00000\""})
    @Then("the report has rule {string} at address {string}")
    public void theReportHasRuleAtAddress(String rule, String address) {
        long a = Long.decode(address);
        assertThat(report().byRule(rule)).as(describe())
                .anyMatch(f -> f.locations().stream().anyMatch(l -> l.address() == a));
    }

    @StepDoc(value = "Every finding of that rule has the severity (`error`, `warning`, `note`).",
            example = {"Then the report has rule \"ivshmem/intx-not-granted\" with severity \"warning\""})
    @Then("the report has rule {string} with severity {string}")
    public void theReportHasRuleWithSeverity(String rule, String severity) {
        assertThat(report().byRule(rule)).as(describe()).isNotEmpty()
                .allMatch(f -> f.severity().label().equals(severity));
    }

    @StepDoc(value = "A finding of that rule says the text.",
            example = {"Then the finding of rule \"ivshmem/intx-not-granted\" says \"raises INTx on interrupt 144\""})
    @Then("the finding of rule {string} says {string}")
    public void theFindingOfRuleSays(String rule, String text) {
        assertThat(report().byRule(rule)).as(describe()).anyMatch(f -> f.message().contains(text));
    }

    @StepDoc(value = "Each finding has a fix and a location.",
            example = {"Then every finding says how to fix it"})
    @Then("every finding says how to fix it")
    public void everyFindingSaysHowToFixIt() {
        assertThat(report().findings()).isNotEmpty().allMatch(f -> !f.fix().isBlank() && !f.locations().isEmpty());
    }

    private String describe() {
        CheckRun.Outcome o = world.outcome();
        return o.report().map(r -> ReportFormat.TEXT.render(r)).orElse(o.inputError());
    }
}
