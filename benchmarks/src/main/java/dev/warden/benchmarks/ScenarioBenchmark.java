package dev.warden.benchmarks;

import dev.warden.lab.Lab;
import dev.warden.lab.LabSnapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole isolation scenarios per second, in process ({@link IsolationScenario}): from power-on to
 * the parked probe, and from a snapshot of the board with the hypervisor enabled and the cell
 * created (what a scenario after the first of its feature does). Their ratio is what snapshots save.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScenarioBenchmark {

    private LabSnapshot enabled;

    @Setup(Level.Trial)
    public void snapshot() {
        try (Lab lab = IsolationScenario.booted()) {
            IsolationScenario.enabledWithCell(lab);
            enabled = lab.snapshot();
        }
    }

    @Benchmark
    public int fromPowerOn() {
        try (Lab lab = IsolationScenario.booted()) {
            IsolationScenario.enabledWithCell(lab);
            return IsolationScenario.probeIsParked(lab);
        }
    }

    @Benchmark
    public int fromSnapshot() {
        try (Lab lab = enabled.restore()) {
            return IsolationScenario.probeIsParked(lab);
        }
    }
}
