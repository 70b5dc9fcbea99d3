package dev.warden.emulator.bus;

import java.util.HashMap;
import java.util.Map;

/**
 * Guest RAM, allocated lazily in 64 KiB pages so that a board with 4 GiB of DDR costs only what the
 * guests touch. Untouched memory reads as zero. All accesses are little-endian.
 */
public final class Ram {

    public static final int PAGE_SHIFT = 16;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final long PAGE_MASK = PAGE_SIZE - 1;

    private final String name;
    private final long base;
    private final long size;
    private final Map<Long, byte[]> pages = new HashMap<>();

    public Ram(String name, long base, long size) {
        if (size <= 0) throw new IllegalArgumentException("RAM " + name + ": size must be positive");
        this.name = name;
        this.base = base;
        this.size = size;
    }

    public String name() { return name; }

    public long base() { return base; }

    public long size() { return size; }

    public boolean contains(long address, int length) {
        return address >= base && address - base + length <= size;
    }

    /**
     * The backing page that holds {@code address}, allocated on first use. The CPU's fast path
     * caches these arrays; offsets inside are {@code address & (PAGE_SIZE - 1)}.
     */
    public byte[] page(long address) {
        long index = (address - base) >>> PAGE_SHIFT;
        return pages.computeIfAbsent(index, i -> new byte[PAGE_SIZE]);
    }

    public long read(long address, int size) {
        byte[] page = page(address);
        int off = (int) ((address - base) & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            long value = 0;
            for (int i = size - 1; i >= 0; i--) value = (value << 8) | (page[off + i] & 0xffL);
            return value;
        }
        long value = 0;
        for (int i = size - 1; i >= 0; i--) value = (value << 8) | readByte(address + i);
        return value;
    }

    public void write(long address, int size, long value) {
        byte[] page = page(address);
        int off = (int) ((address - base) & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            for (int i = 0; i < size; i++) page[off + i] = (byte) (value >>> (8 * i));
            return;
        }
        for (int i = 0; i < size; i++) writeByte(address + i, (byte) (value >>> (8 * i)));
    }

    public int readByte(long address) {
        return page(address)[(int) ((address - base) & PAGE_MASK)] & 0xff;
    }

    public void writeByte(long address, byte value) {
        page(address)[(int) ((address - base) & PAGE_MASK)] = value;
    }

    /** Copies an image into RAM, as a loader (U-Boot, `jailhouse cell load`) does. */
    public void load(long address, byte[] image) {
        if (!contains(address, image.length)) {
            throw new IllegalArgumentException(String.format(
                    "image of %d bytes at 0x%x does not fit in RAM %s [0x%x..0x%x)",
                    image.length, address, name, base, base + size));
        }
        for (int done = 0; done < image.length; ) {
            long a = address + done;
            int off = (int) ((a - base) & PAGE_MASK);
            int n = Math.min(image.length - done, PAGE_SIZE - off);
            System.arraycopy(image, done, page(a), off, n);
            done += n;
        }
    }

    /** Clears a range to zero (a memset), without backing pages nobody has touched: they read zero already. */
    public void clear(long address, long length) {
        long end = Math.min(address + length, base + size);
        for (long a = Math.max(address, base); a < end; ) {
            long index = (a - base) >>> PAGE_SHIFT;
            long pageEnd = Math.min(end, base + ((index + 1) << PAGE_SHIFT));
            byte[] page = pages.get(index);
            if (page != null) {
                java.util.Arrays.fill(page, (int) ((a - base) & PAGE_MASK), (int) ((pageEnd - 1 - base) & PAGE_MASK) + 1, (byte) 0);
            }
            a = pageEnd;
        }
    }

    /** The bytes of a range, page by page; pages nobody touched read as zero and stay unallocated. */
    public byte[] copyOut(long address, int length) {
        byte[] out = new byte[length];
        for (int done = 0; done < length; ) {
            long a = address + done;
            int off = (int) ((a - base) & PAGE_MASK);
            int n = Math.min(length - done, PAGE_SIZE - off);
            byte[] page = pages.get((a - base) >>> PAGE_SHIFT);
            if (page != null) System.arraycopy(page, off, out, done, n);
            done += n;
        }
        return out;
    }
}
