package dev.warden.emulator.snapshot;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;

/**
 * A HashMap iterates bucket by bucket, so its order depends on its table size, which its history
 * decided (it grows, never shrinks) and which its API does not tell. The order itself does: the
 * keys' bucket indexes never decrease along it. A copy with the smallest table size for which
 * they do, filled in the original's order, iterates in the same order; {@link #check} makes sure.
 */
final class HashOrder {

    private static final int MAXIMUM_CAPACITY = 1 << 30;

    private HashOrder() {}

    /** A table size that gives a copy filled in {@code keys}' order the same order (16 when none does). */
    static int capacity(Collection<?> keys) {
        int n = keys.size();
        int capacity = 1;
        while (capacity * 0.75 < n) capacity <<= 1;
        for (; capacity <= MAXIMUM_CAPACITY && capacity > 0; capacity <<= 1) {
            if (ascending(keys, capacity)) return capacity;
        }
        return 16;
    }

    private static boolean ascending(Collection<?> keys, int capacity) {
        int previous = -1;
        for (Object k : keys) {
            int index = spread(k) & (capacity - 1);
            if (index < previous) return false;
            previous = index;
        }
        return true;
    }

    /** HashMap.hash. */
    private static int spread(Object key) {
        int h;
        return key == null ? 0 : (h = key.hashCode()) ^ (h >>> 16);
    }

    /**
     * Fails unless {@code copy} holds as many keys as {@code original} and iterates them in the order
     * of {@code copiedKeys} (the copies of the original's keys, in its order). Hash containers are
     * held to it only when every key hashes as its original: an order made of identity hash codes
     * differs from run to run anyway, and nothing deterministic can depend on it.
     */
    static void check(Collection<?> original, Collection<?> copy, Object[] copiedKeys, Class<?> type) {
        if (copy.size() != original.size()) {
            throw new GraphCopyException("a " + type.getName() + " of " + original.size() + " keys came back with " + copy.size()
                    + " (keys whose equality changed in the copy)");
        }
        if (type == HashMap.class || type == HashSet.class) {
            Iterator<?> o = original.iterator();
            for (Object k : copiedKeys) {
                Object originalKey = o.next();
                if (spread(k) != spread(originalKey)) return;
            }
        }
        Iterator<?> c = copy.iterator();
        for (Object k : copiedKeys) {
            if (c.next() != k) throw new GraphCopyException("a " + type.getName() + " came back in another iteration order");
        }
    }
}
