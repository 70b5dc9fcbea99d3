package dev.warden.emulator.bus;

import dev.warden.emulator.snapshot.ForkCopyable;
import dev.warden.emulator.snapshot.GraphCopy;
import java.util.HashMap;
import java.util.Map;

/**
 * Guest RAM, allocated lazily in 64 KiB pages so that a board with 4 GiB of DDR costs only what the
 * guests touch. Untouched memory reads as zero. All accesses are little-endian.
 *
 * <p>A copy of a board ({@link GraphCopy}) shares the pages of its RAM copy-on-write: a page that
 * two copies share is never written; the first write to it in either copy writes a private clone
 * instead. The cores' fast path holds page arrays directly ({@link #page}); such an escaped page
 * cannot be watched for writes, so a copy clones it at once, through the copy's identity map, so
 * that the core's cached references in the copy point to the clone.
 */
public final class Ram implements ForkCopyable {

    public static final int PAGE_SHIFT = 16;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final long PAGE_MASK = PAGE_SIZE - 1;

    /** One backing page and who may write it. */
    private static final class Page {
        byte[] bytes;
        /** Shared with another copy of the board: clone before the first write. */
        boolean borrowed;
        /** Handed out by {@link #page}: written behind this object's back, never shared. */
        boolean escaped;

        Page(byte[] bytes, boolean borrowed, boolean escaped) {
            this.bytes = bytes;
            this.borrowed = borrowed;
            this.escaped = escaped;
        }
    }

    private final String name;
    private final long base;
    private final long size;
    private final Map<Long, Page> pages = new HashMap<>();

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
     * The backing page that holds {@code address}, allocated on first use and private to this RAM
     * from now on. The CPU's fast path caches these arrays; offsets inside are
     * {@code address & (PAGE_SIZE - 1)}.
     */
    public byte[] page(long address) {
        Page p = writable((address - base) >>> PAGE_SHIFT);
        p.escaped = true;
        return p.bytes;
    }

    /** The page to read, or null when it was never written (it reads as zero). */
    private byte[] readable(long index) {
        Page p = pages.get(index);
        return p == null ? null : p.bytes;
    }

    /** The page to write: allocated on first use, cloned first when a copy of the board shares it. */
    private Page writable(long index) {
        Page p = pages.get(index);
        if (p == null) {
            p = new Page(new byte[PAGE_SIZE], false, false);
            pages.put(index, p);
        } else if (p.borrowed) {
            p.bytes = p.bytes.clone();
            p.borrowed = false;
        }
        return p;
    }

    public long read(long address, int size) {
        byte[] page = readable((address - base) >>> PAGE_SHIFT);
        int off = (int) ((address - base) & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            if (page == null) return 0;
            long value = 0;
            for (int i = size - 1; i >= 0; i--) value = (value << 8) | (page[off + i] & 0xffL);
            return value;
        }
        long value = 0;
        for (int i = size - 1; i >= 0; i--) value = (value << 8) | readByte(address + i);
        return value;
    }

    public void write(long address, int size, long value) {
        int off = (int) ((address - base) & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            byte[] page = writable((address - base) >>> PAGE_SHIFT).bytes;
            for (int i = 0; i < size; i++) page[off + i] = (byte) (value >>> (8 * i));
            return;
        }
        for (int i = 0; i < size; i++) writeByte(address + i, (byte) (value >>> (8 * i)));
    }

    public int readByte(long address) {
        byte[] page = readable((address - base) >>> PAGE_SHIFT);
        return page == null ? 0 : page[(int) ((address - base) & PAGE_MASK)] & 0xff;
    }

    public void writeByte(long address, byte value) {
        writable((address - base) >>> PAGE_SHIFT).bytes[(int) ((address - base) & PAGE_MASK)] = value;
    }

    /** Copies an image into RAM, as a loader (U-Boot, `jailhouse cell load`) does. */
    public void load(long address, byte[] image) {
        if (!contains(address, image.length)) {
            throw new IllegalArgumentException(String.format(
                    "image of %d bytes at 0x%x does not fit in RAM %s [0x%x..0x%x)",
                    image.length, address, name, base, base + size));
        }
        for (int i = 0; i < image.length; ) {
            long a = address + i;
            int off = (int) ((a - base) & PAGE_MASK);
            int n = Math.min(image.length - i, PAGE_SIZE - off);
            System.arraycopy(image, i, writable((a - base) >>> PAGE_SHIFT).bytes, off, n);
            i += n;
        }
    }

    /** Clears a range to zero (a memset), without backing pages nobody has touched: they read zero already. */
    public void clear(long address, long length) {
        long end = Math.min(address + length, base + size);
        for (long a = Math.max(address, base); a < end; ) {
            long index = (a - base) >>> PAGE_SHIFT;
            long pageEnd = Math.min(end, base + ((index + 1) << PAGE_SHIFT));
            if (pages.containsKey(index)) {
                java.util.Arrays.fill(writable(index).bytes, (int) ((a - base) & PAGE_MASK),
                        (int) ((pageEnd - 1 - base) & PAGE_MASK) + 1, (byte) 0);
            }
            a = pageEnd;
        }
    }

    /** The bytes of a range, page by page; pages nobody touched read as zero and stay unallocated. */
    public byte[] copyOut(long address, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; ) {
            long a = address + i;
            int off = (int) ((a - base) & PAGE_MASK);
            int n = Math.min(length - i, PAGE_SIZE - off);
            byte[] page = readable((a - base) >>> PAGE_SHIFT);
            if (page != null) System.arraycopy(page, off, out, i, n);
            i += n;
        }
        return out;
    }

    /** Pages backed by memory (touched at some time), for tests and statistics. */
    public int backedPages() {
        return pages.size();
    }

    /**
     * This RAM in a copy of the board: every page the cores never held is shared, borrowed by both
     * sides from now on; an escaped page is cloned through {@code copy}. Reads {@code this} only,
     * except to mark a page it owned as borrowed (a board that was never copied before).
     */
    @Override
    public Object forkCopy(GraphCopy copy) {
        Ram r = new Ram(name, base, size);
        for (Map.Entry<Long, Page> e : pages.entrySet()) {
            Page p = e.getValue();
            if (p.escaped) {
                r.pages.put(e.getKey(), new Page(copy.copyOf(p.bytes), false, true));
            } else {
                if (!p.borrowed) p.borrowed = true;
                r.pages.put(e.getKey(), new Page(p.bytes, true, false));
            }
        }
        return r;
    }
}
