package dev.warden.benchmarks;

import dev.warden.config.CellConfigs;
import dev.warden.config.MemoryRegion;
import dev.warden.config.SystemConfig;
import dev.warden.hypervisor.paging.Stage2Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stage-2 translations per microsecond: the AM654 root cell's map (its memory regions, as the
 * hypervisor maps them on enable) looked up at addresses spread over RAM, devices and holes, the
 * walk every trapped access and every cache miss of a core in a cell pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Stage2Benchmark {

    static final int LOOKUPS = 4096;

    private Stage2Map map;
    private final long[] addresses = new long[LOOKUPS];

    @Setup
    public void build() {
        SystemConfig system = (SystemConfig) CellConfigs.decode(Fixtures.read(Fixtures.BOARD + "/cells/" + Fixtures.BOARD + ".cell"),
                Fixtures.BOARD + ".cell");
        map = new Stage2Map();
        for (MemoryRegion r : system.rootCell().memoryRegions()) {
            if (r.size() > 0) map.map(r.virt(), r.phys(), r.size(), r.flags());
        }
        // every region's first, middle and last page, and the page after it (often a hole), round robin
        long x = 1;
        int i = 0;
        var regions = system.rootCell().memoryRegions();
        while (i < LOOKUPS) {
            for (MemoryRegion r : regions) {
                if (i >= LOOKUPS) break;
                x = x * 6364136223846793005L + 1442695040888963407L;
                long offset = switch ((int) (x >>> 62)) {
                    case 0 -> 0;
                    case 1 -> r.size() / 2;
                    case 2 -> r.size() - Stage2Map.PAGE;
                    default -> r.size();
                };
                addresses[i++] = (r.virt() + offset) & ~(Stage2Map.PAGE - 1);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(LOOKUPS)
    public long lookups() {
        long sum = 0;
        for (long a : addresses) {
            var m = map.lookup(a);
            if (m.isPresent()) sum += m.get().translate(a);
        }
        return sum;
    }
}
