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
 * Guest instructions per microsecond (= MIPS) of the interpreter on the benchmark programs. Each
 * invocation runs one million instructions of the program; a program that reaches its end is
 * loaded again, so the loop bodies dominate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreBenchmark {

    static final int SLICE = 1_000_000;

    @Param({"int-loop", "crc-loop", "copy-loop"})
    public String program;

    private BareMetalMachine machine;

    @Setup
    public void load() {
        machine = BenchmarkPrograms.load(program);
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public long instructions() {
        BareMetalMachine.RunResult result = machine.run(SLICE);
        if (result.stop() != BareMetalMachine.Stop.INSTRUCTION_LIMIT) machine = BenchmarkPrograms.load(program);
        return result.instructions();
    }
}
