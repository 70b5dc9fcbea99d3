package dev.warden.benchmarks.gate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.warden.benchmarks.gate.GateCheck.Status.FAIL;
import static dev.warden.benchmarks.gate.GateCheck.Status.NEW;
import static dev.warden.benchmarks.gate.GateCheck.Status.PASS;
import static dev.warden.benchmarks.gate.GateCheck.Status.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

class GateCheckTest {

    private static final Baseline BASELINE = new Baseline(Map.of(
            "int-loop translated/interpreted", new Baseline.Figure(8.0, 0.25),
            "int-loop translated/qemu", new Baseline.Figure(1.2, 0.5)));

    private static GateCheck.Status status(List<GateCheck.Verdict> verdicts, String name) {
        return verdicts.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().status();
    }

    @Test
    void figuresAtOrAboveTheirFloorPassAndBelowItFail() {
        List<GateCheck.Verdict> atFloor = GateCheck.check(Map.of("int-loop translated/interpreted", 6.0, "int-loop translated/qemu", 0.6), BASELINE, true);
        assertThat(atFloor).extracting(GateCheck.Verdict::status).containsOnly(PASS);
        assertThat(GateCheck.passed(atFloor)).isTrue();

        List<GateCheck.Verdict> below = GateCheck.check(Map.of("int-loop translated/interpreted", 5.99, "int-loop translated/qemu", 3.0), BASELINE, true);
        assertThat(status(below, "int-loop translated/interpreted")).isEqualTo(FAIL);
        assertThat(status(below, "int-loop translated/qemu")).as("faster is fine").isEqualTo(PASS);
        assertThat(GateCheck.passed(below)).isFalse();
    }

    @Test
    void aQemuRatioIsSkippedOnlyWhenQemuIsMissing() {
        Map<String, Double> noQemu = Map.of("int-loop translated/interpreted", 8.0);
        assertThat(status(GateCheck.check(noQemu, BASELINE, false), "int-loop translated/qemu")).isEqualTo(SKIPPED);
        assertThat(GateCheck.passed(GateCheck.check(noQemu, BASELINE, false))).isTrue();
        assertThat(status(GateCheck.check(noQemu, BASELINE, true), "int-loop translated/qemu")).isEqualTo(FAIL);
    }

    @Test
    void aCoreFigureThatWasNotMeasuredFails() {
        List<GateCheck.Verdict> v = GateCheck.check(Map.of("int-loop translated/qemu", 1.2), BASELINE, true);
        assertThat(status(v, "int-loop translated/interpreted")).isEqualTo(FAIL);
    }

    @Test
    void figuresWithoutABaselineAreReportedAsNewWithoutFailing() {
        List<GateCheck.Verdict> v = GateCheck.check(Map.of("int-loop translated/interpreted", 8.0, "int-loop translated/qemu", 1.0,
                "crc-loop translated/interpreted", 3.0), BASELINE, true);
        assertThat(status(v, "crc-loop translated/interpreted")).isEqualTo(NEW);
        assertThat(GateCheck.passed(v)).isTrue();
    }

    @Test
    void theReportListsEveryFigureAndEndsWithTheVerdict() {
        String report = GateCheck.report(GateCheck.check(Map.of("int-loop translated/interpreted", 2.0, "int-loop translated/qemu", 1.0), BASELINE, true));
        assertThat(report).contains("FAIL    int-loop translated/interpreted", "2.000", "8.000 -25% = 6.000", "25% of the baseline");
        assertThat(report).endsWith("perf gate: FAILED, 1 figure(s) below the baseline's tolerance (2 figures)\n");
        assertThat(GateCheck.report(GateCheck.check(Map.of("int-loop translated/interpreted", 8.0, "int-loop translated/qemu", 1.0), BASELINE, true)))
                .endsWith("perf gate: PASSED (2 figures)\n");
    }

    @Test
    void aSecondRunKeepsTheBetterValueOfEachFigure() {
        Map<String, Double> first = Map.of("int-loop translated/interpreted", 5.0, "int-loop translated/qemu", 1.0);
        Map<String, Double> second = Map.of("int-loop translated/interpreted", 7.0, "int-loop translated/qemu", Double.NaN,
                "crc-loop translated/interpreted", 3.0);

        Map<String, Double> better = GateCheck.better(first, second);

        assertThat(better).containsEntry("int-loop translated/interpreted", 7.0).containsEntry("int-loop translated/qemu", 1.0)
                .containsEntry("crc-loop translated/interpreted", 3.0).hasSize(3);
        // a figure under its floor twice still fails
        assertThat(GateCheck.passed(GateCheck.check(GateCheck.better(Map.of("int-loop translated/interpreted", 5.0, "int-loop translated/qemu", 1.0),
                Map.of("int-loop translated/interpreted", 5.5, "int-loop translated/qemu", 1.0)), BASELINE, true))).isFalse();
    }
}
