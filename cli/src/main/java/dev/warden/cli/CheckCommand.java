package dev.warden.cli;

import dev.warden.devicetree.FdtException;
import dev.warden.hypervisor.check.CheckReport;
import dev.warden.hypervisor.check.ConfigChecker;
import dev.warden.hypervisor.check.DeviceTreeView;
import dev.warden.hypervisor.check.FdtDeviceTreeView;
import dev.warden.hypervisor.check.ReportFormat;
import dev.warden.hypervisor.config.CellConfig;
import dev.warden.hypervisor.config.CellConfigs;
import dev.warden.hypervisor.config.ConfigFormatException;
import dev.warden.hypervisor.config.JailhouseConfig;
import dev.warden.hypervisor.config.SystemConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warden check SYSTEM.cell [CELL.cell ...] [--dtb BOARD.dtb [--overlay X.dtbo ...]]}:
 * every check of {@code jailhouse config check} plus Warden's rules. Exit code 0 clean, 1 with
 * findings at error severity, 2 when an input cannot be used.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a system configuration and cell configurations (and the board DT) before anything boots.")
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SYSTEM.cell", description = "The root cell's system configuration.")
    Path system;

    @Parameters(index = "1..*", paramLabel = "CELL.cell", description = "Non-root cell configurations.")
    List<Path> cells = new ArrayList<>();

    @Option(names = "--dtb", paramLabel = "BOARD.dtb", description = "The board's device tree, for the DT rules.")
    Path dtb;

    @Option(names = "--overlay", paramLabel = "X.dtbo", description = "Overlay applied to --dtb (repeatable, in order).")
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        ReportFormat out;
        try {
            out = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--format " + format + ": expected text, json or sarif");
            return 2;
        }
        if (!overlays.isEmpty() && dtb == null) {
            spec.commandLine().getErr().println("--overlay needs --dtb BOARD.dtb");
            return 2;
        }
        try {
            JailhouseConfig root = CellConfigs.read(system);
            if (!(root instanceof SystemConfig sys)) {
                spec.commandLine().getErr().println(system + ": not a system configuration (it is the cell '"
                        + root.name() + "'); give the root cell's .cell first");
                return 2;
            }
            List<CellConfig> cellConfigs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Path p : cells) {
                JailhouseConfig c = CellConfigs.read(p);
                if (!(c instanceof CellConfig cell)) {
                    spec.commandLine().getErr().println(p + ": a system configuration, expected a cell configuration");
                    return 2;
                }
                cellConfigs.add(cell);
                names.add(p.toString());
            }
            Optional<DeviceTreeView> dt = dtb == null ? Optional.empty()
                    : Optional.of(FdtDeviceTreeView.load(dtb, overlays));
            CheckReport report = ConfigChecker.report(sys, system.toString(), cellConfigs, names, dt);
            spec.commandLine().getOut().print(out.render(report));
            spec.commandLine().getOut().flush();
            return report.exitCode();
        } catch (ConfigFormatException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        } catch (FdtException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read " + e.getMessage());
            return 2;
        }
    }
}
