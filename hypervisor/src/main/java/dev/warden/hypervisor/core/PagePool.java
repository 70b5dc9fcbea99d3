package dev.warden.hypervisor.core;

import dev.warden.emulator.el2.Errno;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hypervisor's two page pools as "Page pool usage ..." reports them (jailhouse-facts §8): the
 * mem pool of 4 KiB pages inside hypervisor memory after the core image, and the remap pool of
 * virtual pages for device mappings. Allocations are booked per owner (the hypervisor itself or a
 * cell), so destroying a cell returns exactly what creating it took.
 */
public final class PagePool {

    public static final int PAGE = 4096;
    public static final long REMAP_POOL_PAGES = 131072;
    public static final String HYPERVISOR = "<hypervisor>";

    private final long memPages;
    private final Map<String, Long> memByOwner = new LinkedHashMap<>();
    private final Map<String, Long> remapByOwner = new LinkedHashMap<>();

    public PagePool(long hypervisorMemorySize, int corePages) {
        this.memPages = hypervisorMemorySize / PAGE - corePages;
    }

    public long memPages() { return memPages; }

    public long memUsed() { return memByOwner.values().stream().mapToLong(Long::longValue).sum(); }

    public long remapPages() { return REMAP_POOL_PAGES; }

    public long remapUsed() { return remapByOwner.values().stream().mapToLong(Long::longValue).sum(); }

    public void allocate(String owner, long pages) {
        if (memUsed() + pages > memPages) {
            throw new HypervisorError(Errno.ENOMEM, "page pool exhausted: " + pages + " pages for " + owner
                    + ", " + (memPages - memUsed()) + " free");
        }
        memByOwner.merge(owner, pages, Long::sum);
    }

    public void remap(String owner, long pages) {
        remapByOwner.merge(owner, pages, Long::sum);
    }

    /** Gives back everything the owner holds. */
    public void release(String owner) {
        memByOwner.remove(owner);
        remapByOwner.remove(owner);
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
