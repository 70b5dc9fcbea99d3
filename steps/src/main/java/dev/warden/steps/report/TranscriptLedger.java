package dev.warden.steps.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For {@code -Dwarden.repeat=2}: the transcripts of every scenario's first run, kept in the JVM,
 * and the first difference of the second run from them. A scenario's transcripts are a function of
 * the scenario alone (virtual time, no shared state), so any difference is a determinism bug.
 */
public final class TranscriptLedger {

    private static final Map<String, Map<String, String>> FIRST_RUNS = new ConcurrentHashMap<>();

    private TranscriptLedger() {}

    /**
     * Records the transcripts of the scenario at {@code location}, or, when it ran before, compares
     * them: empty when equal, else the first difference in words.
     */
    public static Optional<String> record(String location, Map<String, String> transcripts) {
        Map<String, String> mine = new LinkedHashMap<>(transcripts);
        Map<String, String> first = FIRST_RUNS.putIfAbsent(location, mine);
        return first == null ? Optional.empty() : firstDifference(first, mine);
    }

    /** The first console (in the first run's order) whose transcript differs, with the first differing line. */
    public static Optional<String> firstDifference(Map<String, String> first, Map<String, String> second) {
        for (Map.Entry<String, String> e : first.entrySet()) {
            String other = second.get(e.getKey());
            if (other == null) return Optional.of(e.getKey() + ": present in run 1, missing in run 2");
            if (other.equals(e.getValue())) continue;
            String[] a = e.getValue().split("\n", -1);
            String[] b = other.split("\n", -1);
            for (int i = 0; i < Math.max(a.length, b.length); i++) {
                String x = i < a.length ? a[i] : "<end>";
                String y = i < b.length ? b[i] : "<end>";
                if (!x.equals(y)) {
                    return Optional.of(String.format("%s line %d: run 1 \"%s\", run 2 \"%s\"", e.getKey(), i + 1, x, y));
                }
            }
        }
        for (String k : second.keySet()) {
            if (!first.containsKey(k)) return Optional.of(k + ": missing in run 1, present in run 2");
        }
        return Optional.empty();
    }
}
