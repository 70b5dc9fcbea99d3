package dev.warden.hypervisor.core;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.el2.CpuHalted;
import dev.warden.emulator.el2.ModeledCpu;
import dev.warden.hypervisor.mmio.MmioAccess;

/**
 * A modeled CPU's memory path inside its cell: every access goes through the cell's stage 2 and
 * MMIO dispatch. When the hypervisor parks the CPU, the modeled code stops right there. The
 * syndrome of a trapped access is that of a plain load or store into x0 ({@code ldr/str w0, [x1]}).
 */
final class CellMemoryAccess implements MemoryAccess {

    private final Hypervisor hypervisor;
    private final Cell cell;
    private final ModeledCpu cpu;

    CellMemoryAccess(Hypervisor hypervisor, Cell cell, ModeledCpu cpu) {
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
        if (cell.failedCpus().get(cpu.index())) throw CpuHalted.parked(cpu.index(), cell.name());
        long esr = (0x24L << 26) | (1L << 25) | (1L << 24) | ((long) Integer.numberOfTrailingZeros(a.size()) << 22)
                | (a.isWrite() ? 1L << 6 : 0)
                | cell.stage2().faultStatus(a.address(), a.isWrite() ? Hypervisor.MEM_WRITE : Hypervisor.MEM_READ);
        if (hypervisor.access(cell, CpuContext.of(cpu, esr), a) == Hypervisor.AccessOutcome.PARKED) {
            throw CpuHalted.parked(cpu.index(), cell.name());
        }
    }
}
