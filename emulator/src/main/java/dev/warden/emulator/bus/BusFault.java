package dev.warden.emulator.bus;

/**
 * An access the physical bus cannot complete: nothing is mapped at the address. Real hardware
 * answers such an access with an external abort; the CPU model turns this into one.
 */
public final class BusFault extends RuntimeException {

    private final long address;
    private final int size;
    private final boolean write;

    public BusFault(long address, int size, boolean write) {
        super(String.format("no device or RAM at 0x%x (%s of %d bytes)", address, write ? "write" : "read", size));
        this.address = address;
        this.size = size;
        this.write = write;
    }

    public long address() { return address; }

    public int size() { return size; }

    public boolean isWrite() { return write; }
}
