package dev.warden.steps.fork;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The snapshots of one JVM's scenarios, by the key of the steps that led to them ({@link ForkTrail}).
 * Scenarios running in parallel share it: a snapshot is never changed once stored (each scenario
 * restores its own copy), and while one scenario runs steps another already started on, the
 * second waits for the first's snapshot instead of running them again. The least recently used
 * snapshots go when there are more than the capacity; losing one costs time, never correctness.
 */
public final class SnapshotCache<V> {

    private final int capacity;
    private final LinkedHashMap<String, V> stored;
    private final Map<String, CompletableFuture<V>> running = new HashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();

    public SnapshotCache(int capacity) {
        this.capacity = capacity;
        this.stored = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > SnapshotCache.this.capacity;
            }
        };
    }

    /** What a lookup found: a snapshot to restore, or the duty to run the steps and {@link Claim#fulfil} it. */
    public sealed interface Lookup<V> permits Hit, Claim {}

    public record Hit<V>(V snapshot) implements Lookup<V> {}

    /** This caller runs the steps; it must call {@link #fulfil} or {@link #abandon} once. */
    public static final class Claim<V> implements Lookup<V> {
        private final SnapshotCache<V> cache;
        private final String key;
        private final CompletableFuture<V> future;

        private Claim(SnapshotCache<V> cache, String key, CompletableFuture<V> future) {
            this.cache = cache;
            this.key = key;
            this.future = future;
        }

        public void fulfil(V snapshot) {
            synchronized (cache) {
                cache.running.remove(key);
                cache.stored.put(key, snapshot);
            }
            cache.taken.incrementAndGet();
            future.complete(snapshot);
        }

        /** The steps failed or could not be snapshotted: whoever waits runs them itself. */
        public void abandon() {
            synchronized (cache) {
                cache.running.remove(key);
            }
            future.complete(null);
        }
    }

    public Lookup<V> lookup(String key) {
        while (true) {
            CompletableFuture<V> other;
            synchronized (this) {
                V v = stored.get(key);
                if (v != null) {
                    hits.incrementAndGet();
                    return new Hit<>(v);
                }
                other = running.get(key);
                if (other == null) {
                    CompletableFuture<V> mine = new CompletableFuture<>();
                    running.put(key, mine);
                    return new Claim<>(this, key, mine);
                }
            }
            V v = other.join();
            if (v != null) {
                hits.incrementAndGet();
                return new Hit<>(v);
            }
        }
    }

    /** Lookups served by a stored snapshot. */
    public long hits() { return hits.get(); }

    /** Snapshots stored. */
    public long taken() { return taken.get(); }

    public synchronized int size() { return stored.size(); }

    /** Forgets every snapshot (tests that compare runs with and without snapshots start from nothing). */
    public synchronized void clear() {
        stored.clear();
    }
}
