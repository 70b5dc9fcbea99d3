package dev.warden.config.check;

import dev.warden.config.MemoryRegion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Unsigned range arithmetic over 64-bit physical addresses. */
public final class Ranges {
    private Ranges() {
    }

    /** Half-open ranges overlap; an empty range overlaps nothing (as pyjailhouse's phys_overlaps). */
    public static boolean overlap(long aStart, long aSize, long bStart, long bSize) {
        if (aSize == 0 || bSize == 0) {
            return false;
        }
        return inside(aStart, bStart, bSize) || inside(bStart, aStart, aSize);
    }

    private static boolean inside(long address, long start, long size) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address - start, size) < 0;
    }

    /** Whether the union of {@code regions} (physical) covers [start, start + size) completely. */
    public static boolean covered(List<MemoryRegion> regions, long start, long size) {
        return uncovered(regions, start, size) == null;
    }

    /** The first address of [start, start + size) no region covers, or null when all is covered. */
    public static Long uncovered(List<MemoryRegion> regions, long start, long size) {
        List<MemoryRegion> sorted = new ArrayList<>();
        for (MemoryRegion r : regions) {
            if (r.size() != 0 && (r.flags() & MemoryRegion.COMM_REGION) == 0) {
                sorted.add(r);
            }
        }
        sorted.sort(Comparator.comparing(MemoryRegion::phys, Long::compareUnsigned));
        long cursor = start;
        long remaining = size;
        boolean progress = true;
        while (remaining != 0 && progress) {
            progress = false;
            for (MemoryRegion r : sorted) {
                if (inside(cursor, r.phys(), r.size())) {
                    long avail = r.size() - (cursor - r.phys());
                    long step = Long.compareUnsigned(avail, remaining) >= 0 ? remaining : avail;
                    cursor += step;
                    remaining -= step;
                    progress = true;
                    break;
                }
            }
        }
        return remaining == 0 ? null : cursor;
    }
}
