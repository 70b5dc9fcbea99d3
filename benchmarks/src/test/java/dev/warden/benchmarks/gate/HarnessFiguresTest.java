package dev.warden.benchmarks.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HarnessFiguresTest {

    @Test
    void speedsArePerBillionCalibrationStepsAndSnapshotsGiveTwoSpeedUps() {
        Map<String, Double> r = HarnessFigures.ratios(Map.of(
                HarnessFigures.FROM_POWER_ON, 5.0, HarnessFigures.FROM_SNAPSHOT, 20.0,
                HarnessFigures.SUITE, 30.0, HarnessFigures.SUITE_BOOTING, 10.0,
                HarnessFigures.STAGE2, 2e7), 200.0);
        assertThat(r.get("isolation scenario from power-on/calibration")).isCloseTo(25.0, within(1e-9));
        assertThat(r.get("stage-2 lookups/calibration")).isCloseTo(1e8, within(1e-3));
        assertThat(r.get("isolation scenario snapshot/power-on")).isCloseTo(4.0, within(1e-9));
        assertThat(r.get("isolation suite snapshots/booting")).isCloseTo(3.0, within(1e-9));
        assertThat(r).hasSize(7);
    }

    @Test
    void aSpeedUpNeedsBothItsRuns() {
        assertThat(HarnessFigures.ratios(Map.of(HarnessFigures.FROM_SNAPSHOT, 20.0), 200.0))
                .containsOnlyKeys("isolation scenario from snapshot/calibration");
    }

    @Test
    void throughputUnitsBecomePerSecond() {
        assertThat(HarnessFigures.perSecond(2, "ops/us")).isEqualTo(2e6);
        assertThat(HarnessFigures.perSecond(2, "ops/ms")).isEqualTo(2e3);
        assertThat(HarnessFigures.perSecond(2, "ops/s")).isEqualTo(2);
        assertThatThrownBy(() -> HarnessFigures.perSecond(2, "ms/op")).hasMessageContaining("not a throughput unit");
    }

    @Test
    void theIncludePatternSelectsTheHarnessBenchmarksOnly() {
        Pattern p = Pattern.compile(HarnessFigures.BENCHMARKS);
        assertThat(p.matcher("dev.warden.benchmarks.SuiteBenchmark.isolationSuite").find()).isTrue();
        assertThat(p.matcher("dev.warden.benchmarks.Stage2Benchmark.lookups").find()).isTrue();
        assertThat(p.matcher("dev.warden.benchmarks.CoreBenchmark.instructions").find()).isFalse();
        assertThat(Ratios.defaultTolerance("isolation suite snapshots/booting")).isEqualTo(0.5);
    }
}
