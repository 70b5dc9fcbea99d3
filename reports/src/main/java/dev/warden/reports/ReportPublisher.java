package dev.warden.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the Allure results of one {@code mvn verify} (unit tests and scenarios) into the
 * single-file HTML report. It adds the categories and the environment to the results, then runs
 * the Allure 2 command line that Maven unpacked (plain Java: no network, no Node.js).
 *
 * <p>Around Allure it carries the history over from the previous report ({@link History}), names
 * the executor, and writes the conformance matrix ({@link dev.warden.reports.matrix.ConformanceMatrix}):
 * into the report as a result of its own, whose page links every cell to its scenario, and beside
 * the report as {@code conformance-matrix.html} and {@code .json}.
 *
 * <p>Usage: {@code ReportPublisher --results DIR --report DIR --allure-home DIR [--features DIR]
 * [--history DIR] [--boards DIR] [--env key=value]...}
 */
public final class ReportPublisher {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private final Path results;
    private final Path report;
    private final Path allureHome;
    private final Map<String, String> environment;
    private Path features;
    private Path history;

    public ReportPublisher(Path results, Path report, Path allureHome, Map<String, String> environment) {
        this.results = results;
        this.report = report;
        this.allureHome = allureHome;
        this.environment = new TreeMap<>(environment);
        this.history = report.resolveSibling("allure-history");
    }

    /** The features folder, whose {@code conformance/} scenarios make the matrix. */
    public ReportPublisher features(Path folder) {
        this.features = folder;
        return this;
    }

    /** Where the history is kept between runs (default: {@code allure-history} beside the report). */
    public ReportPublisher history(Path folder) {
        this.history = folder;
        return this;
    }

    public static void main(String[] args) throws Exception {
        Path results = null;
        Path report = null;
        Path home = null;
        Path features = null;
        Path history = null;
        Map<String, String> env = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--results" -> { results = Path.of(value); i++; }
                case "--report" -> { report = Path.of(value); i++; }
                case "--allure-home" -> { home = Path.of(value); i++; }
                case "--features" -> { features = Path.of(value); i++; }
                case "--history" -> { history = Path.of(value); i++; }
                case "--boards" -> { env.put("Boards", Boards.list(Path.of(value))); i++; }
                case "--env" -> {
                    int eq = value == null ? -1 : value.indexOf('=');
                    if (eq <= 0) throw new IllegalArgumentException("--env expects key=value, got: " + value);
                    env.put(value.substring(0, eq), value.substring(eq + 1));
                    i++;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        if (results == null || report == null || home == null) {
            System.err.println("usage: ReportPublisher --results DIR --report DIR --allure-home DIR [--env key=value]...");
            System.exit(2);
        }
        ReportPublisher publisher = new ReportPublisher(results, report, home, env);
        if (features != null) publisher.features(features);
        if (history != null) publisher.history(history);
        int rc = publisher.publish();
        System.exit(rc);
    }

    /** Writes the report; returns the Allure command line's exit code. */
    public int publish() throws IOException, InterruptedException {
        Files.createDirectories(results);
        Path index = report.resolve("index.html");
        int previousRuns = History.restore(history, index, results);
        writeCategories();
        writeEnvironment();
        Files.writeString(results.resolve("executor.json"), Executor.json(System.getenv(), previousRuns + 1, "Warden"));
        Map<String, Integer> counts = countStatuses(results);
        Optional<MatrixPublisher> matrix = features == null ? Optional.empty()
                : MatrixPublisher.prepare(features, results, report.getParent());
        int rc = runAllure();
        if (Files.exists(index)) {
            if (matrix.isPresent()) matrix.get().link(index);
            History.save(index, history);
        }
        System.out.println("[warden] Allure results: " + summary(counts));
        System.out.println("[warden] Report: " + index.toAbsolutePath().normalize()
                + (Files.exists(index) ? "" : " (NOT WRITTEN, allure exit code " + rc + ")"));
        matrix.ifPresent(m -> System.out.println("[warden] Conformance matrix: " + m.summary() + " -> "
                + m.htmlFile().toAbsolutePath().normalize()));
        return rc;
    }

    void writeCategories() throws IOException {
        try (InputStream in = ReportPublisher.class.getResourceAsStream("categories.json")) {
            if (in == null) throw new IllegalStateException("categories.json missing from the reports jar");
            Files.write(results.resolve("categories.json"), in.readAllBytes());
        }
    }

    void writeEnvironment() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            sb.append(escapeKey(e.getKey())).append(" = ").append(e.getValue()).append('\n');
        }
        sb.append("Java = ").append(System.getProperty("java.version")).append('\n');
        Files.writeString(results.resolve("environment.properties"), sb.toString(), StandardCharsets.ISO_8859_1);
    }

    private static String escapeKey(String key) {
        return key.replace(" ", "\\ ").replace(":", "\\:").replace("=", "\\=");
    }

    /** Counts the status of every test result (unit tests and scenarios alike). */
    public static Map<String, Integer> countStatuses(Path results) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        if (!Files.isDirectory(results)) return counts;
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith("-result.json"))::iterator) {
                counts.merge(status(Files.readString(f)), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The test's own status: Allure writes it before the test's steps, and leaves it out when it has
     * none (the Cucumber plugin does so for an undefined step), so a status found among the steps is
     * a step's, not the test's.
     */
    static String status(String resultJson) {
        int steps = resultJson.indexOf("\"steps\"");
        Matcher m = STATUS.matcher(steps < 0 ? resultJson : resultJson.substring(0, steps));
        return m.find() ? m.group(1) : "unknown";
    }

    static String summary(Map<String, Integer> counts) {
        if (counts.isEmpty()) return "no results";
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " " + status));
        return String.join(", ", parts);
    }

    private int runAllure() throws IOException, InterruptedException {
        Path lib = allureHome.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Allure command line not found under " + allureHome
                    + " (expected lib/); Maven unpacks it from io.qameta.allure:allure-commandline");
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = lib + "/*" + java.io.File.pathSeparator + lib.resolve("config");
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", classpath, "io.qameta.allure.CommandLine",
                "generate", "--single-file", "--clean", results.toString(), "-o", report.toString());
        pb.environment().put("APP_HOME", allureHome.toString());
        pb.inheritIO();
        return pb.start().waitFor();
    }
}
