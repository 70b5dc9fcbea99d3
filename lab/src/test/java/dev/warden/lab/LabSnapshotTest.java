package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.hypervisor.core.Cell;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of a board is a fork point: each copy goes on exactly as the original would have, and
 * what one copy does never shows in another, nor in the original.
 */
class LabSnapshotTest {

    static final long MS = 1_000_000L;
    static final String INMATE_RAM = "0x8e0000000";

    /** Booted, enabled, a real inmate running on an emulated core with timer interrupts. */
    static Lab runningInmate() {
        Lab lab = JailhouseFlowTest.bootedAndLoggedIn("k3-am654-idk",
                BootRequest.defaults().overlays(List.of("k3-am654-idk-jailhouse.dtbo")));
        JailhouseFlowTest.run(lab, "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell");
        JailhouseFlowTest.run(lab, "jailhouse cell create /usr/share/jailhouse/cells/k3-am654-idk-inmate-demo.cell");
        JailhouseFlowTest.run(lab, "jailhouse cell load inmate-demo /usr/share/jailhouse/inmates/gic-demo.bin");
        JailhouseFlowTest.run(lab, "jailhouse cell start inmate-demo");
        lab.board().runFor(150 * MS);
        return lab;
    }

    /** What happens after the fork point in the reference session. */
    static void rest(Lab lab) {
        lab.board().runFor(150 * MS);
        JailhouseFlowTest.run(lab, "devmem " + INMATE_RAM);
        lab.board().runFor(10 * MS);
    }

    static Map<String, String> transcripts(Lab lab) {
        Map<String, String> t = new TreeMap<>();
        for (Console c : lab.board().consoles().values()) t.put(c.name(), c.stampedTranscript());
        return t;
    }

    private static Map<String, String> session(Consumer<Lab> afterFork) {
        try (Lab lab = runningInmate()) {
            afterFork.accept(lab);
            return transcripts(lab);
        }
    }

    @Test
    void aRestoredBoardGoesOnAsTheOriginalWouldHave() {
        Map<String, String> straight = session(LabSnapshotTest::rest);
        Map<String, String> restored;
        Map<String, String> originalAfterSnapshot;
        try (Lab lab = runningInmate()) {
            LabSnapshot snapshot = lab.snapshot();
            try (Lab copy = snapshot.restore()) {
                rest(copy);
                restored = transcripts(copy);
            }
            rest(lab);
            originalAfterSnapshot = transcripts(lab);
        }

        assertThat(restored).isEqualTo(straight);
        assertThat(originalAfterSnapshot).isEqualTo(straight);
        assertThat(straight.get("mcu_uart0")).contains("Timer fired, jitter:");
        assertThat(straight.get("main_uart0")).contains("Parking CPU 2 (Cell: \"k3-am654-idk\")");
    }

    @Test
    void twoCopiesRunDifferentlyWithoutTouchingEachOther() {
        LabSnapshot snapshot;
        Map<String, String> atFork;
        long ramWord;
        long imageWord;
        long image;
        long forkTime;
        try (Lab lab = runningInmate()) {
            snapshot = lab.snapshot();
            atFork = transcripts(lab);
            // the inmate's RAM (a core holds its pages) and the kernel Image U-Boot loaded (shared copy-on-write)
            ramWord = lab.board().bus().read(0x8e0000000L, 8);
            image = lab.uboot().handoff().orElseThrow().imageAddress();
            imageWord = lab.board().bus().read(image, 8);
            forkTime = lab.board().clock().now();
            // the original changes after the fork too
            lab.board().bus().write(0x8e0000000L, 8, 0x1111_2222_3333_4444L);
            lab.board().bus().write(image, 8, 0x1111_2222_3333_4444L);
        }
        Lab a = snapshot.restore();
        Lab b = snapshot.restore();

        // a: the root cell touches the inmate's RAM and is parked; time goes on
        a.board().bus().write(0x8e0000000L, 8, 0xdead_beef_cafe_f00dL);
        a.board().bus().write(image, 8, 0xdead_beef_cafe_f00dL);
        rest(a);
        // b: the cell is destroyed, nothing else
        JailhouseFlowTest.run(b, "jailhouse cell destroy inmate-demo");

        assertThat(imageWord).isNotZero();
        assertThat(a.board().bus().read(0x8e0000000L, 8)).isEqualTo(0xdead_beef_cafe_f00dL);
        assertThat(a.board().bus().read(image, 8)).isEqualTo(0xdead_beef_cafe_f00dL);
        assertThat(b.board().bus().read(0x8e0000000L, 8)).isEqualTo(ramWord);
        assertThat(b.board().bus().read(image, 8)).isEqualTo(imageWord);
        assertThat(a.console(ConsoleRole.PRIMARY).text()).contains("devmem " + INMATE_RAM).doesNotContain("cell destroy");
        assertThat(b.console(ConsoleRole.PRIMARY).text()).contains("cell destroy").doesNotContain("devmem " + INMATE_RAM);
        assertThat(a.console(ConsoleRole.HYPERVISOR).text()).contains("Parking CPU 2 (Cell: \"k3-am654-idk\")");
        assertThat(b.console(ConsoleRole.HYPERVISOR).text()).doesNotContain("Parking CPU 2").contains("Closing cell \"inmate-demo\"");
        assertThat(cellNames(a)).containsExactly("k3-am654-idk", "inmate-demo");
        assertThat(cellNames(b)).containsExactly("k3-am654-idk");
        assertThat(a.board().clock().now()).isGreaterThan(b.board().clock().now());

        // and the snapshot itself is still the fork point
        try (Lab c = snapshot.restore()) {
            assertThat(transcripts(c)).isEqualTo(atFork);
            assertThat(c.board().clock().now()).isEqualTo(forkTime);
            assertThat(c.board().bus().read(0x8e0000000L, 8)).isEqualTo(ramWord);
            assertThat(c.board().bus().read(image, 8)).isEqualTo(imageWord);
            assertThat(cellNames(c)).containsExactly("k3-am654-idk", "inmate-demo");
            assertThat(c.board().scheduler().nextEventTime()).isEqualTo(snapshotNextEvent(snapshot));
        }
        a.close();
        b.close();
    }

    /** Threads restore one snapshot at the same time and run on their own copies: each ends as a serial run does. */
    @Test
    void copiesRestoredAndRunInParallelEndAsTheSerialRunDoes() throws Exception {
        Map<String, String> straight = session(LabSnapshotTest::rest);
        LabSnapshot snapshot;
        try (Lab lab = runningInmate()) {
            snapshot = lab.snapshot();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Map<String, String>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    try (Lab copy = snapshot.restore()) {
                        rest(copy);
                        return transcripts(copy);
                    }
                }));
            }
            for (java.util.concurrent.Future<Map<String, String>> r : runs) assertThat(r.get()).isEqualTo(straight);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Nothing that can change is reachable from both a copy and the board it was copied from: they
     * share only values, immutable objects, decoded and compiled code and static sentinels (and RAM
     * pages copy-on-write, which the test above writes on both sides).
     */
    @Test
    void aCopySharesNothingMutableWithItsOriginal() {
        try (Lab lab = runningInmate(); Lab copy = lab.snapshot().restore()) {
            Map<Object, String> original = GraphWalk.reach(lab, "dev.warden.emulator.bus.Ram$Page.bytes");
            Map<Object, String> copied = GraphWalk.reach(copy, "dev.warden.emulator.bus.Ram$Page.bytes");
            java.util.List<String> mutableShared = new java.util.ArrayList<>();
            int shared = 0;
            for (Map.Entry<Object, String> e : copied.entrySet()) {
                if (!original.containsKey(e.getKey())) continue;
                shared++;
                if (!immutable(e.getKey())) mutableShared.add(e.getKey().getClass().getName() + " at " + e.getValue());
            }
            assertThat(mutableShared).as("mutable objects reachable from both").isEmpty();
            assertThat(copied.size()).isGreaterThan(5000);
            assertThat(shared).as("values and code shared, not copied").isPositive();
        }
    }

    /** Objects that cannot change: values, immutable collections, records and lambdas (their parts are checked on their own). */
    private static boolean immutable(Object o) {
        Class<?> c = o.getClass();
        if (c.isAnnotationPresent(dev.warden.emulator.snapshot.SharedOnFork.class)) return true;
        if (c.isRecord() || c.isHidden() || o instanceof Enum<?> || o instanceof Throwable) return true;
        if (o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof Class<?>) return true;
        if (o instanceof java.nio.file.Path || o instanceof Optional<?> || o instanceof java.time.Duration) return true;
        String n = c.getName();
        if (n.startsWith("java.util.ImmutableCollections$") || n.startsWith("java.util.Collections$Unmodifiable")
                || n.startsWith("java.util.Collections$Empty") || n.startsWith("java.util.Collections$Singleton")) return true;
        // a static final sentinel (an empty array marker, an EMPTY constant) is the same object everywhere by design
        return (c.isArray() && java.lang.reflect.Array.getLength(o) == 0) || isConstantOfItsClass(o);
    }

    private static boolean isConstantOfItsClass(Object o) {
        for (java.lang.reflect.Field f : o.getClass().getDeclaredFields()) {
            int m = f.getModifiers();
            if (!java.lang.reflect.Modifier.isStatic(m) || !java.lang.reflect.Modifier.isFinal(m)) continue;
            try {
                f.setAccessible(true);
                if (f.get(null) == o) return true;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    private static long snapshotNextEvent(LabSnapshot snapshot) {
        try (Lab probe = snapshot.restore()) {
            return probe.board().scheduler().nextEventTime();
        }
    }

    private static List<String> cellNames(Lab lab) {
        return lab.hypervisor().orElseThrow().cells().stream().map(Cell::name).toList();
    }
}
