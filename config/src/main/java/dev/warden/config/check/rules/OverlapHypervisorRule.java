package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Ranges;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;

/** jailhouse config check "Overlapping memory regions with hypervisor" (physical). */
public final class OverlapHypervisorRule extends BaseRule {
    public OverlapHypervisorRule() {
        super("jailhouse/overlap-hypervisor", Severity.ERROR, "Memory region overlaps the hypervisor's memory");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        MemoryRegion hv = in.system().hypervisorMemory();
        for (CellConfig cell : in.allCells()) {
            for (int i = 0; i < cell.memoryRegions().size(); i++) {
                MemoryRegion m = cell.memoryRegions().get(i);
                if (Ranges.overlap(m.phys(), m.size(), hv.phys(), hv.size())) {
                    out.add("In cell '" + cell.name() + "', region " + i + " (" + CheckInput.describe(m)
                                    + ") overlaps the hypervisor memory " + hex(hv.phys()) + "+" + hex(hv.size())
                                    + ": the cell could overwrite the hypervisor",
                            "Move the region below " + hex(hv.phys()) + " or above "
                                    + hex(hv.phys() + hv.size() - 1) + ", or move hypervisor_memory",
                            CheckInput.region(cell, i), new Location("hypervisor", "hypervisor_memory", hv.phys(),
                                    hv.size()));
                }
            }
        }
    }
}
