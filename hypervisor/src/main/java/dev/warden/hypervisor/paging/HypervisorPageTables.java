package dev.warden.hypervisor.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * The hypervisor's own (EL2 stage-1) address space on arm64 (research/pagepool.md §3): the image
 * at {@link #JAILHOUSE_BASE}, the debug UART just below it, identity-mapped pages, the remap pool
 * for devices, and per CPU a private root table that maps the CPU's data at
 * {@link #LOCAL_CPU_BASE} next to its temporary-mapping window. The shared root table is CPU 0's
 * per-CPU root page and each CPU's private root is in its per-CPU area, so only tables below the
 * roots cost pool pages. Links a private root makes to the shared tables never allocate and are
 * not modeled.
 */
public final class HypervisorPageTables {

    public static final long JAILHOUSE_BASE = 0xffffc0200000L;
    public static final long UART_BASE = 0xffffc0000000L;
    public static final long TEMPORARY_MAPPING_BASE = 0xff0000000000L;
    public static final int NUM_TEMPORARY_PAGES = 16;
    public static final long LOCAL_CPU_BASE = TEMPORARY_MAPPING_BASE + NUM_TEMPORARY_PAGES * TranslationTables.PAGE;
    /** The debug console's virtual address keeps the UART's offset inside its 2 MiB block. */
    private static final long UART_OFFSET_MASK = 0x1fffff;

    private final PageTableMemory memory;
    private final boolean huge;
    private final TranslationTables shared;
    private final RemapPool remap = new RemapPool();
    private final List<TranslationTables> privateTables = new ArrayList<>();

    /**
     * @param huge whether this hypervisor lets its stage-1 mappings use blocks (all callers of
     *             upstream master that ask for it, and every mapping of TI's v0.10)
     */
    public HypervisorPageTables(PageTableMemory memory, boolean huge) {
        this.memory = memory;
        this.huge = huge;
        this.shared = new TranslationTables(PagingMode.hypervisorStage1(), memory);
    }

    /** The copy of Linux's mapping of the hypervisor memory. */
    public void mapImage(long phys, long size) {
        shared.create(phys, size, JAILHOUSE_BASE, 0, true, huge);
    }

    /** The private part of one CPU's per-CPU area, mapped where the image mapping has it (splits a block). */
    public void mapPerCpuPrivate(long offsetInImage, long phys, long size) {
        shared.create(phys, size, JAILHOUSE_BASE + offsetInImage, 0, true, huge);
    }

    /** The debug console's registers, below the image. */
    public void mapDebugConsole(long phys, long size) {
        shared.create(phys, size, UART_BASE + (phys & UART_OFFSET_MASK), 0, true, huge);
    }

    /** One page mapped at its own physical address (the shutdown trampoline). */
    public void identityMapPage(long phys) {
        shared.create(phys, TranslationTables.PAGE, phys, 0, true, false);
    }

    /** A device's registers in the remap pool; returns the virtual address. */
    public long mapDevice(long phys, long size) {
        long pages = (size + TranslationTables.PAGE - 1) / TranslationTables.PAGE;
        long virt = remap.allocate((int) pages);
        shared.create(phys, size, virt, 0, true, huge);
        return virt;
    }

    /**
     * A CPU's private root: its per-CPU data at {@link #LOCAL_CPU_BASE} and the temporary window
     * below it, reserved as non-present pages so that later temporary mappings never allocate.
     */
    public void addCpu(long perCpuPhys, long perCpuBytes) {
        TranslationTables cpu = new TranslationTables(PagingMode.hypervisorStage1(), memory);
        cpu.create(perCpuPhys, perCpuBytes, LOCAL_CPU_BASE, 0, true, huge);
        cpu.create(0, NUM_TEMPORARY_PAGES * TranslationTables.PAGE, TEMPORARY_MAPPING_BASE, 0, false, false);
        privateTables.add(cpu);
    }

    public int remapUsed() {
        return remap.used();
    }

    /** Tables below the shared and the private roots. */
    public long tables() {
        return shared.tables() + privateTables.stream().mapToLong(TranslationTables::tables).sum();
    }
}
