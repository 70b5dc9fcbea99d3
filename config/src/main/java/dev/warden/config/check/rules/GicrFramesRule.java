package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Ranges;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PlatformInfo;

/**
 * GICv3 has one 128 KiB redistributor per CPU from gicr_base, all emulated by the hypervisor;
 * Jailhouse's checker looks at the first one only. A region over another CPU's redistributor
 * maps it past the trap, so the cell can reconfigure interrupts of CPUs it does not own.
 */
public final class GicrFramesRule extends BaseRule {
    static final long FRAME = 0x20000;

    public GicrFramesRule() {
        super("memory/overlap-gicr-frames", Severity.WARNING,
                "Memory region over the redistributor of a CPU other than the first");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        PlatformInfo p = in.system().platform();
        int cpus = in.root().cpus().length();
        if (p.gicVersion() != 3 || cpus < 2) {
            return;
        }
        long start = p.gicrBase() + FRAME;
        long size = (cpus - 1) * FRAME;
        for (CellConfig c : in.allCells()) {
            for (int i = 0; i < c.memoryRegions().size(); i++) {
                MemoryRegion m = c.memoryRegions().get(i);
                if (!Ranges.overlap(m.phys(), m.size(), start, size)) {
                    continue;
                }
                long from = Long.compareUnsigned(m.phys(), start) > 0 ? m.phys() : start;
                int firstCpu = (int) ((from - p.gicrBase()) / FRAME);
                out.add("In cell '" + c.name() + "', region " + i + " (" + CheckInput.describe(m) + ") maps the GICv3 "
                                + "redistributor of CPU " + firstCpu + " at " + hex(p.gicrBase() + firstCpu * FRAME)
                                + " (the " + cpus + " CPUs' redistributors span " + hex(p.gicrBase()) + ".."
                                + hex(p.gicrBase() + cpus * FRAME - 1) + "); accesses bypass the hypervisor's emulation",
                        "Start the region at " + hex(p.gicrBase() + cpus * FRAME) + " or end it below "
                                + hex(p.gicrBase()),
                        CheckInput.region(c, i), new Location("platform", "GICR", p.gicrBase(), cpus * FRAME));
            }
        }
    }
}
