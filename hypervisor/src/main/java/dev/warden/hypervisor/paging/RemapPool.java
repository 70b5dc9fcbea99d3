package dev.warden.hypervisor.paging;

import java.util.BitSet;

/**
 * The hypervisor's remap pool: virtual pages from {@link #BASE} where device registers are mapped
 * (jailhouse-facts §8). Its bitmap takes 4 pool pages and so covers 4 x 4096 x 8 pages; a mapping
 * takes the first run of free pages that is long enough, so its virtual address (and with it the
 * page tables it needs) is the real one.
 */
public final class RemapPool {

    public static final long BASE = 0xff8000000000L;
    public static final int BITMAP_PAGES = 4;
    public static final int PAGES = BITMAP_PAGES * 4096 * 8;

    private final BitSet used = new BitSet(PAGES);

    /** Reserves {@code pages} consecutive pages and returns the virtual address of the first. */
    public long allocate(int pages) {
        int start = 0;
        while (true) {
            start = used.nextClearBit(start);
            int busy = used.nextSetBit(start);
            int end = busy < 0 ? PAGES : busy;
            if (end - start >= pages) break;
            if (busy < 0) throw new IllegalStateException("remap pool exhausted: " + pages + " pages");
            start = busy;
        }
        if (start + pages > PAGES) throw new IllegalStateException("remap pool exhausted: " + pages + " pages");
        used.set(start, start + pages);
        return BASE + (long) start * TranslationTables.PAGE;
    }

    public int used() {
        return used.cardinality();
    }
}
