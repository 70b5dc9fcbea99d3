package dev.warden.benchmarks;

import dev.warden.emulator.run.BareMetalMachine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Guest instructions per microsecond (= MIPS) of the core on the benchmark programs, interpreted
 * (translation off) and translated (translation as the system property {@code warden.translate}
 * says: on unless it is false, so that switching it off shows in the figures). Each
 * invocation runs one million instructions of the program. The programs' loop counts are raised so
 * that no program reaches its end during a run: the score is the loop body's steady state, not the
 * cost of reloading a machine (and of the JIT recompiling the interpreter for the exit path) every
 * few hundred million instructions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreBenchmark {

    static final int SLICE = 1_000_000;
    /** Iterations no benchmark run gets through (about 10^12 instructions). */
    static final long ENDLESS = 1L << 40;

    @Param({"int-loop", "crc-loop", "copy-loop", "mmio-loop"})
    public String program;

    /** "interpreted" or "translated". */
    @Param({"interpreted", "translated"})
    public String mode;

    private BareMetalMachine machine;

    @Setup
    public void load() {
        machine = BenchmarkPrograms.load(program, ENDLESS, mode);
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public long instructions() {
        BareMetalMachine.RunResult result = machine.run(SLICE);
        if (result.stop() != BareMetalMachine.Stop.INSTRUCTION_LIMIT) machine = BenchmarkPrograms.load(program, ENDLESS, mode);
        return result.instructions();
    }
}
