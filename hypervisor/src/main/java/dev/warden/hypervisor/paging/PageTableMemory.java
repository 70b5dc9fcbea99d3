package dev.warden.hypervisor.paging;

/**
 * Where translation-table pages come from: the hypervisor's page pool (one page per table below
 * the root) or, for a map used on its own, nowhere in particular.
 */
public interface PageTableMemory {

    /** Takes one page for a new table; may refuse (the pool is exhausted). */
    void allocate();

    /** Gives back the page of a table that became empty. */
    void free();

    /** Tables drawn from no pool: they are only counted by the map itself. */
    static PageTableMemory unlimited() {
        return new PageTableMemory() {
            @Override public void allocate() { }

            @Override public void free() { }
        };
    }
}
