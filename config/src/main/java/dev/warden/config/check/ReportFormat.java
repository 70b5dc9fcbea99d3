package dev.warden.config.check;

import java.util.List;
import java.util.Locale;

/** The output formats of {@code warden check}. */
public enum ReportFormat {
    TEXT, JSON, SARIF;

    public String render(CheckReport report) {
        switch (this) {
            case JSON: return jsonReport(report);
            case SARIF: return SarifReport.render(report);
            default: return TextReport.render(report);
        }
    }

    public static ReportFormat parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    private static String jsonReport(CheckReport r) {
        StringBuilder sb = new StringBuilder("{\n  \"files\": [");
        for (int i = 0; i < r.files().size(); i++) {
            CheckReport.CheckedFile f = r.files().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"cell\": ").append(Json.str(f.cellName()))
                    .append(", \"file\": ").append(Json.str(f.file())).append(", \"root\": ").append(f.root())
                    .append('}');
        }
        sb.append("\n  ],\n  \"findings\": [");
        List<Finding> findings = r.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"rule\": ").append(Json.str(f.ruleId()))
                    .append(", \"severity\": ").append(Json.str(f.severity().label()))
                    .append(", \"message\": ").append(Json.str(f.message()))
                    .append(", \"fix\": ").append(Json.str(f.fix())).append(", \"locations\": [");
            for (int k = 0; k < f.locations().size(); k++) {
                Location l = f.locations().get(k);
                sb.append(k == 0 ? "" : ", ").append("{\"cell\": ").append(Json.str(l.cell()))
                        .append(", \"element\": ").append(Json.str(l.element()))
                        .append(", \"address\": ").append(Json.str("0x" + Long.toHexString(l.address())))
                        .append(", \"size\": ").append(Json.str("0x" + Long.toHexString(l.size()))).append('}');
            }
            sb.append("]}");
        }
        sb.append(findings.isEmpty() ? "]" : "\n  ]").append(",\n  \"errors\": ")
                .append(r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count())
                .append(",\n  \"exitCode\": ").append(r.exitCode()).append("\n}\n");
        return sb.toString();
    }
}
