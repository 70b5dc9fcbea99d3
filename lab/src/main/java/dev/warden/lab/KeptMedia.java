package dev.warden.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Private SD-card copies that snapshots of a board still need (every copy of the board reads the
 * same folder): deleted when the JVM exits instead of when the first board using them closes.
 */
final class KeptMedia {

    private static final Set<Path> KEPT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(KeptMedia::deleteAll, "warden-kept-media"));
    }

    private KeptMedia() {}

    static void keepUntilExit(Path folder) {
        KEPT.add(folder);
    }

    private static void deleteAll() {
        for (Path folder : KEPT) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind at exit is harmless
            }
        }
    }
}
