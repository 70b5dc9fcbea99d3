package dev.warden.hypervisor.core;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.hypervisor.mmio.MmioAccess;
import java.util.function.IntSupplier;

/**
 * A modeled guest's memory path inside its cell: every access goes through the cell's stage 2 and
 * MMIO dispatch. When the hypervisor parks the CPU, the modeled code stops right there.
 */
final class CellMemoryAccess implements MemoryAccess {

    /** The pc a register dump shows for modeled code: a kernel text address. */
    static final long MODELED_PC = 0xffff000008000000L;

    private final Hypervisor hypervisor;
    private final Cell cell;
    private final IntSupplier cpu;

    CellMemoryAccess(Hypervisor hypervisor, Cell cell, IntSupplier cpu) {
        this.hypervisor = hypervisor;
        this.cell = cell;
        this.cpu = cpu;
    }

    @Override
    public long read(long address, int size) {
        MmioAccess a = new MmioAccess(address, size, false, 0);
        run(a);
        return a.value();
    }

    @Override
    public void write(long address, int size, long value) {
        run(new MmioAccess(address, size, true, value));
    }

    private void run(MmioAccess a) {
        int cpuId = cpu.getAsInt();
        long esr = (0x24L << 26) | (1L << 25) | (1L << 24) | ((long) Integer.numberOfTrailingZeros(a.size()) << 22)
                | (a.isWrite() ? 1L << 6 : 0)
                | cell.stage2().faultStatus(a.address(), a.isWrite() ? Hypervisor.MEM_WRITE : Hypervisor.MEM_READ);
        CpuContext context = CpuContext.modeled(cpuId, MODELED_PC, esr);
        if (hypervisor.access(cell, context, a) == Hypervisor.AccessOutcome.PARKED) {
            throw new CpuParkedException(cpuId, cell.name());
        }
    }
}
