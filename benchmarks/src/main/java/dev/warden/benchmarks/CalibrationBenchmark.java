package dev.warden.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Plain Java work of the kind an emulator does (table loads, stores, arithmetic, a data-dependent
 * branch), millions of steps per second: the yardstick of this machine and JVM. The performance
 * gate divides the core's MIPS by this score, so that a figure recorded on one machine can be
 * checked on another.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CalibrationBenchmark {

    static final int STEPS = 1_000_000;

    private final long[] table = new long[4096];
    private long state = 1;

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long steps() {
        return run(table, state, STEPS);
    }

    /** {@code steps} rounds of a linear congruential generator mixing into a 32 KiB table. */
    static long run(long[] table, long seed, int steps) {
        long x = seed;
        long sum = 0;
        for (int i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            int slot = (int) (x >>> 52);
            long v = table[slot] + x;
            table[slot] = v;
            if ((v & 8) != 0) sum += v >>> 7;
            else sum ^= v;
        }
        return sum;
    }
}
