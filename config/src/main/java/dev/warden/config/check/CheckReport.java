package dev.warden.config.check;

import java.util.List;

/** The result of checking one configuration set, findings in rule order. */
public record CheckReport(List<CheckedFile> files, List<Finding> findings) {
    /** A configuration that took part: its cell name, the file as given, and whether it is the root. */
    public record CheckedFile(String cellName, String file, boolean root) {
    }

    public CheckReport {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** 0 without error findings, 1 with (2, unusable input, is decided before a report exists). */
    public int exitCode() {
        return hasErrors() ? 1 : 0;
    }

    public List<Finding> byRule(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
