package dev.warden.hypervisor.core;

import dev.warden.config.Console;
import dev.warden.config.IommuUnit;
import dev.warden.config.PlatformInfo;
import dev.warden.config.SystemConfig;
import dev.warden.hypervisor.paging.HypervisorPageTables;
import dev.warden.hypervisor.paging.PagingMode;
import dev.warden.hypervisor.paging.RemapPool;
import dev.warden.hypervisor.paging.Stage2Map;
import dev.warden.hypervisor.paging.TranslationTables;

/**
 * The hypervisor's own page-pool and remap-pool allocations, phase by phase, each booked under the
 * name of what it is for (research/pagepool.md §3-§5 gives the real functions): what paging
 * initialisation takes and marks used, the tables of its own address space, the parking page, each
 * CPU's private tables, and the device windows of the units. Cells' allocations are
 * {@link CellAllocations}'.
 */
final class EnableAllocations {

    private static final long PAGE = PagePool.PAGE;
    /** Pages one pool-bitmap page keeps track of. */
    private static final long BITS_PER_PAGE = PAGE * 8;
    private static final long GICD_SIZE = 0x10000;
    /** One GICv3 redistributor: RD and SGI frames. */
    private static final long GICR_FRAME = 0x20000;
    private static final long PARKING_FLAGS = 0x1;

    private final PagePool pool;
    private final Personality personality;
    private final SystemConfig system;
    private final int maxCpus;
    private final PagingMode cellMode;
    private final PoolTableMemory hvTables;
    private final HypervisorPageTables hv;

    EnableAllocations(PagePool pool, Personality personality, SystemConfig system, int paBits) {
        this.pool = pool;
        this.personality = personality;
        this.system = system;
        this.maxCpus = system.rootCell().cpus().length();
        this.cellMode = PagingMode.stage2(paBits);
        this.hvTables = new PoolTableMemory(pool, PagePool.HYPERVISOR, "hypervisor");
        // every stage-1 mapping of the hypervisor that could use blocks asks for them
        this.hv = new HypervisorPageTables(hvTables, true);
    }

    /** The stage-2 layout of every cell (and of the parking page). */
    PagingMode cellMode() { return cellMode; }

    /** A cell's stage 2, its tables booked to {@code owner}. */
    Stage2Map newStage2(String owner) {
        return new Stage2Map(cellMode, new PoolTableMemory(pool, owner, "stage 2"),
                personality.footprint().hugePagesWhenSplitting());
    }

    /**
     * Paging initialisation: the per-CPU areas, the copy of the system configuration and the
     * pool's own bitmap are marked used where they lie at the start of the pool; then the remap
     * pool's bitmap and the parking root table are allocated, and the hypervisor's address space
     * is built: its memory (blocks), each CPU's per-CPU area without its public part (which splits
     * the block it lies in), the debug console.
     */
    void pagingInit(long systemConfigBytes) {
        PoolFootprint f = personality.footprint();
        take("per-CPU areas", (long) maxCpus * f.perCpuPages());
        take("system configuration", PagePool.pagesFor(systemConfigBytes));
        take("page-pool bitmap", (pool.memPages() + BITS_PER_PAGE - 1) / BITS_PER_PAGE);
        take("remap-pool bitmap", RemapPool.BITMAP_PAGES);
        take("parking root table", cellMode.rootPages());

        hvTables.purpose("hypervisor memory");
        hv.mapImage(hvPhys(), system.hypervisorMemory().size());
        hvTables.purpose("per-CPU areas");
        long privateBytes = (long) (f.perCpuPages() - f.publicPerCpuPages()) * PAGE;
        for (int cpu = 0; cpu < maxCpus; cpu++) {
            long offset = perCpuOffset(cpu);
            hv.mapPerCpuPrivate(offset, hvPhys() + offset, privateBytes);
        }
        Console console = system.debugConsole();
        if ((console.flags() & Console.FLAG_ACCESS_MMIO) != 0) {
            hvTables.purpose("debug console");
            hv.mapDebugConsole(console.address(), console.size());
        }
    }

    /**
     * The architecture's early setup: the shutdown trampoline's page identity-mapped (it is in
     * the core image, which starts at the hypervisor memory), and the parking code page mapped at
     * address 0 of the parking stage 2. The root cell's stage-2 root comes with its cell.
     */
    void archInitEarly() {
        hvTables.purpose("trampoline identity map");
        hv.identityMapPage(hvPhys());
        hvTables.purpose("parking page");
        new TranslationTables(cellMode, hvTables).create(hvPhys(), PAGE, 0, PARKING_FLAGS, true, false);
    }

    /** A CPU entering: its private root maps its per-CPU area and reserves its temporary window. */
    void cpuInit(int cpu) {
        hvTables.purpose("per-CPU private mappings");
        hv.addCpu(hvPhys() + perCpuOffset(cpu), (long) personality.footprint().perCpuPages() * PAGE);
    }

    /** The irqchip unit: the distributor and one redistributor per CPU up to the highest root CPU. */
    void irqchipInit() {
        PlatformInfo p = system.platform();
        mapDevice("GIC distributor", p.gicdBase(), GICD_SIZE);
        mapDevice("GIC redistributors", p.gicrBase(), GICR_FRAME * maxCpus);
    }

    /** The PCI unit: a physical MMCONFIG window is mapped; a virtual one costs nothing. */
    void pciInit() {
        PlatformInfo p = system.platform();
        if (p.pciMmconfigBase() != 0 && p.pciIsVirtual() == 0) {
            mapDevice("PCI MMCONFIG", p.pciMmconfigBase(), p.pciMmconfigSize());
        }
    }

    /** TI's PVU unit: each PVU's configuration registers and TLB window; returns how many there are. */
    int pvuInit() {
        int count = 0;
        for (IommuUnit unit : system.platform().activeIommuUnits()) {
            if (unit.type() != IommuUnit.TYPE_PVU) continue;
            mapDevice("PVU registers", unit.base(), unit.size());
            mapDevice("PVU TLBs", unit.tlbBase(), unit.tlbSize());
            count++;
        }
        return count;
    }

    /** A device window in the remap pool; its pages stay booked to the hypervisor. */
    long mapDevice(String what, long phys, long size) {
        hvTables.purpose(what);
        long virt = hv.mapDevice(phys, size);
        pool.remap(PagePool.HYPERVISOR, what, PagePool.pagesFor(size));
        return virt;
    }

    private long perCpuOffset(int cpu) {
        return ((long) pool.corePages() + (long) cpu * personality.footprint().perCpuPages()) * PAGE;
    }

    private long hvPhys() {
        return system.hypervisorMemory().phys();
    }

    private void take(String what, long pages) {
        pool.allocate(PagePool.HYPERVISOR, what, pages);
    }
}
