package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Ranges;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import java.util.ArrayList;
import java.util.List;

/** jailhouse config check "Overlapping memory regions inside cell": physical and virtual, every pair. */
public final class OverlapInCellRule extends BaseRule {
    public OverlapInCellRule() {
        super("jailhouse/overlap-in-cell", Severity.ERROR, "Overlapping memory regions inside a cell");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        for (CellConfig cell : in.allCells()) {
            List<MemoryRegion> mem = cell.memoryRegions();
            for (int i = 0; i < mem.size(); i++) {
                for (int j = i + 1; j < mem.size(); j++) {
                    MemoryRegion a = mem.get(i);
                    MemoryRegion b = mem.get(j);
                    List<String> how = new ArrayList<>();
                    if (Ranges.overlap(a.phys(), a.size(), b.phys(), b.size())) {
                        how.add("physically");
                    }
                    if (Ranges.overlap(a.virt(), a.size(), b.virt(), b.size())) {
                        how.add("virtually");
                    }
                    if (!how.isEmpty()) {
                        out.add("In cell '" + cell.name() + "', region " + i + " (" + CheckInput.describe(a) + ") "
                                + String.join(" and ", how) + " overlaps with region " + j + " ("
                                + CheckInput.describe(b) + "); the stage-2 map of overlapping regions is ambiguous",
                                "Shrink or split region " + i + " or " + j + " so their "
                                        + String.join(" and ", how).replace("physically", "physical")
                                        .replace("virtually", "virtual") + " ranges no longer intersect",
                                CheckInput.region(cell, i), CheckInput.region(cell, j));
                    }
                }
            }
        }
    }
}
