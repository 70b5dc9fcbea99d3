package dev.warden.hypervisor.rootcell.linux;

import dev.warden.emulator.bus.MemoryAccess;

/**
 * The kernel's one way to memory. Until Jailhouse is enabled it is the physical bus; then the
 * driver puts the root cell's stage 2 behind it, and every driver that already holds it (the
 * console UART, the SD host) goes through the hypervisor from that moment on.
 */
final class KernelMemory implements MemoryAccess {

    private MemoryAccess target;

    KernelMemory(MemoryAccess target) {
        this.target = target;
    }

    void retarget(MemoryAccess next) {
        this.target = next;
    }

    @Override
    public long read(long address, int size) {
        return target.read(address, size);
    }

    @Override
    public void write(long address, int size, long value) {
        target.write(address, size, value);
    }
}
