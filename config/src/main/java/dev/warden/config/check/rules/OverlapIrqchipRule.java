package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
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
 * jailhouse config check "Missing resource interceptions for architecture arm64": regions over
 * the GIC frames the hypervisor emulates, with the checker's frame sizes (GICv2: GICD 4 KiB,
 * GICC/GICH/GICV 8 KiB; GICv3: GICD 64 KiB, GICR one 128 KiB frame). Another GIC version is an
 * error of its own, as the checker aborts on it.
 */
public final class OverlapIrqchipRule extends BaseRule {
    private record Frame(String name, long base, long size) {
    }

    public OverlapIrqchipRule() {
        super("jailhouse/overlap-gic", Severity.ERROR, "Memory region overlaps a GIC frame the hypervisor emulates");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        PlatformInfo p = in.system().platform();
        List<Frame> frames = new ArrayList<>();
        if (p.gicVersion() == 2) {
            frames.add(new Frame("GICD", p.gicdBase(), 0x1000));
            frames.add(new Frame("GICC", p.giccBase(), 0x2000));
            frames.add(new Frame("GICH", p.gichBase(), 0x2000));
            frames.add(new Frame("GICV", p.gicvBase(), 0x2000));
        } else if (p.gicVersion() == 3) {
            frames.add(new Frame("GICD", p.gicdBase(), 0x10000));
            frames.add(new Frame("GICR", p.gicrBase(), 0x20000));
        } else {
            out.add("Unknown GIC version " + p.gicVersion() + ": the hypervisor accepts 2 or 3 and enable fails "
                            + "with EINVAL (jailhouse config check aborts here)",
                    "Set platform gic-version to 2 or 3, as the board's interrupt controller node says",
                    new Location("platform", "gic_version", 0, 0));
            return;
        }
        for (CellConfig cell : in.allCells()) {
            for (int i = 0; i < cell.memoryRegions().size(); i++) {
                MemoryRegion m = cell.memoryRegions().get(i);
                for (Frame f : frames) {
                    if (Ranges.overlap(m.phys(), m.size(), f.base(), f.size())) {
                        out.add("In cell '" + cell.name() + "', region " + i + " (" + CheckInput.describe(m)
                                        + ") overlaps with " + f.name() + " at " + hex(f.base())
                                        + ": the cell could program the interrupt controller directly and bypass "
                                        + "interrupt isolation",
                                "Split the region around " + f.name() + " " + hex(f.base()) + ".."
                                        + hex(f.base() + f.size() - 1) + " (the hypervisor emulates it)",
                                CheckInput.region(cell, i), new Location("platform", f.name(), f.base(), f.size()));
                    }
                }
            }
        }
    }
}
