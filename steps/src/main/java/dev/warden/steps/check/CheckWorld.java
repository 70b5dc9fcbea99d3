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

    void board(String name) {
        board = name;
    }

    /** A .cell of the board (or the scenario's edited copy of it). */
    Path cell(String file) {
        Path e = edited.get(file);
        if (e != null) return e;
        for (Path folder : dev.warden.steps.ScenarioWorld.project().cellFolders(board)) {
            if (Files.isRegularFile(folder.resolve(file))) return folder.resolve(file);
        }
        return dev.warden.steps.ScenarioWorld.project().builtins().cells(board).resolve(file);
    }

    /** A DTB or overlay of the board's boot media, as built. */
    Path deviceTree(String file) {
        Path boot = dev.warden.steps.ScenarioWorld.project().board(board).boot().media().resolve("dtb");
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
