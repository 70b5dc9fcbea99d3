package dev.warden.hypervisor.paging;

import java.util.List;

/**
 * The arm64 translation regimes of the hypervisor (jailhouse-facts §8; research/pagepool.md §2):
 * its own stage 1 always has four levels (no blocks at level 0, 1 GiB blocks at level 1, 2 MiB at
 * level 2, pages at level 3). A cell's stage 2 follows the CPUs' physical address range: from 44
 * bits on it is the same four-level layout with a one-page root; below 44 bits the walk starts
 * at level 1 with a root of concatenated pages (2 for 40 bits) whose entries are never blocks, so
 * such cells get no 1 GiB blocks at all.
 */
public record PagingMode(List<PagingLevel> levels, int rootPages) {

    private static final long GIB = 1L << 30;
    private static final long MIB2 = 1L << 21;

    public PagingMode {
        levels = List.copyOf(levels);
    }

    /** The hypervisor's EL2 stage 1 (48-bit virtual addresses). */
    public static PagingMode hypervisorStage1() {
        return fourLevels(9);
    }

    /** A cell's stage 2 for CPUs whose physical address range is {@code paBits} wide. */
    public static PagingMode stage2(int paBits) {
        if (paBits >= 44) return fourLevels(9);
        int rootBits = paBits - 30;
        int rootPages = paBits > 39 ? 1 << (paBits - 39) : 1;
        return new PagingMode(List.of(
                new PagingLevel(1, 30, rootBits, 0),
                new PagingLevel(2, 21, 9, MIB2),
                new PagingLevel(3, 12, 9, TranslationTables.PAGE)), rootPages);
    }

    private static PagingMode fourLevels(int rootBits) {
        return new PagingMode(List.of(
                new PagingLevel(0, 39, rootBits, 0),
                new PagingLevel(1, 30, 9, GIB),
                new PagingLevel(2, 21, 9, MIB2),
                new PagingLevel(3, 12, 9, TranslationTables.PAGE)), 1);
    }

    public PagingLevel level(int depth) {
        return levels.get(depth);
    }

    public int depth() {
        return levels.size();
    }

    /** The architectural level the walk starts at (the level of a fault in the root table). */
    public int firstLevel() {
        return levels.get(0).number();
    }
}
