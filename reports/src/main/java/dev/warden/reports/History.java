package dev.warden.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Allure's history (trend, retries, flaky marks) carried from one report to the next. Allure reads
 * the previous run's {@code history/*.json} from the results; the single-file report keeps them
 * inside index.html, so after each report they are also written to a folder of their own
 * ({@code reports/target/allure-history}) that a CI job keeps between runs (docs/nightly.md).
 */
public final class History {

    private History() {}

    /**
     * Puts the previous history into the results, once per build: the history folder's, else the one
     * inside the previous report. A second report of the same build (cli republishes) finds it there
     * already and must not add this build to the trend twice.
     *
     * @return how many runs the trend holds before this one
     */
    public static int restore(Path historyDir, Path previousReport, Path results) throws IOException {
        Path target = results.resolve("history");
        if (!Files.isDirectory(target)) {
            Files.createDirectories(target);
            if (Files.isDirectory(historyDir) && Files.exists(historyDir.resolve("history-trend.json"))) {
                try (Stream<Path> files = Files.list(historyDir)) {
                    for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
                        Files.copy(f, target.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } else if (Files.isRegularFile(previousReport)) {
                write(SingleFileReport.entries(Files.readString(previousReport), "history/"), target);
            }
        }
        Path trend = target.resolve("history-trend.json");
        if (!Files.exists(trend)) return 0;
        try {
            return Json.parse(Files.readString(trend)) instanceof java.util.List<?> l ? l.size() : 0;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** Writes the history of the report just generated to the history folder. */
    public static void save(Path report, Path historyDir) throws IOException {
        if (!Files.isRegularFile(report)) return;
        Map<String, byte[]> entries = SingleFileReport.entries(Files.readString(report), "history/");
        if (entries.isEmpty()) return;
        Files.createDirectories(historyDir);
        write(entries, historyDir);
    }

    private static void write(Map<String, byte[]> entries, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            Files.write(dir.resolve(name), e.getValue());
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
