package dev.warden.reports.matrix;

import dev.warden.reports.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The conformance matrix as HTML (a table a person reads, every cell a link to its scenario in the
 * report) and as JSON (for tools and dashboards). {@code link} turns a scenario's location into the
 * href of its page in the report, when the report has it.
 */
public final class MatrixWriter {

    private MatrixWriter() {}

    public static String html(ConformanceMatrix m, Function<String, Optional<String>> link, boolean standalone) {
        StringBuilder s = new StringBuilder();
        if (standalone) {
            s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Warden conformance matrix</title></head><body>\n");
        }
        s.append("<div class=\"warden-matrix\" style=\"font-family:sans-serif;font-size:13px\">\n");
        s.append("<style>.warden-matrix table{border-collapse:collapse}.warden-matrix td,.warden-matrix th{border:1px solid #ccc;"
                + "padding:3px 7px;text-align:center}.warden-matrix td.b{text-align:left;max-width:520px}"
                + ".warden-matrix .pass{background:#b7e4c7}.warden-matrix .fail{background:#f5a5a5;font-weight:bold}"
                + ".warden-matrix .not-run{background:#eee;color:#666}.warden-matrix .wip{background:#ffe8a3}"
                + ".warden-matrix .n-a{background:#fff;color:#aaa}.warden-matrix .id{display:inline-block;background:#34495e;"
                + "color:#fff;border-radius:3px;padding:0 4px;margin-right:3px;font-size:11px}</style>\n");
        s.append("<h3>Conformance matrix: behaviour × board × release</h3>\n<p>").append(esc(m.summary()))
                .append(". Each cell links to the scenario that decided it.</p>\n");
        s.append("<table>\n<tr><th rowspan=\"2\">behaviour (failure catalogue)</th>");
        String board = null;
        int span = 0;
        StringBuilder boards = new StringBuilder();
        for (ConformanceMatrix.Column c : m.columns()) {
            if (!c.board().equals(board)) {
                if (board != null) boards.append("<th colspan=\"").append(span).append("\">").append(esc(board)).append("</th>");
                board = c.board();
                span = 0;
            }
            span++;
        }
        if (board != null) boards.append("<th colspan=\"").append(span).append("\">").append(esc(board)).append("</th>");
        s.append(boards).append("</tr>\n<tr>");
        for (ConformanceMatrix.Column c : m.columns()) s.append("<th>").append(esc(c.release())).append("</th>");
        s.append("</tr>\n");
        for (ConformanceMatrix.Row r : m.rows()) {
            s.append("<tr><td class=\"b\">");
            for (String id : r.behaviour().catalogueIds()) s.append("<span class=\"id\">").append(id).append("</span>");
            s.append(esc(r.behaviour().name()));
            if (r.behaviour().wip() && !r.behaviour().description().isEmpty()) {
                s.append("<br><small>missing: ").append(esc(r.behaviour().description())).append("</small>");
            }
            s.append("</td>");
            for (ConformanceMatrix.Cell c : r.cells()) {
                String cls = c.verdict().text().replace(' ', '-').replace("/", "-");
                s.append("<td class=\"").append(cls).append("\">");
                Optional<String> href = c.scenario().flatMap(link);
                String title = c.scenario().orElse("");
                if (href.isPresent()) {
                    s.append("<a href=\"").append(esc(href.get())).append("\" target=\"_top\" title=\"").append(esc(title)).append("\">")
                            .append(c.verdict().text()).append("</a>");
                } else {
                    s.append("<span title=\"").append(esc(title)).append("\">").append(c.verdict().text()).append("</span>");
                }
                s.append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</table>\n</div>\n");
        if (standalone) s.append("</body></html>\n");
        return s.toString();
    }

    public static String json(ConformanceMatrix m, Function<String, Optional<String>> link) {
        StringBuilder s = new StringBuilder("{\n  \"summary\": ").append(Json.quote(m.summary())).append(",\n  \"counts\": {");
        Map<ConformanceMatrix.Verdict, Integer> n = m.counts();
        boolean first = true;
        for (var e : n.entrySet()) {
            s.append(first ? "" : ", ").append(Json.quote(e.getKey().text())).append(": ").append(e.getValue());
            first = false;
        }
        s.append("},\n  \"columns\": [");
        for (int i = 0; i < m.columns().size(); i++) {
            ConformanceMatrix.Column c = m.columns().get(i);
            s.append(i == 0 ? "" : ", ").append("{\"board\": ").append(Json.quote(c.board())).append(", \"release\": ")
                    .append(Json.quote(c.release())).append("}");
        }
        s.append("],\n  \"behaviours\": [\n");
        for (int i = 0; i < m.rows().size(); i++) {
            ConformanceMatrix.Row r = m.rows().get(i);
            s.append("    {\"behaviour\": ").append(Json.quote(r.behaviour().name()))
                    .append(", \"scenario\": ").append(Json.quote(r.behaviour().location()))
                    .append(", \"catalogue\": ").append(list(r.behaviour().catalogueIds()))
                    .append(", \"wip\": ").append(r.behaviour().wip());
            if (r.behaviour().wip()) s.append(", \"missing\": ").append(Json.quote(r.behaviour().description()));
            s.append(", \"cells\": [");
            for (int j = 0; j < r.cells().size(); j++) {
                ConformanceMatrix.Cell c = r.cells().get(j);
                ConformanceMatrix.Column col = m.columns().get(j);
                s.append(j == 0 ? "" : ", ").append("{\"board\": ").append(Json.quote(col.board()))
                        .append(", \"release\": ").append(Json.quote(col.release()))
                        .append(", \"verdict\": ").append(Json.quote(c.verdict().text()));
                if (c.scenario().isPresent()) s.append(", \"scenario\": ").append(Json.quote(c.scenario().get()));
                Optional<String> href = c.scenario().flatMap(link);
                if (href.isPresent()) s.append(", \"link\": ").append(Json.quote(href.get()));
                s.append("}");
            }
            s.append("]}").append(i + 1 < m.rows().size() ? ",\n" : "\n");
        }
        return s.append("  ]\n}\n").toString();
    }

    private static String list(List<String> l) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) s.append(i == 0 ? "" : ", ").append(Json.quote(l.get(i)));
        return s.append("]").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
