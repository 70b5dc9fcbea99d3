package dev.warden.hypervisor.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One cell's stage-2 translation as real page tables ({@link TranslationTables}): intermediate
 * physical addresses mapped to physical ones with Warden's access flags (the region flags of the
 * configuration). The tables below the root come from the {@link PageTableMemory} it was made
 * with, so every map and unmap costs (or returns) exactly the table pages Jailhouse's would.
 * A lookup names the block or page that maps an address; a miss names the level whose entry is
 * invalid, which is what a data abort's fault status code reports.
 */
public final class Stage2Map {

    public static final long PAGE = TranslationTables.PAGE;

    /** Fault status code of a translation fault at level 0 (levels 1..3 follow). */
    public static final int TRANSLATION_FAULT = 0x04;
    /** Fault status code of a permission fault at level 0 (levels 1..3 follow). */
    public static final int PERMISSION_FAULT = 0x0c;

    /** A block or page of the map: [ipa, ipa + size) -> [phys, phys + size). */
    public record Mapping(long ipa, long phys, long size, long flags) {
        public long end() { return ipa + size; }

        public long translate(long address) { return phys + (address - ipa); }
    }

    private final TranslationTables tables;
    private final boolean hugeWhenSplitting;

    /** A map on its own: a 44-bit four-level stage 2 whose tables are counted, not pooled. */
    public Stage2Map() {
        this(PagingMode.stage2(44), PageTableMemory.unlimited(), false);
    }

    /**
     * @param hugeWhenSplitting whether a block split by an unmap is refilled with blocks of the
     *                          next level (TI's v0.10: always) or with pages only (upstream
     *                          master's unmap passes no huge-page permission down, research §2.3)
     */
    public Stage2Map(PagingMode mode, PageTableMemory memory, boolean hugeWhenSplitting) {
        this.tables = new TranslationTables(mode, memory);
        this.hugeWhenSplitting = hugeWhenSplitting;
    }

    public PagingMode mode() { return tables.mode(); }

    /** Maps a range with blocks where alignment allows, replacing what was mapped there before. */
    public void map(long ipa, long phys, long size, long flags) {
        map(ipa, phys, size, flags, true);
    }

    /** As above; {@code huge} false maps pages only (a region with NO_HUGEPAGES, single pages). */
    public void map(long ipa, long phys, long size, long flags, boolean huge) {
        tables.create(phys, size, ipa, flags, true, huge);
    }

    /** Removes every mapping of the range; blocks it covers only partly are split first. */
    public void unmap(long ipa, long size) {
        tables.destroy(ipa, size, hugeWhenSplitting);
    }

    /** The block or page that maps the address, if any. */
    public Optional<Mapping> lookup(long ipa) {
        TranslationTables.Walk w = tables.walk(ipa);
        if (!w.mapped()) return Optional.empty();
        return Optional.of(new Mapping(w.base(), w.leaf().phys(), w.size(), w.leaf().flags()));
    }

    /** The architectural level at which a walk of the address ends (leaf level, or the level of the invalid entry). */
    public int walkLevel(long ipa) {
        return tables.walk(ipa).level();
    }

    /**
     * The data fault status code an access would report: a translation fault at the level whose
     * entry is invalid, or a permission fault at the leaf's level when the mapping lacks the
     * {@code permission} flag; 0 when the access is translated.
     */
    public int faultStatus(long ipa, long permission) {
        TranslationTables.Walk w = tables.walk(ipa);
        if (!w.mapped()) return TRANSLATION_FAULT + w.level();
        if ((w.leaf().flags() & permission) == 0) return PERMISSION_FAULT + w.level();
        return 0;
    }

    /** The translation tables below the root (each a page of the pool). */
    public long tablePages() {
        return tables.tables();
    }

    /** Every mapping, neighbours with the same flags and contiguous addresses joined. */
    public List<Mapping> mappings() {
        List<Mapping> out = new ArrayList<>();
        tables.forEachLeaf(w -> {
            Mapping m = new Mapping(w.base(), w.leaf().phys(), w.size(), w.leaf().flags());
            int last = out.size() - 1;
            if (last >= 0) {
                Mapping prev = out.get(last);
                if (prev.end() == m.ipa() && prev.translate(m.ipa()) == m.phys() && prev.flags() == m.flags()) {
                    out.set(last, new Mapping(prev.ipa(), prev.phys(), prev.size() + m.size(), prev.flags()));
                    return;
                }
            }
            out.add(m);
        });
        return out;
    }
}
