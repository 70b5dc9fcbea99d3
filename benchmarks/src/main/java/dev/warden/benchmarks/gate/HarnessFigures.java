package dev.warden.benchmarks.gate;

import dev.warden.benchmarks.CellDecodeBenchmark;
import dev.warden.benchmarks.OverlayBenchmark;
import dev.warden.benchmarks.ScenarioBenchmark;
import dev.warden.benchmarks.Stage2Benchmark;
import dev.warden.benchmarks.SuiteBenchmark;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The gate's figures of the harness around the core: stage-2 lookups, overlay application, .cell
 * decoding, a whole isolation scenario (from power-on and from a snapshot) and the isolation suite
 * (with and without snapshots). Each speed is divided by the calibration loop's, measured in the
 * same run (operations per 10^9 calibration steps), and two ratios need no yardstick at all: a
 * scenario from a snapshot over one from power-on, the suite with snapshots over without.
 */
public final class HarnessFigures {

    /** JMH's include pattern for the harness benchmarks. */
    static final String BENCHMARKS = "^dev\\.warden\\.benchmarks\\.(Stage2|Overlay|CellDecode|Scenario|Suite)Benchmark\\.";

    static final String STAGE2 = "stage-2 lookups";
    static final String OVERLAY = "overlay k3-am654-idk-jailhouse";
    static final String CELL = "cell decode k3-am654-idk";
    static final String FROM_POWER_ON = "isolation scenario from power-on";
    static final String FROM_SNAPSHOT = "isolation scenario from snapshot";
    static final String SUITE = "isolation suite scenarios";
    static final String SUITE_BOOTING = "isolation suite scenarios without snapshots";

    private HarnessFigures() { }

    /** A benchmark's speed under the gate's name for it. */
    record Measured(String name, double perSecond) { }

    static Measured measured(RunResult r) {
        String benchmark = r.getParams().getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
        if (type.equals(SuiteBenchmark.class.getName())) {
            Result<?> scenarios = r.getSecondaryResults().get("scenarios");
            String name = "true".equals(r.getParams().getParam("snapshots")) ? SUITE : SUITE_BOOTING;
            return new Measured(name, perSecond(scenarios.getScore(), scenarios.getScoreUnit()));
        }
        String name;
        if (type.equals(Stage2Benchmark.class.getName())) name = STAGE2;
        else if (type.equals(OverlayBenchmark.class.getName())) name = OVERLAY;
        else if (type.equals(CellDecodeBenchmark.class.getName())) name = CELL;
        else if (type.equals(ScenarioBenchmark.class.getName())) name = method.equals("fromSnapshot") ? FROM_SNAPSHOT : FROM_POWER_ON;
        else throw new IllegalArgumentException("not a harness benchmark: " + benchmark);
        return new Measured(name, perSecond(r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreUnit()));
    }

    /** A JMH throughput score ("ops/us", "ops/ms", "ops/s", "ops/min") per second. */
    static double perSecond(double score, String unit) {
        String per = unit.substring(unit.indexOf('/') + 1);
        return switch (per) {
            case "ns" -> score * 1e9;
            case "us" -> score * 1e6;
            case "ms" -> score * 1e3;
            case "s" -> score;
            case "min" -> score / 60;
            default -> throw new IllegalArgumentException("not a throughput unit: " + unit);
        };
    }

    /**
     * The gated figures: each speed per 10^9 steps of the calibration loop (whose score is in steps
     * per microsecond), and the two same-run speed-ups of snapshots.
     */
    static Map<String, Double> ratios(Map<String, Double> perSecond, double calibration) {
        Map<String, Double> ratios = new TreeMap<>();
        double stepsPerSecond = calibration * 1e6;
        perSecond.forEach((name, speed) -> ratios.put(name + "/calibration", speed / stepsPerSecond * 1e9));
        Double powerOn = perSecond.get(FROM_POWER_ON);
        Double snapshot = perSecond.get(FROM_SNAPSHOT);
        if (powerOn != null && snapshot != null) ratios.put("isolation scenario snapshot/power-on", snapshot / powerOn);
        Double suite = perSecond.get(SUITE);
        Double booting = perSecond.get(SUITE_BOOTING);
        if (suite != null && booting != null) ratios.put("isolation suite snapshots/booting", suite / booting);
        return ratios;
    }
}
