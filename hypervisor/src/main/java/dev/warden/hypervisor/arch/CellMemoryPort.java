package dev.warden.hypervisor.arch;

import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.bus.Ram;
import dev.warden.emulator.cpu.DataAccess;
import dev.warden.emulator.cpu.MemoryPort;
import dev.warden.emulator.cpu.RamWindow;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.hypervisor.paging.Stage2Map;
import java.util.Optional;

/**
 * An emulated core's memory inside its cell: RAM the cell's stage 2 maps with the needed
 * permission is handed to the core's fast path; everything else (device memory, sub-page
 * regions, the comm page, unmapped addresses) leaves the fast path and is trapped, exactly where
 * the real stage 2 would trap it.
 */
final class CellMemoryPort implements MemoryPort {

    static final long MEM_READ = 0x1;
    static final long MEM_WRITE = 0x2;
    static final long MEM_IO = 0x10;
    static final long MEM_COMM_REGION = 0x20;
    /** Mappings the core may not touch directly: device memory, the comm page, the hypervisor's empty pages. */
    static final long SPECIAL = MEM_IO | MEM_COMM_REGION | Hypervisor.ZERO_PAGE;

    private final Cell cell;
    private final PhysicalBus bus;

    CellMemoryPort(Cell cell, PhysicalBus bus) {
        this.cell = cell;
        this.bus = bus;
    }

    @Override
    public RamWindow window(long pageAddress, boolean write) {
        Optional<Stage2Map.Mapping> m = cell.stage2().lookup(pageAddress);
        if (m.isEmpty()) return null;
        long flags = m.get().flags();
        if ((flags & SPECIAL) != 0 || (flags & (write ? MEM_WRITE : MEM_READ)) == 0) return null;
        long phys = m.get().translate(pageAddress);
        Optional<Ram> ram = bus.ramAt(phys);
        if (ram.isEmpty()) return null;
        int offset = (int) ((phys - ram.get().base()) & (Ram.PAGE_SIZE - 1)) & ~0xfff;
        return new RamWindow(ram.get().page(phys), offset);
    }

    /** Nothing off the fast path completes here: it is a trap, handled by {@link CellTraps#dataAbort}. */
    @Override
    public boolean access(DataAccess access) {
        return false;
    }
}
