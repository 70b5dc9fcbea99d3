package dev.warden.benchmarks.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Compares measured ratios with the baseline: every one must stay above its floor. */
public final class GateCheck {

    public enum Status { PASS, FAIL, SKIPPED, NEW }

    /** One line of the verdict. {@code measured} is NaN when nothing was measured. */
    public record Verdict(String name, Baseline.Figure baseline, double measured, Status status, String note) {
        String line() {
            String base = baseline == null ? "-" : String.format(Locale.ROOT, "%.3f -%2.0f%% = %.3f", baseline.value(), 100 * baseline.tolerance(), baseline.floor());
            String got = Double.isNaN(measured) ? "-" : String.format(Locale.ROOT, "%.3f", measured);
            return String.format(Locale.ROOT, "%-7s %-42s %10s   baseline %-24s %s", status, name, got, base, note);
        }
    }

    private GateCheck() { }

    /**
     * A verdict per figure of the baseline and per measured figure. A figure below its floor fails;
     * one the run did not measure fails too, unless it is a QEMU ratio and QEMU is not installed
     * ({@code qemuMeasured} false): then it is skipped. Measured figures without a baseline are new.
     */
    public static List<Verdict> check(Map<String, Double> measured, Baseline baseline, boolean qemuMeasured) {
        List<Verdict> verdicts = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(baseline.figures().keySet());
        names.addAll(measured.keySet());
        for (String name : names) {
            Baseline.Figure figure = baseline.figures().get(name);
            Double value = measured.get(name);
            if (figure == null) {
                verdicts.add(new Verdict(name, null, value, Status.NEW, "not in the baseline; record it"));
            } else if (value == null || value.isNaN()) {
                boolean qemu = name.endsWith("/qemu");
                verdicts.add(qemu && !qemuMeasured
                        ? new Verdict(name, figure, Double.NaN, Status.SKIPPED, "qemu-system-aarch64 not available")
                        : new Verdict(name, figure, Double.NaN, Status.FAIL, "not measured"));
            } else if (value < figure.floor()) {
                verdicts.add(new Verdict(name, figure, value, Status.FAIL,
                        String.format(Locale.ROOT, "%.0f%% of the baseline", 100 * value / figure.value())));
            } else {
                verdicts.add(new Verdict(name, figure, value, Status.PASS,
                        String.format(Locale.ROOT, "%.0f%% of the baseline", 100 * value / figure.value())));
            }
        }
        return verdicts;
    }

    /** Per figure, the higher of two runs' values (a figure only one run measured keeps that one). */
    public static Map<String, Double> better(Map<String, Double> first, Map<String, Double> second) {
        Map<String, Double> out = new java.util.TreeMap<>(first);
        second.forEach((name, value) -> out.merge(name, value, (a, b) -> a.isNaN() ? b : b.isNaN() ? a : Math.max(a, b)));
        return out;
    }

    public static boolean passed(List<Verdict> verdicts) {
        return verdicts.stream().noneMatch(v -> v.status() == Status.FAIL);
    }

    /** The verdicts as a table, then one summary line. */
    public static String report(List<Verdict> verdicts) {
        StringBuilder s = new StringBuilder();
        for (Verdict v : verdicts) s.append(v.line()).append('\n');
        long failed = verdicts.stream().filter(v -> v.status() == Status.FAIL).count();
        s.append(failed == 0 ? "perf gate: PASSED" : "perf gate: FAILED, " + failed + " figure(s) below the baseline's tolerance")
                .append(" (").append(verdicts.size()).append(" figures)\n");
        return s.toString();
    }
}
