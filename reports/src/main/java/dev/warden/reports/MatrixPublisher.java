package dev.warden.reports;

import dev.warden.reports.matrix.ConformanceMatrix;
import dev.warden.reports.matrix.ConformanceSuite;
import dev.warden.reports.matrix.MatrixWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The conformance matrix in and beside the report. Before Allure runs, the matrix goes into the
 * results as a test result of its own ("Conformance matrix"), failed when a cell failed, with the
 * matrix as its description and as an HTML attachment; its links are placeholders, because Allure
 * numbers the scenarios' pages only while it generates. After, {@link #link} puts the page ids in
 * and writes {@code conformance-matrix.html} and {@code .json} beside the report.
 */
final class MatrixPublisher {

    static final String MARKER = "@@warden-scenario:";
    private static final String END = "@@";

    private final ConformanceMatrix matrix;
    private final Path outDir;

    private MatrixPublisher(ConformanceMatrix matrix, Path outDir) {
        this.matrix = matrix;
        this.outDir = outDir;
    }

    /** Empty when the features have no conformance suite. */
    static Optional<MatrixPublisher> prepare(Path features, Path results, Path outDir) throws IOException {
        var behaviours = ConformanceSuite.read(features.resolve("conformance"), features);
        if (behaviours.isEmpty()) return Optional.empty();
        ConformanceMatrix m = ConformanceMatrix.of(behaviours, ResultFile.readAll(results));
        MatrixPublisher p = new MatrixPublisher(m, outDir);
        if (m.anyRan()) p.writeResult(results);
        p.writeFiles(Map.of()); // also when Allure fails, the matrix is there
        return Optional.of(p);
    }

    String summary() {
        return matrix.summary();
    }

    Path htmlFile() {
        return outDir.resolve("conformance-matrix.html");
    }

    private void writeResult(Path results) throws IOException {
        String html = MatrixWriter.html(matrix, loc -> Optional.of(MARKER + loc + END), false);
        String attachment = UUID.randomUUID() + "-attachment.html";
        Files.writeString(results.resolve(attachment), html);
        long now = 0; // no wall-clock time in results that must compare equal across runs
        boolean failed = matrix.counts().get(ConformanceMatrix.Verdict.FAIL) > 0;
        String uuid = UUID.randomUUID().toString();
        String json = "{\"uuid\": " + Json.quote(uuid) + ", \"historyId\": \"warden-conformance-matrix\""
                + ", \"fullName\": \"warden:conformance-matrix\", \"name\": \"Conformance matrix: behaviour x board x release\""
                + ", \"status\": " + Json.quote(failed ? "failed" : "passed")
                + ", \"statusDetails\": {\"message\": " + Json.quote(matrix.summary()) + "}"
                + ", \"stage\": \"finished\", \"descriptionHtml\": " + Json.quote(html)
                + ", \"labels\": [{\"name\": \"parentSuite\", \"value\": \"Conformance\"}, {\"name\": \"suite\", \"value\": \"matrix\"},"
                + " {\"name\": \"feature\", \"value\": \"Conformance matrix\"}, {\"name\": \"tag\", \"value\": \"conformance\"}]"
                + ", \"attachments\": [{\"name\": \"conformance matrix (HTML)\", \"source\": " + Json.quote(attachment)
                + ", \"type\": \"text/html\"}], \"start\": " + now + ", \"stop\": " + now + "}\n";
        Files.writeString(results.resolve(uuid + "-result.json"), json);
    }

    /** Puts the scenarios' page ids into the report's matrix and writes the files beside the report. */
    void link(Path index) throws IOException {
        String html = Files.readString(index, StandardCharsets.UTF_8);
        Map<String, String> uids = SingleFileReport.uidsByFullName(html);
        String patched = SingleFileReport.patch(html, MARKER, text -> replaceMarkers(text, uids));
        Files.writeString(index, patched, StandardCharsets.UTF_8);
        writeFiles(uids);
    }

    private void writeFiles(Map<String, String> uids) throws IOException {
        Files.createDirectories(outDir);
        String reportDir = "allure-report/index.html";
        Files.writeString(htmlFile(), MatrixWriter.html(matrix,
                loc -> Optional.ofNullable(uids.get(loc)).map(uid -> reportDir + "#testresult/" + uid), true));
        Files.writeString(outDir.resolve("conformance-matrix.json"), MatrixWriter.json(matrix,
                loc -> Optional.ofNullable(uids.get(loc)).map(uid -> reportDir + "#testresult/" + uid)));
    }

    /** Each marker becomes the scenario's page in the report; a scenario without a page keeps no link. */
    static String replaceMarkers(String text, Map<String, String> uids) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int m = text.indexOf(MARKER, at);
            if (m < 0) break;
            int end = text.indexOf(END, m + MARKER.length());
            if (end < 0) break;
            String loc = text.substring(m + MARKER.length(), end);
            out.append(text, at, m);
            String uid = uids.get(loc);
            out.append(uid == null ? "#" : "#testresult/" + uid);
            at = end + END.length();
        }
        return out.append(text.substring(at)).toString();
    }
}
