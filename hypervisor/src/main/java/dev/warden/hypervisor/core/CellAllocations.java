package dev.warden.hypervisor.core;

import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The page-pool structures one cell holds besides its stage-2 tables (research/pagepool.md §4, §5),
 * each booked under its name and given back by name when the cell goes: the cell structure with
 * its copy of the configuration, a CPU set too large for the one inside the structure, the MMIO
 * dispatch table, the stage-2 root, the PCI device states, TI's PVU entry list and regmap states.
 * The root cell's structure and configuration are not in the pool.
 */
final class CellAllocations {

    /** A CPU set up to this many bytes lives inside struct cell. */
    private static final int SMALL_CPU_SET_BYTES = 8;
    /** An MMIO region's location (start, size) and handler (function, argument). */
    private static final int MMIO_REGION_BYTES = 32;
    /** MMIO regions an ivshmem device can register (registers and MSI-X window). */
    private static final int IVSHMEM_MMIO_REGIONS = 2;

    private record Held(String what, long pages) { }

    private final PagePool pool;
    private final String owner;
    private final PoolFootprint footprint;
    private final List<Held> held = new ArrayList<>();

    CellAllocations(PagePool pool, String owner, PoolFootprint footprint) {
        this.pool = pool;
        this.owner = owner;
        this.footprint = footprint;
    }

    /** struct cell (with the comm page) followed by the copy of the configuration. */
    void structure(long configBytes) {
        take("cell structure and configuration", PagePool.pagesFor(footprint.cellStructBytes() + configBytes));
    }

    /** The generic cell initialisation: a separate CPU-set page if needed, the MMIO region table. */
    void cellInit(CellConfig config, SystemConfig system) {
        if (config.cpuSetSize() > SMALL_CPU_SET_BYTES) take("CPU set", 1);
        take("MMIO region table", PagePool.pagesFor((long) mmioRegions(config, system) * MMIO_REGION_BYTES));
    }

    /** The stage-2 root table (concatenated pages where the walk starts at level 1). */
    void stage2Root(int pages) {
        take("stage-2 root table", pages);
    }

    /** The state of each PCI device of the cell. */
    void pciDevices(int count) {
        if (count > 0) take("PCI device states", PagePool.pagesFor((long) count * footprint.pciDeviceBytes()));
    }

    /** TI's PVU unit keeps each cell's translation entries in a page. */
    void pvuEntries() {
        take("PVU entry list", 1);
    }

    /** TI's regmap unit: the state of each regmap of the cell. */
    void regmaps(int count) {
        if (count > 0) take("regmap states", PagePool.pagesFor((long) count * footprint.regmapBytes()));
    }

    /** Everything booked here goes back (the cell is destroyed). */
    void freeAll() {
        for (int i = held.size() - 1; i >= 0; i--) {
            pool.free(owner, held.get(i).what(), held.get(i).pages());
        }
        held.clear();
    }

    private void take(String what, long pages) {
        pool.allocate(owner, what, pages);
        held.add(new Held(what, pages));
    }

    /**
     * MMIO regions a cell may register: the distributor and one redistributor per root-cell CPU,
     * the PCI MMCONFIG window, two per ivshmem device, one per other device with an MSI-X table,
     * one per sub-page memory region and one per regmap. The table takes one page up to 128.
     */
    static int mmioRegions(CellConfig config, SystemConfig system) {
        int n = 1 + system.rootCell().cpus().cardinality();
        if (system.platform().pciMmconfigBase() != 0) n++;
        for (PciDevice d : config.pciDevices()) {
            if (d.isIvshmem()) n += IVSHMEM_MMIO_REGIONS;
            else if (d.msixAddress() != 0) n++;
        }
        for (MemoryRegion r : config.memoryRegions()) {
            if (r.size() != 0 && r.isSubPage()) n++;
        }
        return n + config.regmaps().size();
    }
}
