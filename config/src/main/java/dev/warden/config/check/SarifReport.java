package dev.warden.config.check;

import java.util.List;

/** SARIF 2.1.0: one run, the rule catalogue in tool.driver.rules, one result per finding. */
final class SarifReport {
    private SarifReport() {
    }

    static String render(CheckReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n")
                .append("  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"warden check\", ")
                .append("\"informationUri\": \"https://github.com/siemens/jailhouse\", \"rules\": [");
        List<Rule> rules = ConfigChecker.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("      {\"id\": ").append(Json.str(rule.id()))
                    .append(", \"shortDescription\": {\"text\": ").append(Json.str(rule.title()))
                    .append("}, \"defaultConfiguration\": {\"level\": ").append(Json.str(level(rule.severity())))
                    .append("}}");
        }
        sb.append("\n    ]}},\n    \"artifacts\": [");
        for (int i = 0; i < r.files().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("{\"location\": {\"uri\": ").append(Json.str(r.files().get(i).file()))
                    .append("}}");
        }
        sb.append("],\n    \"results\": [");
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("      {\"ruleId\": ").append(Json.str(f.ruleId()))
                    .append(", \"ruleIndex\": ").append(ruleIndex(rules, f.ruleId()))
                    .append(", \"level\": ").append(Json.str(level(f.severity())))
                    .append(", \"message\": {\"text\": ").append(Json.str(f.message() + " Fix: " + f.fix()))
                    .append("}, \"locations\": [");
            for (int k = 0; k < f.locations().size(); k++) {
                Location l = f.locations().get(k);
                sb.append(k == 0 ? "" : ", ").append("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
                        .append(Json.str(fileOf(r, l.cell()))).append("}}, \"logicalLocations\": [{\"name\": ")
                        .append(Json.str(l.element())).append(", \"fullyQualifiedName\": ")
                        .append(Json.str(l.toString())).append("}]}");
            }
            sb.append("]}");
        }
        sb.append(r.findings().isEmpty() ? "]" : "\n    ]").append("\n  }]\n}\n");
        return sb.toString();
    }

    private static int ruleIndex(List<Rule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The file of the cell a location names; system-wide items belong to the system configuration. */
    private static String fileOf(CheckReport r, String cell) {
        return r.files().stream().filter(f -> f.cellName().equals(cell)).map(CheckReport.CheckedFile::file)
                .findFirst().orElse(r.files().get(0).file());
    }

    private static String level(Severity s) {
        switch (s) {
            case ERROR: return "error";
            case WARNING: return "warning";
            default: return "note";
        }
    }
}
