package dev.warden.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The boards of the run for the environment panel: the profiles in {@code board-profiles/}. */
final class Boards {

    private Boards() {}

    static String list(Path profiles) throws IOException {
        if (!Files.isDirectory(profiles)) return "(none)";
        try (Stream<Path> files = Files.list(profiles)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().collect(Collectors.joining(", "));
        }
    }
}
