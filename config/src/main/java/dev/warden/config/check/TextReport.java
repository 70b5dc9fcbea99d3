package dev.warden.config.check;

/** Human-readable report: one block per finding, then a summary line. */
final class TextReport {
    private TextReport() {
    }

    static String render(CheckReport r) {
        StringBuilder sb = new StringBuilder("Checking configuration set:\n");
        for (CheckReport.CheckedFile f : r.files()) {
            sb.append(f.root() ? "  Root cell:     " : "  Non-root cell: ").append(f.cellName()).append(" (")
                    .append(f.file()).append(")\n");
        }
        for (Finding f : r.findings()) {
            sb.append('\n').append(f.severity().label()).append(" [").append(f.ruleId()).append("] ")
                    .append(f.message()).append('\n');
            for (Location l : f.locations()) {
                sb.append("  at ").append(l).append('\n');
            }
            sb.append("  fix: ").append(f.fix()).append('\n');
        }
        long errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = r.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = r.findings().size() - errors - warnings;
        sb.append('\n').append(r.findings().isEmpty() ? "No findings." : errors + " error(s), " + warnings
                + " warning(s), " + infos + " note(s).").append('\n');
        return sb.toString();
    }
}
