package dev.warden.hardening.fuzz;

/**
 * How long one target fuzzes in the long run ({@code mvn verify -Pfuzz}, one JVM per target). The
 * short run inside {@code mvn verify} replays the committed corpus and the regression inputs
 * instead (Jazzer's regression mode), so it takes seconds. The fuzz profile can shorten or
 * lengthen a run with {@code -Dwarden.fuzz.time=...}, handed to libFuzzer as {@code -max_total_time}.
 */
final class FuzzBudget {
    static final String LONG = "10m";

    private FuzzBudget() {
    }
}
