package dev.warden.benchmarks.gate;

import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recorded figures the gate compares with (benchmarks/baseline.json): for each ratio its
 * value and how far below it a run may fall, as a fraction (0.3: down to 70 % of the value).
 */
public final class Baseline {

    /** One recorded ratio. */
    public record Figure(double value, double tolerance) {
        public Figure {
            if (!(value > 0)) throw new IllegalArgumentException("a baseline value must be positive, got " + value);
            if (!(tolerance >= 0 && tolerance < 1)) throw new IllegalArgumentException("a tolerance must be in [0, 1), got " + tolerance);
        }

        /** The lowest measurement that still passes. */
        public double floor() { return value * (1 - tolerance); }
    }

    private final Map<String, Figure> figures;

    public Baseline(Map<String, Figure> figures) {
        this.figures = new TreeMap<>(figures);
    }

    public Map<String, Figure> figures() { return figures; }

    /** Reads the JSON form: {"figures": {"NAME": {"value": V, "tolerance": T}, ...}}. */
    public static Baseline parse(String json, String source) {
        Object root;
        try {
            root = new Yaml().load(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("figures") instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException(source + ": expected an object with \"figures\"");
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> f) || !(f.get("value") instanceof Number v) || !(f.get("tolerance") instanceof Number t)) {
                throw new IllegalArgumentException(source + ": figure \"" + name + "\" needs a numeric \"value\" and \"tolerance\"");
            }
            try {
                figures.put(name, new Figure(v.doubleValue(), t.doubleValue()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(source + ": figure \"" + name + "\": " + bad.getMessage(), bad);
            }
        }
        return new Baseline(figures);
    }

    /** The JSON form, one figure a line, sorted by name. */
    public String toJson() {
        StringBuilder s = new StringBuilder("{\n  \"figures\": {\n");
        int i = 0;
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            s.append(String.format(Locale.ROOT, "    \"%s\": {\"value\": %.3f, \"tolerance\": %.2f}%s%n",
                    e.getKey(), e.getValue().value(), e.getValue().tolerance(), ++i < figures.size() ? "," : ""));
        }
        return s.append("  }\n}\n").toString();
    }

    /**
     * A new baseline with the measured values; tolerances are kept where a figure is already
     * recorded, and new figures get {@code defaultTolerance} of their name.
     */
    public Baseline record(Map<String, Double> measured, java.util.function.ToDoubleFunction<String> defaultTolerance) {
        Map<String, Figure> next = new TreeMap<>();
        for (Map.Entry<String, Double> m : measured.entrySet()) {
            Figure old = figures.get(m.getKey());
            next.put(m.getKey(), new Figure(m.getValue(), old != null ? old.tolerance() : defaultTolerance.applyAsDouble(m.getKey())));
        }
        return new Baseline(next);
    }
}
