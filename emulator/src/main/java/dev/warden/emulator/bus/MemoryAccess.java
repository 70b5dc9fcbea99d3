package dev.warden.emulator.bus;

/**
 * How a piece of guest software reaches physical memory. On a bare board this is the
 * {@link PhysicalBus} itself; once a hypervisor partitions the board, it is the cell's stage-2
 * translation in front of the bus, so modeled and emulated guests take the same path.
 */
public interface MemoryAccess {

    long read(long address, int size);

    void write(long address, int size, long value);
}
