package dev.warden.config;

/** struct jailhouse_memory: one region of a cell (32 bytes). Flags are raw bits of the file's format. */
public record MemoryRegion(long phys, long virt, long size, long flags) {
    public static final long READ = 0x1;
    public static final long WRITE = 0x2;
    public static final long EXECUTE = 0x4;
    public static final long DMA = 0x8;
    public static final long IO = 0x10;
    public static final long COMM_REGION = 0x20;
    public static final long LOADABLE = 0x40;
    public static final long ROOTSHARED = 0x80;
    /** Revision 12 and later. */
    public static final long NO_HUGEPAGES = 0x100;
    /** Revision 12 and later; 0x100 in revision 10 and TI. */
    public static final long IO_UNALIGNED = 0x8000;
    public static final long LEGACY_IO_UNALIGNED = 0x100;
    public static final long IO_8 = 0x10000;
    public static final long IO_16 = 0x20000;
    public static final long IO_32 = 0x40000;
    public static final long IO_64 = 0x80000;
    public static final long IO_WIDTHS = IO_8 | IO_16 | IO_32 | IO_64;
    public static final long PAGE_SIZE = 0x1000;

    public boolean has(long flag) {
        return (flags & flag) == flag;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Exclusive end of the physical range (may wrap for absurd values; callers use unsigned compare). */
    public long physEnd() {
        return phys + size;
    }

    public long virtEnd() {
        return virt + size;
    }

    /** Not page aligned in virt_start or size: trapped and emulated, never mapped (phys is not part of the test). */
    public boolean isSubPage() {
        return (virt & (PAGE_SIZE - 1)) != 0 || (size & (PAGE_SIZE - 1)) != 0;
    }

    public boolean physContains(long address) {
        return size != 0 && Long.compareUnsigned(address, phys) >= 0 && Long.compareUnsigned(address - phys, size) < 0;
    }

    /** Whether [start, start+length) lies inside the physical range. */
    public boolean physCovers(long start, long length) {
        return size != 0 && Long.compareUnsigned(start, phys) >= 0
                && Long.compareUnsigned(start - phys, size) < 0
                && Long.compareUnsigned(start - phys + length, size) <= 0;
    }
}
