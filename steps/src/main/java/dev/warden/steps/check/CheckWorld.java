package dev.warden.steps.check;

import dev.warden.config.check.CheckRun;
import dev.warden.config.CellConfigs;
import dev.warden.config.JailhouseConfig;
import dev.warden.lab.ProjectFileKind;
import dev.warden.lab.WardenProject;
import dev.warden.steps.ScenarioWorld;
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

    /**
     * A .cell of the board (or the scenario's edited copy of it), or of the project when the step
     * gives a path in it ({@code "cells/my-board.cell"}); {@code step} is quoted in errors.
     */
    Path cell(String step, String file) {
        Path e = edited.get(file);
        if (e != null) return e;
        if (WardenProject.isProjectPath(file)) {
            return ScenarioWorld.project().file(step, file, ProjectFileKind.ROOT_CELL_CONFIG, ProjectFileKind.CELL_CONFIG).path();
        }
        for (Path folder : ScenarioWorld.project().cellFolders(board)) {
            if (Files.isRegularFile(folder.resolve(file))) return folder.resolve(file);
        }
        return ScenarioWorld.project().builtins().cells(board).resolve(file);
    }

    /** A DTB or overlay of the board's boot media, as built, or of the project when the step gives a path. */
    Path deviceTree(String step, String file) {
        if (WardenProject.isProjectPath(file)) {
            return ScenarioWorld.project().file(step, file, ProjectFileKind.DEVICE_TREE).path();
        }
        Path boot = ScenarioWorld.project().board(board).boot().media().resolve("dtb");
        Path ti = boot.resolve("ti").resolve(file);
        return Files.exists(ti) ? ti : boot.resolve(file);
    }

    JailhouseConfig read(String step, String file) {
        return CellConfigs.read(cell(step, file));
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
            Files.createDirectories(p.getParent());  // a project path such as cells/x.cell keeps its folder
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
