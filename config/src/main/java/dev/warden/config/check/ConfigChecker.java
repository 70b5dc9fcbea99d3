package dev.warden.config.check;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.config.check.rules.BootCpuRule;
import dev.warden.config.check.rules.ConsoleSharedRule;
import dev.warden.config.check.rules.CpuNotInRootRule;
import dev.warden.config.check.rules.CpusOnBoardRule;
import dev.warden.config.check.rules.CrossCellOverlapRule;
import dev.warden.config.check.rules.GicrFramesRule;
import dev.warden.config.check.rules.HypervisorReservedRule;
import dev.warden.config.check.rules.InmateDeviceInRootRule;
import dev.warden.config.check.rules.IrqchipAddressRule;
import dev.warden.config.check.rules.IrqchipPinBaseRule;
import dev.warden.config.check.rules.IvshmemEndpointsRule;
import dev.warden.config.check.rules.IvshmemIntxRule;
import dev.warden.config.check.rules.IvshmemRegionSetRule;
import dev.warden.config.check.rules.LoadableReachRule;
import dev.warden.config.check.rules.OverlapHypervisorRule;
import dev.warden.config.check.rules.OverlapInCellRule;
import dev.warden.config.check.rules.OverlapIommuRule;
import dev.warden.config.check.rules.OverlapIrqchipRule;
import dev.warden.config.check.rules.OverlapMmconfigRule;
import dev.warden.config.check.rules.RootDeviceCoverageRule;
import dev.warden.config.check.rules.RootStarvedRule;
import dev.warden.config.check.rules.SharedCpuRule;
import dev.warden.config.check.rules.SharedInterruptRule;
import dev.warden.config.check.rules.SubPageWidthRule;
import dev.warden.config.CellConfig;
import dev.warden.config.ConfigConverter;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a configuration set: first every check of Jailhouse's {@code config check} (rule IDs
 * {@code jailhouse/...}, same verdicts), then Warden's own rules from the failure catalogue, the
 * device-tree ones only when a DT is given. Configurations of older revisions are converted to
 * revision 14 first, so every rule sees one set of flag meanings.
 */
public final class ConfigChecker {
    private ConfigChecker() {
    }

    /** Every rule, in report order. */
    public static List<Rule> rules() {
        return List.of(new OverlapInCellRule(), new OverlapHypervisorRule(), new OverlapMmconfigRule(),
                new OverlapIommuRule(), new OverlapIrqchipRule(), new GicrFramesRule(), new CrossCellOverlapRule(), new BootCpuRule(),
                new CpuNotInRootRule(), new SharedCpuRule(), new RootStarvedRule(), new CpusOnBoardRule(),
                new SubPageWidthRule(), new IrqchipAddressRule(), new IrqchipPinBaseRule(), new SharedInterruptRule(),
                new IvshmemRegionSetRule(), new IvshmemEndpointsRule(), new IvshmemIntxRule(), new LoadableReachRule(),
                new HypervisorReservedRule(), new RootDeviceCoverageRule(), new InmateDeviceInRootRule(),
                new ConsoleSharedRule());
    }

    /** Checks against the board's device tree (after overlays), or without DT rules when empty. */
    public static List<Finding> check(SystemConfig system, List<CellConfig> cells, Optional<DeviceTree> dt) {
        return checkAgainst(system, cells, dt.map(t -> new FdtDeviceTreeView(t, "the device tree")));
    }

    /** Checks against any view of the device tree (tests use small in-memory ones). */
    public static List<Finding> checkAgainst(SystemConfig system, List<CellConfig> cells,
            Optional<DeviceTreeView> dt) {
        SystemConfig sys14 = (SystemConfig) ConfigConverter.toRevision14(system);
        List<CellConfig> cells14 = cells.stream().map(c -> (CellConfig) ConfigConverter.toRevision14(c)).toList();
        boolean legacy = system.format().legacyFlags() || cells.stream().anyMatch(c -> c.format().legacyFlags());
        CheckInput input = new CheckInput(sys14, cells14, dt, legacy);
        FindingSink sink = new FindingSink();
        for (Rule rule : rules()) {
            sink.begin(rule);
            rule.check(input, sink);
        }
        return List.copyOf(sink.findings());
    }

    /** Checks and wraps the findings with the files they came from. */
    public static CheckReport report(SystemConfig system, String systemFile, List<CellConfig> cells,
            List<String> cellFiles, Optional<DeviceTreeView> dt) {
        List<CheckReport.CheckedFile> files = new ArrayList<>();
        files.add(new CheckReport.CheckedFile(system.name(), systemFile, true));
        for (int i = 0; i < cells.size(); i++) {
            files.add(new CheckReport.CheckedFile(cells.get(i).name(), cellFiles.get(i), false));
        }
        return new CheckReport(files, checkAgainst(system, cells, dt));
    }
}
