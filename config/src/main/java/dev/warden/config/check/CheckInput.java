package dev.warden.config.check;

import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A configuration set in revision-14 values: the system, the non-root cells and maybe the DT.
 * {@code legacyIvshmem} says the files came from v0.10-era layouts (revision 10, TI), whose
 * ivshmem links are two peers over one region: the ivshmem 2.0 layout rules do not apply.
 */
public record CheckInput(SystemConfig system, List<CellConfig> cells, Optional<DeviceTreeView> deviceTree,
        boolean legacyIvshmem) {
    public CheckInput {
        cells = List.copyOf(cells);
    }

    public CheckInput(SystemConfig system, List<CellConfig> cells, Optional<DeviceTreeView> deviceTree) {
        this(system, cells, deviceTree, false);
    }

    public CellConfig root() {
        return system.rootCell();
    }

    /** Root first, then the non-root cells in the order given. */
    public List<CellConfig> allCells() {
        List<CellConfig> out = new ArrayList<>();
        out.add(root());
        out.addAll(cells);
        return out;
    }

    public static Location region(CellConfig cell, int index) {
        MemoryRegion m = cell.memoryRegions().get(index);
        return new Location(cell.name(), "mem_regions[" + index + "]", m.phys(), m.size());
    }

    public static String describe(MemoryRegion m) {
        return String.format("phys 0x%x virt 0x%x size 0x%x", m.phys(), m.virt(), m.size());
    }
}
