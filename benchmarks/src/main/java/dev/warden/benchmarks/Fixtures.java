package dev.warden.benchmarks;

import dev.warden.lab.BuiltinBoards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Warden's own fixtures, where the harness benchmarks read them (the checkout, or the jars). */
final class Fixtures {

    static final String BOARD = "k3-am654-idk";

    private Fixtures() {}

    static byte[] read(String relative) {
        try {
            return Files.readAllBytes(BuiltinBoards.get().fixtures().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The repository's {@code features/} folder: {@code -Dwarden.features=DIR}, else the first
     * {@code features/} with an {@code isolation/} folder from the working folder up.
     */
    static Path features() {
        String given = System.getProperty("warden.features");
        if (given != null && !given.isBlank()) return Path.of(given);
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("features").resolve("isolation"))) return d.resolve("features");
        }
        throw new IllegalStateException("no features/isolation above " + Path.of("").toAbsolutePath() + "; give -Dwarden.features=DIR");
    }
}
