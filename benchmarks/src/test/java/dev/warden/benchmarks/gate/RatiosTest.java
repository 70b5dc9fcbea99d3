package dev.warden.benchmarks.gate;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RatiosTest {

    @Test
    void eachProgramGivesItsModeRatiosAndItsRatiosToCalibrationAndQemu() {
        Map<String, Double> r = Ratios.of(
                Map.of("int-loop", Map.of("interpreted", 400.0, "translated", 3200.0),
                       "mmio-loop", Map.of("interpreted", 150.0, "translated", 150.0)),
                200.0, Map.of("int-loop", 1600.0));
        assertThat(r).containsOnly(
                Map.entry("int-loop translated/interpreted", 8.0),
                Map.entry("int-loop interpreted/calibration", 2.0),
                Map.entry("int-loop translated/calibration", 16.0),
                Map.entry("int-loop translated/qemu", 2.0),
                Map.entry("mmio-loop translated/interpreted", 1.0),
                Map.entry("mmio-loop interpreted/calibration", 0.75),
                Map.entry("mmio-loop translated/calibration", 0.75));
    }

    @Test
    void crossProcessRatiosGetTheWidestDefaultTolerance() {
        assertThat(Ratios.defaultTolerance("int-loop translated/qemu")).isEqualTo(0.5);
        assertThat(Ratios.defaultTolerance("mmio-loop interpreted/calibration")).isEqualTo(0.5);
        assertThat(Ratios.defaultTolerance("int-loop translated/interpreted")).isEqualTo(0.4);
        assertThat(Ratios.defaultTolerance("int-loop translated/calibration")).isEqualTo(0.45);
    }
}
