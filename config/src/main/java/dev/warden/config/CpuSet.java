package dev.warden.config;

import java.util.BitSet;

/** CPU lists as people write them ("0-3", "1,3", "2-3,6") to and from a BitSet. */
public final class CpuSet {
    /** Largest index accepted: 4096-byte CPU bitmaps (the hypervisor's limit), and any GIC interrupt ID. */
    public static final int MAX_INDEX = 4096 * 8 - 1;

    private CpuSet() {
    }

    /** Parses a comma separated list of indices and ranges; empty text is the empty set. */
    public static BitSet parse(String text) {
        BitSet out = new BitSet();
        String t = text.trim();
        if (t.isEmpty()) {
            return out;
        }
        for (String part : t.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            try {
                if (dash < 0) {
                    out.set(bounded(Integer.parseInt(p)));
                } else {
                    int lo = bounded(Integer.parseInt(p.substring(0, dash).trim()));
                    int hi = bounded(Integer.parseInt(p.substring(dash + 1).trim()));
                    if (hi < lo) {
                        throw new IllegalArgumentException("range '" + p + "' runs backwards");
                    }
                    out.set(lo, hi + 1);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a number or a range like 2-3");
            } catch (IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("'" + p + "' is negative");
            }
        }
        return out;
    }

    private static int bounded(int index) {
        if (index > MAX_INDEX) {
            throw new IllegalArgumentException(index + " is larger than " + MAX_INDEX);
        }
        return index;
    }

    /** Formats with ranges: {0,1,2,3,6} becomes "0-3,6". */
    public static String format(BitSet set) {
        StringBuilder sb = new StringBuilder();
        int i = set.nextSetBit(0);
        while (i >= 0) {
            int end = set.nextClearBit(i) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = set.nextSetBit(end + 1);
        }
        return sb.toString();
    }
}
