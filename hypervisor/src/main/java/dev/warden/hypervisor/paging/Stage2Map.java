package dev.warden.hypervisor.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One cell's stage-2 translation: intermediate physical address ranges mapped to physical ranges
 * with access flags. Mapping and unmapping work on page-aligned ranges and split existing
 * mappings, as the hypervisor's page tables do. The table count follows a 4 KiB-granule layout
 * with 1 GiB and 2 MiB blocks where alignment allows, for the page-pool figures.
 */
public final class Stage2Map {

    public static final long PAGE = 0x1000;
    private static final long MIB2 = 0x200000;
    private static final long GIB = 0x40000000;

    /** A contiguous mapping: [ipa, ipa + size) -> [phys, phys + size). */
    public record Mapping(long ipa, long phys, long size, long flags) {
        public long end() { return ipa + size; }

        public long translate(long address) { return phys + (address - ipa); }
    }

    private final TreeMap<Long, Mapping> byIpa = new TreeMap<>();

    /** Maps a range, replacing whatever was mapped there before. */
    public void map(long ipa, long phys, long size, long flags) {
        long start = ipa & ~(PAGE - 1);
        long end = (ipa + size + PAGE - 1) & ~(PAGE - 1);
        if (end <= start) return;
        unmap(start, end - start);
        byIpa.put(start, new Mapping(start, phys & ~(PAGE - 1), end - start, flags));
    }

    /** Removes every mapping of the range, keeping the parts of mappings outside it. */
    public void unmap(long ipa, long size) {
        long start = ipa & ~(PAGE - 1);
        long end = (ipa + size + PAGE - 1) & ~(PAGE - 1);
        List<Mapping> touched = new ArrayList<>();
        Map.Entry<Long, Mapping> before = byIpa.floorEntry(start);
        if (before != null && before.getValue().end() > start) touched.add(before.getValue());
        touched.addAll(byIpa.subMap(start, true, end, false).values());
        for (Mapping m : touched) {
            byIpa.remove(m.ipa());
            if (m.ipa() < start) byIpa.put(m.ipa(), new Mapping(m.ipa(), m.phys(), start - m.ipa(), m.flags()));
            if (m.end() > end) {
                byIpa.put(end, new Mapping(end, m.translate(end), m.end() - end, m.flags()));
            }
        }
    }

    public Optional<Mapping> lookup(long ipa) {
        Map.Entry<Long, Mapping> e = byIpa.floorEntry(ipa);
        if (e == null || e.getValue().end() <= ipa) return Optional.empty();
        return Optional.of(e.getValue());
    }

    public List<Mapping> mappings() {
        return List.copyOf(byIpa.values());
    }

    /**
     * Translation tables below the root table that these mappings need: one level-2 table per
     * 1 GiB window not covered by a whole block, one level-3 table per 2 MiB window not covered by
     * a block (blocks only where IPA and PA are equally aligned).
     */
    public long tablePages() {
        java.util.Set<Long> level2 = new java.util.HashSet<>();
        java.util.Set<Long> level3 = new java.util.HashSet<>();
        for (Mapping m : byIpa.values()) {
            long a = m.ipa();
            while (a < m.end()) {
                long pa = m.translate(a);
                if (a % GIB == 0 && pa % GIB == 0 && m.end() - a >= GIB) {
                    a += GIB;
                    continue;
                }
                level2.add(a / GIB);
                if (a % MIB2 == 0 && pa % MIB2 == 0 && m.end() - a >= MIB2) {
                    a += MIB2;
                    continue;
                }
                level3.add(a / MIB2);
                a = Math.min(m.end(), (a / MIB2 + 1) * MIB2);
            }
        }
        return level2.size() + level3.size();
    }
}
