package dev.warden.benchmarks.gate;

import dev.warden.benchmarks.BenchmarkPrograms;
import dev.warden.emulator.run.BareMetalMachine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QemuTimerTest {

    @Test
    void mipsLeaveTheStartUpOut() {
        assertThat(QemuTimer.mips(1_000_000_000L, 0.6, 0.1)).isEqualTo(2000.0);
        assertThatThrownBy(() -> QemuTimer.mips(1000, 0.1, 0.2)).hasMessageContaining("not slower than the start-up run");
    }

    @Test
    void theFastestRunCounts() {
        assertThat(QemuTimer.fastest(new double[] {0.3, 0.1, 0.2})).isEqualTo(0.1);
    }

    @Test
    void theInstructionCountForALoopCountIsWhatTheProgramRuns() {
        for (String program : BenchmarkPrograms.NAMES) {
            BareMetalMachine m = BenchmarkPrograms.load(program, 5, BenchmarkPrograms.INTERPRETED);
            assertThat(QemuTimer.instructions(program, 5)).as(program).isEqualTo(m.run(100_000_000).instructions());
            assertThat(QemuTimer.iterations(program)).as(program).isPositive();
        }
    }

    @Test
    void qemuIsLookedForOnlyWhereAsked() {
        assertThat(QemuTimer.find("none")).isNull();
        assertThat(QemuTimer.find("/nonexistent/qemu")).isNull();
    }
}
