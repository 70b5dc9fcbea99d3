package dev.warden.steps;

import dev.warden.lab.ProjectFile;
import dev.warden.lab.ProjectFileKind;
import dev.warden.lab.WardenProject;
import java.nio.file.Path;

/**
 * The files of the user's project that steps name by a relative path ({@code "cells/my-board.cell"}),
 * brought to the board as a user brings them to real hardware: configurations and inmates are copied
 * onto the root file system under {@code /home/root/} and the {@code jailhouse} command is given that
 * path; device trees go onto the SD card (see {@link BoardSteps}). A name without a folder stays a
 * built-in name; one that starts with '/' is a path on the board.
 */
public final class ProjectFiles {

    /** Where the project's files land on the board's root file system, under their project path. */
    static final String ON_BOARD = "/home/root/";

    private final ScenarioWorld world;

    public ProjectFiles(ScenarioWorld world) {
        this.world = world;
    }

    static boolean isProjectPath(String name) {
        return WardenProject.isProjectPath(name);
    }

    /** Reads and checks a project file; the error names {@code step} and the file. */
    ProjectFile read(String step, String relative, ProjectFileKind... kinds) {
        return ScenarioWorld.project().file(step, relative, kinds);
    }

    /**
     * A file name as a fork point's key needs it: a project file with the digest of its content (the
     * board gets a copy of it), a built-in name or board path as it is (the boot inputs cover those).
     */
    String named(String name) {
        if (name.startsWith("/") || !isProjectPath(name)) return name;
        try {
            return name + " " + dev.warden.lab.BootInputs.sha256(read("", name).content());
        } catch (RuntimeException e) {
            return name + " unreadable " + e.getMessage(); // the step reports it; no snapshot is stored after a failure
        }
    }

    Path folder(String step, String relative) {
        return ScenarioWorld.project().folder(step, relative);
    }

    /**
     * The path on the board of a configuration or inmate the step names: a project file is checked
     * and copied onto the root file system; a built-in name is looked up in {@code builtinFolder}.
     */
    String onBoard(String step, String name, String builtinFolder, ProjectFileKind... kinds) {
        if (name.startsWith("/")) return name;
        if (!isProjectPath(name)) return builtinFolder + name;
        ProjectFile file = read(step, name, kinds);
        String target = ON_BOARD + file.relative();
        world.putOnRootFs(target, file.content());
        return target;
    }
}
