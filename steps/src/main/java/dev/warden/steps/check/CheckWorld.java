package dev.warden.steps.check;

import dev.warden.config.check.CheckRun;
import dev.warden.config.CellConfigs;
import dev.warden.config.JailhouseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-scenario state of the checker steps: the board whose files are meant, configurations the
 * scenario edited (written to a scratch directory, so the check reads real files) and the outcome.
 */
public final class CheckWorld {
    private String board = "k3-am654-idk";
    private final Map<String, Path> edited = new HashMap<>();
    private Path scratch;
    private CheckRun.Outcome outcome;

    static Path repoRoot() {
        String prop = System.getProperty("warden.root");
        Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("firmware-fixtures"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find firmware-fixtures/ above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    void board(String name) {
        board = name;
    }

    /** A .cell of the board (or the scenario's edited copy of it). */
    Path cell(String file) {
        Path e = edited.get(file);
        return e != null ? e : repoRoot().resolve("firmware-fixtures").resolve(board).resolve("cells").resolve(file);
    }

    /** A DTB or overlay of the board's boot media, as built. */
    Path deviceTree(String file) {
        Path boot = repoRoot().resolve("firmware-fixtures").resolve(board).resolve("boot").resolve("dtb");
        Path ti = boot.resolve("ti").resolve(file);
        return Files.exists(ti) ? ti : boot.resolve(file);
    }

    JailhouseConfig read(String file) {
        return CellConfigs.read(cell(file));
    }

    /** Stores an edited configuration under the name the scenario uses for it. */
    void edit(String file, JailhouseConfig config) {
        write(file, CellConfigs.encode(config));
    }

    void write(String file, byte[] bytes) {
        try {
            if (scratch == null) {
                scratch = Files.createTempDirectory("warden-check");
            }
            Path p = scratch.resolve(file);
            Files.write(p, bytes);
            edited.put(file, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void outcome(CheckRun.Outcome o) {
        outcome = o;
    }

    CheckRun.Outcome outcome() {
        if (outcome == null) {
            throw new IllegalStateException("no check has run yet: use a step like 'When I check \"X.cell\"'");
        }
        return outcome;
    }
}
