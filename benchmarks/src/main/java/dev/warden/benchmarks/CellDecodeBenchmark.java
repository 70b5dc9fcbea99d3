package dev.warden.benchmarks;

import dev.warden.config.CellConfigs;
import dev.warden.config.JailhouseConfig;
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

/** Binary {@code .cell} decodes per millisecond: the AM654 root cell and its inmate cell, every field checked. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CellDecodeBenchmark {

    private byte[] system;
    private byte[] inmate;

    @Setup
    public void load() {
        system = Fixtures.read(Fixtures.BOARD + "/cells/" + Fixtures.BOARD + ".cell");
        inmate = Fixtures.read(Fixtures.BOARD + "/cells/" + Fixtures.BOARD + "-inmate-demo.cell");
    }

    /** One root cell and one inmate cell: two decodes per operation. */
    @Benchmark
    public JailhouseConfig[] decode() {
        return new JailhouseConfig[] {CellConfigs.decode(system, "system.cell"), CellConfigs.decode(inmate, "inmate.cell")};
    }
}
