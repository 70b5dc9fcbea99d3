package dev.warden.steps.run;

import java.nio.charset.StandardCharsets;

/**
 * One slice K of N of the scenarios ({@code -Dwarden.shard=K/N}), so that a CI matrix splits the
 * suite across machines. A scenario belongs to the slice its location hashes to: the feature's
 * path and the line of the scenario (of the example row, for an outline). That depends on nothing
 * but the scenario itself, so every machine computes the same split whatever order, tags or
 * other shards it sees, and the N slices together are exactly the whole suite.
 */
public record Shard(int index, int count) {

    /** The system property that selects a slice. */
    public static final String PROPERTY = "warden.shard";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("warden.shard: expected K/N with 1 <= K <= N, got " + index + "/" + count);
        }
    }

    /** {@code "2/4"}; blank means the whole suite (1/1). */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) return new Shard(1, 1);
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("warden.shard: expected K/N (for example 2/4), got '" + text + "'");
    }

    /** The slice of {@link #PROPERTY}, or the whole suite. */
    public static Shard fromSystemProperties() {
        return parse(System.getProperty(PROPERTY));
    }

    public boolean isWhole() {
        return count == 1;
    }

    /** Whether the scenario at {@code path:line} runs in this slice. */
    public boolean contains(String path, int line) {
        return isWhole() || Long.remainderUnsigned(hash(path + ":" + line), count) == index - 1;
    }

    /** FNV-1a, 64 bits: fixed by its definition, unlike String.hashCode's contract, and well spread. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
