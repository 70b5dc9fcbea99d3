package dev.warden.steps.fork;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's fork points: whether they are on ({@code -Dwarden.snapshots=false} turns them off), the
 * snapshot cache all scenarios of the JVM share, and what they saved, for the run's summary.
 */
public final class ForkPoints {

    /** System property: {@code false} runs every scenario from power-on. */
    public static final String PROPERTY = "warden.snapshots";
    /** System property: how many snapshots the JVM keeps (least recently used go first). */
    public static final String CAPACITY_PROPERTY = "warden.snapshots.max";

    private static final SnapshotCache<Object> CACHE = new SnapshotCache<>(Integer.getInteger(CAPACITY_PROPERTY, 96));
    private static final AtomicLong SCENARIOS_FORKED = new AtomicLong();
    private static final AtomicLong STEPS_SKIPPED = new AtomicLong();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ForkPoints() {}

    /** Read at every fork point, so that one JVM can run with and without (a test compares the two). */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
    }

    @SuppressWarnings("unchecked")
    public static <V> SnapshotCache<V> cache() {
        return (SnapshotCache<V>) (SnapshotCache<?>) CACHE;
    }

    /** A fork-point step was served by a snapshot; {@code powerOn}: it was the scenario's boot. */
    public static void served(boolean powerOn) {
        STEPS_SKIPPED.incrementAndGet();
        if (powerOn) SCENARIOS_FORKED.incrementAndGet();
    }

    /** Scenarios that started from a snapshot instead of powering on. */
    public static long scenariosForked() { return SCENARIOS_FORKED.get(); }

    /** Fork-point steps served by a snapshot. */
    public static long stepsSkipped() { return STEPS_SKIPPED.get(); }

    /** A board that cannot be copied runs on without snapshots; the reason is printed once per JVM. */
    public static void cannotSnapshot(RuntimeException e) {
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("warden: scenarios run without snapshots where a board cannot be copied: " + e.getMessage());
        }
    }
}
