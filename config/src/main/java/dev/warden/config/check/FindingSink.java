package dev.warden.config.check;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one rule, stamping its ID and severity. */
public final class FindingSink {
    private final List<Finding> findings = new ArrayList<>();
    private Rule current;

    void begin(Rule rule) {
        current = rule;
    }

    public void add(String message, String fix, Location... locations) {
        add(current.severity(), message, fix, locations);
    }

    public void add(Severity severity, String message, String fix, Location... locations) {
        findings.add(new Finding(current.id(), severity, message, List.of(locations), fix));
    }

    List<Finding> findings() {
        return findings;
    }
}
