package dev.warden.rootcell.linux;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.el2.El2;
import java.util.function.IntSupplier;

/**
 * The kernel's one way to memory: the access of the CPU the kernel runs on at that moment, through
 * whatever EL2 has put in front of that CPU (nothing before Jailhouse is enabled, then the stage 2
 * of the cell owning the CPU). Every driver that holds it (the console UART, the SD host) goes
 * through the hypervisor from the moment it is enabled, as on the board.
 */
final class KernelMemory implements MemoryAccess {

    private final El2 el2;
    private final IntSupplier boardCpu;

    KernelMemory(El2 el2, IntSupplier boardCpu) {
        this.el2 = el2;
        this.boardCpu = boardCpu;
    }

    @Override
    public long read(long address, int size) {
        return el2.memory(boardCpu.getAsInt()).read(address, size);
    }

    @Override
    public void write(long address, int size, long value) {
        el2.memory(boardCpu.getAsInt()).write(address, size, value);
    }
}
