package dev.warden.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the report's extras need of one Allure test result: where the scenario is (its full name,
 * {@code features/...feature:LINE} for scenarios), its name, status and tags.
 */
public record ResultFile(String fullName, String name, String status, List<String> tags, String message) {

    public static List<ResultFile> readAll(Path results) throws IOException {
        List<ResultFile> all = new ArrayList<>();
        if (!Files.isDirectory(results)) return all;
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith("-result.json")).sorted()::iterator) {
                try {
                    all.add(of(Json.object(Files.readString(f))));
                } catch (IllegalArgumentException e) {
                    // a result file cut short (a killed JVM) is Allure's to skip, and ours
                }
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static ResultFile of(Map<String, Object> r) {
        List<String> tags = new ArrayList<>();
        Object labels = r.get("labels");
        if (labels instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> label = (Map<String, Object>) o;
                if ("tag".equals(label.get("name"))) tags.add(String.valueOf(label.get("value")));
            }
        }
        String message = "";
        if (r.get("statusDetails") instanceof Map<?, ?> d && d.get("message") != null) message = String.valueOf(d.get("message"));
        return new ResultFile(String.valueOf(r.getOrDefault("fullName", "")), String.valueOf(r.getOrDefault("name", "")),
                r.get("status") == null ? "unknown" : String.valueOf(r.get("status")), tags, message);
    }
}
