package dev.warden.benchmarks;

import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.overlay.Overlays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Overlay applications per millisecond: the AM654 IDK's Jailhouse overlay on its base board tree,
 * as {@code fdtoverlay} does it (copy into a buffer, libfdt's apply, pack), what U-Boot does on
 * every boot of a board that lists an overlay.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OverlayBenchmark {

    private FdtBlob base;
    private FdtBlob overlay;

    @Setup
    public void load() {
        String dir = Fixtures.BOARD + "/boot/dtb/ti/";
        base = FdtBlob.loadChecked(Fixtures.read(dir + "k3-am654-base-board.dtb"), "k3-am654-base-board.dtb");
        overlay = FdtBlob.loadChecked(Fixtures.read(dir + "k3-am654-idk-jailhouse.dtbo"), "k3-am654-idk-jailhouse.dtbo");
    }

    @Benchmark
    public byte[] apply() {
        return Overlays.fdtoverlay(base, List.of(overlay));
    }
}
