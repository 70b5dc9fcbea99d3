package dev.warden.hypervisor.core;

import dev.warden.hypervisor.paging.PageTableMemory;

/**
 * Translation-table pages drawn from the page pool for one owner, booked under the purpose the
 * caller names before each mapping change (so the ledger says what each table was for).
 */
final class PoolTableMemory implements PageTableMemory {

    private final PagePool pool;
    private final String owner;
    private String purpose;

    PoolTableMemory(PagePool pool, String owner, String purpose) {
        this.pool = pool;
        this.owner = owner;
        this.purpose = purpose;
    }

    /** Names what the tables allocated or freed from now on are for. */
    PoolTableMemory purpose(String what) {
        this.purpose = what;
        return this;
    }

    @Override
    public void allocate() {
        pool.allocate(owner, "page table: " + purpose, 1);
    }

    @Override
    public void free() {
        pool.free(owner, "page table: " + purpose, 1);
    }
}
