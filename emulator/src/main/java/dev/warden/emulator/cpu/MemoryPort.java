package dev.warden.emulator.cpu;

/**
 * The core's view of memory after its own stage-1 translation. A plain board passes accesses to
 * the physical bus ({@link PhysicalBusPort}); a hypervisor puts its stage-2 translation and its
 * MMIO dispatch behind this interface.
 */
public interface MemoryPort {

    /**
     * Fast path: the RAM behind the 4 KiB page at {@code pageAddress} (4 KiB aligned), or null when
     * accesses to that page must take the slow path (MMIO, unmapped, trapped, or read-only for a write).
     * The core caches the answer in its TLB until {@link Cpu#flushTlb()}.
     */
    RamWindow window(long pageAddress, boolean write);

    /**
     * Slow path: completes {@code access} (for a read, sets {@link DataAccess#value}) and returns true,
     * or returns false when nothing answers; the core then asks {@link TrapHandler#dataAbort}.
     */
    boolean access(DataAccess access);
}
