package dev.warden.hypervisor.mmio;

/**
 * One trapped access: the cell-physical (intermediate) address, its size in bytes, its
 * direction, and the value written or, once handled, the value read.
 */
public final class MmioAccess {

    private final long address;
    private final int size;
    private final boolean write;
    private long value;

    public MmioAccess(long address, int size, boolean write, long value) {
        this.address = address;
        this.size = size;
        this.write = write;
        this.value = value;
    }

    public long address() { return address; }

    public int size() { return size; }

    public boolean isWrite() { return write; }

    public long value() { return value; }

    public void value(long v) { this.value = size == 8 ? v : v & ((1L << (8 * size)) - 1); }

    public String direction() { return write ? "write" : "read"; }
}
