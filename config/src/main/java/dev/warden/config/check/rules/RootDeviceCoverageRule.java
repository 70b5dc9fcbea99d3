package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.DeviceTreeView;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Ranges;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PlatformInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Every register range of a node enabled in the root DT must be covered by a root region, or the
 * driver's first access after enable parks a root CPU ("Unhandled data read at ..."). The
 * interrupt controller (emulated by the hypervisor) and ranges handed to a non-root cell are left
 * to other rules.
 */
public final class RootDeviceCoverageRule extends BaseRule {
    public RootDeviceCoverageRule() {
        super("dt/root-region-missing", Severity.WARNING, "Device enabled in the root DT but not in a root region");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        if (in.deviceTree().isEmpty()) {
            return;
        }
        PlatformInfo p = in.system().platform();
        List<MemoryRegion> otherCells = new ArrayList<>();
        for (CellConfig c : in.cells()) {
            otherCells.addAll(c.memoryRegions());
        }
        for (DeviceTreeView.Device d : in.deviceTree().get().devices()) {
            // the interrupt controller itself is the hypervisor's (GICD/GICR emulated, v2 frames unused)
            if (!d.enabled() || d.regs().stream().anyMatch(r -> r.overlaps(p.gicdBase(), 0x10000))) {
                continue;
            }
            for (DeviceTreeView.Range r : d.regs()) {
                if (r.size() == 0 || r.overlaps(p.gicrBase(), 0x20000) || intersectsAny(otherCells, r)) {
                    continue;
                }
                Long gap = Ranges.uncovered(in.root().memoryRegions(), r.start(), r.size());
                if (gap != null) {
                    out.add("Node " + d.path() + " is enabled in the root DT but its registers " + hex(r.start()) + "+"
                                    + hex(r.size()) + " are not in any region of '" + in.root().name() + "' (first gap "
                                    + "at " + hex(gap) + "); its driver's first access after enable parks a root CPU",
                            "Add a root-cell region for " + hex(r.start()) + ".." + hex(r.start() + r.size() - 1)
                                    + " (READ | WRITE | IO), or disable the node in the root DT",
                            new Location(d.path(), "reg", r.start(), r.size()));
                }
            }
        }
    }

    private static boolean intersectsAny(List<MemoryRegion> regions, DeviceTreeView.Range r) {
        return regions.stream().anyMatch(m -> r.overlaps(m.phys(), m.size()));
    }
}
