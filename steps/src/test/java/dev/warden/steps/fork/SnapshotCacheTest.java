package dev.warden.steps.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scenarios in parallel share snapshots: the first runs the steps, the others wait and restore. */
class SnapshotCacheTest {

    @Test
    void theFirstCallerClaimsAndTheOthersGetWhatItStored() {
        SnapshotCache<String> cache = new SnapshotCache<>(4);
        SnapshotCache.Lookup<String> first = cache.lookup("k");
        assertThat(first).isInstanceOf(SnapshotCache.Claim.class);
        ((SnapshotCache.Claim<String>) first).fulfil("board");

        assertThat(cache.lookup("k")).isEqualTo(new SnapshotCache.Hit<>("board"));
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.taken()).isEqualTo(1);
    }

    @Test
    void aCallerWaitsForTheScenarioRunningTheSameStepsAndRunsThemItselfWhenThoseFailed() throws Exception {
        SnapshotCache<String> cache = new SnapshotCache<>(4);
        SnapshotCache.Claim<String> running = (SnapshotCache.Claim<String>) cache.lookup("k");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch asked = new CountDownLatch(1);
            Future<SnapshotCache.Lookup<String>> waiter = pool.submit(() -> {
                asked.countDown();
                return cache.lookup("k");
            });
            asked.await();
            Thread.sleep(50); // the waiter is blocked on the claim (it cannot have returned: nothing is stored)
            assertThat(waiter.isDone()).isFalse();
            running.abandon(); // the first scenario's steps failed: nothing to restore
            SnapshotCache.Lookup<String> second = waiter.get(10, TimeUnit.SECONDS);
            assertThat(second).isInstanceOf(SnapshotCache.Claim.class);

            Future<SnapshotCache.Lookup<String>> third = pool.submit(() -> cache.lookup("k"));
            ((SnapshotCache.Claim<String>) second).fulfil("board");
            assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(new SnapshotCache.Hit<>("board"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLeastRecentlyUsedSnapshotGoesFirst() {
        SnapshotCache<String> cache = new SnapshotCache<>(2);
        for (String k : new String[] {"a", "b"}) ((SnapshotCache.Claim<String>) cache.lookup(k)).fulfil(k);
        assertThat(cache.lookup("a")).isInstanceOf(SnapshotCache.Hit.class);
        ((SnapshotCache.Claim<String>) cache.lookup("c")).fulfil("c");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.lookup("a")).isInstanceOf(SnapshotCache.Hit.class);
        assertThat(cache.lookup("b")).isInstanceOf(SnapshotCache.Claim.class);
    }
}
