package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Ranges;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.IommuUnit;
import dev.warden.config.MemoryRegion;
import java.util.List;

/** jailhouse config check "Missing IOMMU interceptions": regions over an IOMMU unit's registers. */
public final class OverlapIommuRule extends BaseRule {
    public OverlapIommuRule() {
        super("jailhouse/overlap-iommu", Severity.ERROR, "Memory region overlaps an IOMMU unit");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        List<IommuUnit> units = in.system().platform().iommuUnits();
        for (CellConfig cell : in.allCells()) {
            for (int i = 0; i < cell.memoryRegions().size(); i++) {
                MemoryRegion m = cell.memoryRegions().get(i);
                for (int u = 0; u < units.size(); u++) {
                    IommuUnit unit = units.get(u);
                    long size = unit.size() & 0xffffffffL;
                    if (unit.isEmpty() || !Ranges.overlap(m.phys(), m.size(), unit.base(), size)) {
                        continue;
                    }
                    out.add("In cell '" + cell.name() + "', region " + i + " (" + CheckInput.describe(m)
                                    + ") overlaps IOMMU unit " + u + " (" + IommuUnit.typeName(unit.type()) + " at "
                                    + hex(unit.base()) + "+" + hex(size) + "): the cell could reprogram DMA isolation",
                            "Split the region around " + hex(unit.base()) + ".." + hex(unit.base() + size - 1),
                            CheckInput.region(cell, i), new Location("platform", "iommu_units[" + u + "]",
                                    unit.base(), size));
                }
            }
        }
    }
}
