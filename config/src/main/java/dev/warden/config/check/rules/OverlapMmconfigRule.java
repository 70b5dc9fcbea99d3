package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Ranges;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PlatformInfo;

/** jailhouse config check "Missing PCI MMCONFIG interceptions" (only when pci_mmconfig_base is set). */
public final class OverlapMmconfigRule extends BaseRule {
    public OverlapMmconfigRule() {
        super("jailhouse/overlap-mmconfig", Severity.ERROR, "Memory region overlaps the PCI MMCONFIG window");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        PlatformInfo p = in.system().platform();
        if (p.pciMmconfigBase() == 0) {
            return;
        }
        long size = p.pciMmconfigSize();
        for (CellConfig cell : in.allCells()) {
            for (int i = 0; i < cell.memoryRegions().size(); i++) {
                MemoryRegion m = cell.memoryRegions().get(i);
                if (Ranges.overlap(m.phys(), m.size(), p.pciMmconfigBase(), size)) {
                    out.add("In cell '" + cell.name() + "', region " + i + " (" + CheckInput.describe(m)
                                    + ") overlaps the PCI MMCONFIG window " + hex(p.pciMmconfigBase()) + "+"
                                    + hex(size) + ": config-space accesses would bypass the virtual PCI host",
                            "Leave " + hex(p.pciMmconfigBase()) + ".." + hex(p.pciMmconfigBase() + size - 1)
                                    + " out of every region, or move pci_mmconfig_base to an unused window",
                            CheckInput.region(cell, i), new Location("platform", "pci_mmconfig", p.pciMmconfigBase(),
                                    size));
                }
            }
        }
    }
}
