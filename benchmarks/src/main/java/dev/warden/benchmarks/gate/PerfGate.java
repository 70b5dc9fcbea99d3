package dev.warden.benchmarks.gate;

import dev.warden.benchmarks.BenchmarkPrograms;
import dev.warden.benchmarks.CalibrationBenchmark;
import dev.warden.benchmarks.CoreBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The performance gate ({@code mvn verify -Pperf}): runs the core, harness ({@link HarnessFigures})
 * and calibration benchmarks in a short JMH configuration and QEMU on the same images, derives the
 * ratios ({@link Ratios}) and compares them with the baseline ({@link GateCheck}); exits 1 when one
 * falls below its tolerance in two runs (a figure under its floor is measured once more, and
 * keeps the better of the two).
 * With {@code --record} it writes the measured ratios as the new baseline instead.
 *
 * <p>Usage: {@code PerfGate --baseline benchmarks/baseline.json [--record[=true|false]] [--qemu auto|none|PATH]}.
 * The system properties warden.translate and warden.perf.slowdown are passed on to the benchmark
 * JVMs, so that a slower core can be shown to trip the gate.
 */
public final class PerfGate {

    private static final String[] FORWARDED = {"warden.translate", "warden.perf.slowdown"};

    private PerfGate() { }

    public static void main(String[] args) throws Exception {
        Path baselinePath = null;
        boolean record = false;
        String qemuOption = "auto";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--baseline": baselinePath = Path.of(args[++i]); break;
                case "--record": case "--record=true": record = true; break;
                case "--record=false": record = false; break;
                case "--qemu": qemuOption = args[++i]; break;
                default: usage("unknown argument " + args[i]);
            }
        }
        if (baselinePath == null) usage("--baseline is required");
        Baseline baseline = Files.exists(baselinePath)
                ? Baseline.parse(Files.readString(baselinePath, StandardCharsets.UTF_8), baselinePath.toString())
                : new Baseline(Map.of());
        if (!record && baseline.figures().isEmpty()) usage(baselinePath + " is missing or empty; record one with --record");

        String qemu = QemuTimer.find(qemuOption);
        Map<String, Double> ratios = measure(qemu);
        if (record) {
            Baseline next = baseline.record(ratios, Ratios::defaultTolerance);
            Files.writeString(baselinePath, next.toJson(), StandardCharsets.UTF_8);
            System.out.println("perf gate: recorded " + ratios.size() + " figures in " + baselinePath);
            return;
        }
        List<GateCheck.Verdict> verdicts = GateCheck.check(ratios, baseline, qemu != null);
        if (!GateCheck.passed(verdicts)) {
            // A busy machine can push one figure under its floor; a slower core pushes it under twice.
            System.out.print(GateCheck.report(verdicts));
            System.out.println("perf gate: measuring once more; each figure keeps the better of the two runs");
            ratios = GateCheck.better(ratios, measure(qemu));
            verdicts = GateCheck.check(ratios, baseline, qemu != null);
        }
        System.out.print(GateCheck.report(verdicts));
        if (!GateCheck.passed(verdicts)) System.exit(1);
    }

    /** One run of every benchmark and of QEMU (when {@code qemu} is not null): the speeds printed, the ratios returned. */
    private static Map<String, Double> measure(String qemu) throws Exception {
        Map<String, Map<String, Double>> core = new TreeMap<>();
        Map<String, Double> harness = new TreeMap<>();
        double calibration = Double.NaN;
        List<RunResult> results = new ArrayList<>(new Runner(options().build()).run());
        results.addAll(new Runner(harnessOptions().build()).run());
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            String benchmark = r.getParams().getBenchmark();
            if (benchmark.startsWith(CalibrationBenchmark.class.getName())) calibration = score;
            else if (benchmark.startsWith(CoreBenchmark.class.getName())) {
                core.computeIfAbsent(r.getParams().getParam("program"), p -> new TreeMap<>()).put(r.getParams().getParam("mode"), score);
            } else {
                HarnessFigures.Measured m = HarnessFigures.measured(r);
                harness.put(m.name(), m.perSecond());
            }
        }
        Map<String, Double> qemuMips = new LinkedHashMap<>();
        if (qemu != null) {
            Path work = Files.createTempDirectory("warden-perf");
            QemuTimer timer = new QemuTimer(qemu, work);
            for (String program : BenchmarkPrograms.NAMES) qemuMips.put(program, timer.measure(program));
        }

        System.out.println();
        System.out.println("perf gate: speeds (MIPS; calibration in steps/us)");
        for (Map.Entry<String, Map<String, Double>> e : core.entrySet()) {
            Double q = qemuMips.get(e.getKey());
            System.out.printf(Locale.ROOT, "  %-10s interpreted %8.1f   translated %8.1f   qemu %s%n", e.getKey(),
                    e.getValue().getOrDefault("interpreted", Double.NaN), e.getValue().getOrDefault("translated", Double.NaN),
                    q == null ? "-" : String.format(Locale.ROOT, "%.1f", q));
        }
        System.out.printf(Locale.ROOT, "  calibration %.1f%n", calibration);
        System.out.println("perf gate: harness speeds (per second)");
        harness.forEach((name, perSecond) -> System.out.printf(Locale.ROOT, "  %-40s %,14.1f%n", name, perSecond));
        Map<String, Double> ratios = Ratios.of(core, calibration, qemuMips);
        ratios.putAll(HarnessFigures.ratios(harness, calibration));
        return ratios;
    }

    /** The short configuration: one fork per benchmark, two 1 s warm-ups, three 1 s measurements. */
    static ChainedOptionsBuilder options() {
        return base()
                .include("^" + CoreBenchmark.class.getName().replace(".", "\\.") + "\\.")
                .include("^" + CalibrationBenchmark.class.getName().replace(".", "\\.") + "\\.")
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1));
    }

    /** One fork per benchmark, with the system properties a slower core is shown with. */
    private static ChainedOptionsBuilder base() {
        List<String> jvmArgs = new ArrayList<>();
        for (String p : FORWARDED) {
            String v = System.getProperty(p);
            if (v != null && !v.isEmpty()) jvmArgs.add("-D" + p + "=" + v);
        }
        return new OptionsBuilder().forks(1).jvmArgsAppend(jvmArgs.toArray(new String[0]));
    }

    /**
     * The harness benchmarks ({@link HarnessFigures}): longer warm-ups and measurements than the
     * core's, because their operations are whole boards and scenarios (milliseconds to seconds, with
     * the JIT compiling guest code translated during them) and vary more on a shared machine.
     */
    static ChainedOptionsBuilder harnessOptions() {
        return base().include(HarnessFigures.BENCHMARKS)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(2));
    }

    private static void usage(String problem) {
        System.err.println("perf gate: " + problem);
        System.err.println("usage: PerfGate --baseline FILE [--record] [--qemu auto|none|PATH]");
        System.exit(2);
    }
}
