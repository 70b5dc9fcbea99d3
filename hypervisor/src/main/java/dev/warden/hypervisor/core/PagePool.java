package dev.warden.hypervisor.core;

import dev.warden.emulator.el2.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hypervisor's two page pools as "Page pool usage ..." reports them (jailhouse-facts §8): the
 * mem pool of 4 KiB pages inside hypervisor memory after the core image, and the remap pool of
 * virtual pages for device mappings. Allocations are booked per owner (the hypervisor itself or a
 * cell, an ivshmem link), and every allocation and release is written to a ledger under the name
 * of the structure it is for (research/pagepool.md lists them), consecutive ones of the same name
 * merged.
 */
public final class PagePool {

    public static final int PAGE = 4096;
    public static final long REMAP_POOL_PAGES = 131072;
    public static final String HYPERVISOR = "<hypervisor>";

    private final long memPages;
    private final int corePages;
    private final Map<String, Long> memByOwner = new LinkedHashMap<>();
    private final Map<String, Long> remapByOwner = new LinkedHashMap<>();
    private final List<Entry> ledger = new ArrayList<>();

    /** One ledger line: {@code pages} taken (negative: given back) by {@code owner} for {@code what}. */
    public record Entry(String owner, String what, long pages, boolean remap) { }

    public PagePool(long hypervisorMemorySize, int corePages) {
        this.corePages = corePages;
        this.memPages = hypervisorMemorySize / PAGE - corePages;
    }

    public long memPages() { return memPages; }

    /** Pages of hypervisor memory the core takes before the pool starts. */
    public int corePages() { return corePages; }

    public long memUsed() { return memByOwner.values().stream().mapToLong(Long::longValue).sum(); }

    public long remapPages() { return REMAP_POOL_PAGES; }

    public long remapUsed() { return remapByOwner.values().stream().mapToLong(Long::longValue).sum(); }

    public void allocate(String owner, long pages) {
        allocate(owner, "", pages);
    }

    public void allocate(String owner, String what, long pages) {
        if (memUsed() + pages > memPages) {
            throw new HypervisorError(Errno.ENOMEM, "page pool exhausted: " + pages + " pages for " + owner
                    + (what.isEmpty() ? "" : " (" + what + ")") + ", " + (memPages - memUsed()) + " free");
        }
        memByOwner.merge(owner, pages, Long::sum);
        record(owner, what, pages, false);
    }

    /** Gives back pages the owner took (a table that became empty, a structure of a destroyed cell). */
    public void free(String owner, long pages) {
        free(owner, "", pages);
    }

    public void free(String owner, String what, long pages) {
        long held = heldBy(owner);
        if (pages > held) throw new IllegalStateException(owner + " frees " + pages + " pages but holds " + held);
        if (held == pages) memByOwner.remove(owner);
        else memByOwner.put(owner, held - pages);
        record(owner, what, -pages, false);
    }

    public void remap(String owner, long pages) {
        remap(owner, "", pages);
    }

    public void remap(String owner, String what, long pages) {
        remapByOwner.merge(owner, pages, Long::sum);
        record(owner, what, pages, true);
    }

    /** Every allocation and release so far, in order. */
    public List<Entry> ledger() {
        return List.copyOf(ledger);
    }

    private void record(String owner, String what, long pages, boolean remap) {
        int last = ledger.size() - 1;
        if (last >= 0) {
            Entry e = ledger.get(last);
            if (e.owner().equals(owner) && e.what().equals(what) && e.remap() == remap
                    && Long.signum(e.pages()) == Long.signum(pages)) {
                ledger.set(last, new Entry(owner, what, e.pages() + pages, remap));
                return;
            }
        }
        ledger.add(new Entry(owner, what, pages, remap));
    }

    /** Gives back everything the owner holds. */
    public void release(String owner) {
        Long mem = memByOwner.remove(owner);
        Long remap = remapByOwner.remove(owner);
        if (mem != null) record(owner, "everything left", -mem, false);
        if (remap != null) record(owner, "everything left", -remap, true);
    }

    public long heldBy(String owner) {
        return memByOwner.getOrDefault(owner, 0L);
    }

    /** "mem X/Y, remap X/Y", the figures of every page-pool line. */
    public String usage() {
        return String.format("mem %d/%d, remap %d/%d", memUsed(), memPages, remapUsed(), REMAP_POOL_PAGES);
    }

    public static long pagesFor(long bytes) {
        return (bytes + PAGE - 1) / PAGE;
    }
}
