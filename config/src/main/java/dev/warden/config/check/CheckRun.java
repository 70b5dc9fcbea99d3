package dev.warden.config.check;

import dev.warden.devicetree.FdtException;
import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.JailhouseConfig;
import dev.warden.config.SystemConfig;
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
    /** Which input could not be used, and why, in the terms of the header checks. */
    public record Failure(Path file, boolean system, ConfigFormatException.Kind kind) {
    }

    /**
     * Either a report, or why the input could not be used; {@code system} and {@code cells} hold
     * what was read (all of it with a report, the files before the failing one without).
     */
    public record Outcome(Optional<CheckReport> report, String inputError, Optional<SystemConfig> system,
            List<CellConfig> cells, Optional<Failure> failure) {
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
        SystemConfig sys = null;
        List<CellConfig> configs = new ArrayList<>();
        Path current = system;
        try {
            JailhouseConfig root = CellConfigs.read(system);
            if (!(root instanceof SystemConfig s)) {
                return failed(system + ": not a system configuration (it is the cell '" + root.name()
                        + "'); give the root cell's .cell first", null, configs,
                        new Failure(system, true, ConfigFormatException.Kind.SIGNATURE));
            }
            sys = s;
            List<String> names = new ArrayList<>();
            for (Path p : cells) {
                current = p;
                JailhouseConfig c = CellConfigs.read(p);
                if (!(c instanceof CellConfig cell)) {
                    return failed(p + ": a system configuration (root cell '" + c.name()
                            + "'), expected a cell configuration", sys, configs,
                            new Failure(p, false, ConfigFormatException.Kind.SIGNATURE));
                }
                configs.add(cell);
                names.add(p.toString());
            }
            if (dtb.isEmpty() && !overlays.isEmpty()) {
                return failed("an overlay needs the board's DTB (--dtb) to apply to", sys, configs, null);
            }
            Optional<DeviceTreeView> view = Optional.empty();
            if (dtb.isPresent()) {
                view = Optional.of(FdtDeviceTreeView.load(dtb.get(), overlays));
            }
            CheckReport report = ConfigChecker.report(sys, system.toString(), configs, names, view);
            return new Outcome(Optional.of(report), "", Optional.of(sys), configs, Optional.empty());
        } catch (ConfigFormatException e) {
            return failed(e.getMessage(), sys, configs, new Failure(current, sys == null, e.kind()));
        } catch (FdtException e) {
            return failed(e.getMessage(), sys, configs, null);
        } catch (IOException e) {
            return failed("cannot read " + e.getMessage(), sys, configs, null);
        }
    }

    private static Outcome failed(String message, SystemConfig sys, List<CellConfig> read, Failure failure) {
        return new Outcome(Optional.empty(), message, Optional.ofNullable(sys), read, Optional.ofNullable(failure));
    }
}
