package dev.warden.hypervisor.check;

import dev.warden.devicetree.FdtException;
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

/**
 * One {@code warden check} as a user runs it, from files: the system configuration, the cell
 * configurations, optionally the board DTB and overlays. Unusable input is an outcome (exit 2)
 * with the reader's message, not an exception.
 */
public final class CheckRun {
    /** Either a report (with the configurations read), or why the input could not be used. */
    public record Outcome(Optional<CheckReport> report, String inputError, Optional<SystemConfig> system,
            List<CellConfig> cells) {
        public Outcome {
            cells = List.copyOf(cells);
        }

        public int exitCode() {
            return report.map(CheckReport::exitCode).orElse(2);
        }
    }

    private CheckRun() {
    }

    public static Outcome run(Path system, List<Path> cells, Optional<Path> dtb, List<Path> overlays) {
        try {
            JailhouseConfig root = CellConfigs.read(system);
            if (!(root instanceof SystemConfig sys)) {
                return failed(system + ": not a system configuration (it is the cell '" + root.name()
                        + "'); give the root cell's .cell first");
            }
            List<CellConfig> configs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Path p : cells) {
                JailhouseConfig c = CellConfigs.read(p);
                if (!(c instanceof CellConfig cell)) {
                    return failed(p + ": a system configuration (root cell '" + c.name()
                            + "'), expected a cell configuration");
                }
                configs.add(cell);
                names.add(p.toString());
            }
            if (dtb.isEmpty() && !overlays.isEmpty()) {
                return failed("an overlay needs the board's DTB (--dtb) to apply to");
            }
            Optional<DeviceTreeView> view = Optional.empty();
            if (dtb.isPresent()) {
                view = Optional.of(FdtDeviceTreeView.load(dtb.get(), overlays));
            }
            CheckReport report = ConfigChecker.report(sys, system.toString(), configs, names, view);
            return new Outcome(Optional.of(report), "", Optional.of(sys), configs);
        } catch (ConfigFormatException | FdtException e) {
            return failed(e.getMessage());
        } catch (IOException e) {
            return failed("cannot read " + e.getMessage());
        }
    }

    private static Outcome failed(String message) {
        return new Outcome(Optional.empty(), message, Optional.empty(), List.of());
    }
}
