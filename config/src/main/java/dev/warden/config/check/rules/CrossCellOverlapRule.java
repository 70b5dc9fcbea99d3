package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Ranges;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;
import java.util.BitSet;
import java.util.List;

/**
 * Two non-root cells claim the same physical memory. Jailhouse does not check this: both cells
 * are created and then corrupt each other. Regions shared on purpose are exempt: ROOTSHARED,
 * the regions of ivshmem devices, the comm region (its phys_start is ignored).
 */
public final class CrossCellOverlapRule extends BaseRule {
    public CrossCellOverlapRule() {
        super("cells/memory-overlap", Severity.ERROR, "Two non-root cells own the same physical memory");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        List<CellConfig> cells = in.cells();
        for (int a = 0; a < cells.size(); a++) {
            for (int b = a + 1; b < cells.size(); b++) {
                compare(cells.get(a), cells.get(b), out);
            }
        }
    }

    private static void compare(CellConfig ca, CellConfig cb, FindingSink out) {
        BitSet sharedA = sharedRegions(ca);
        BitSet sharedB = sharedRegions(cb);
        for (int i = 0; i < ca.memoryRegions().size(); i++) {
            if (sharedA.get(i)) {
                continue;
            }
            MemoryRegion ra = ca.memoryRegions().get(i);
            for (int j = 0; j < cb.memoryRegions().size(); j++) {
                MemoryRegion rb = cb.memoryRegions().get(j);
                if (sharedB.get(j) || !Ranges.overlap(ra.phys(), ra.size(), rb.phys(), rb.size())) {
                    continue;
                }
                out.add("Cells '" + ca.name() + "' (region " + i + ", " + CheckInput.describe(ra) + ") and '"
                                + cb.name() + "' (region " + j + ", " + CheckInput.describe(rb)
                                + ") own the same physical memory; Jailhouse creates both and they corrupt each other",
                        "Give each cell its own range, or mark the region ROOTSHARED in both if sharing is intended",
                        CheckInput.region(ca, i), CheckInput.region(cb, j));
            }
        }
    }

    /** Regions exempt from the ownership comparison. */
    static BitSet sharedRegions(CellConfig c) {
        BitSet out = new BitSet();
        List<MemoryRegion> mem = c.memoryRegions();
        for (int i = 0; i < mem.size(); i++) {
            MemoryRegion m = mem.get(i);
            if (m.has(MemoryRegion.ROOTSHARED) || m.has(MemoryRegion.COMM_REGION) || m.size() == 0) {
                out.set(i);
            }
        }
        for (PciDevice d : c.pciDevices()) {
            if (d.isIvshmem()) {
                int start = d.shmemRegionsStart();
                int end = Math.min(mem.size(), start + 2 + d.shmemPeers());
                if (start >= 0 && start < mem.size()) {
                    out.set(start, Math.max(start, end));
                }
            }
        }
        return out;
    }
}
