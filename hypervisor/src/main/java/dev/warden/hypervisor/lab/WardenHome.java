package dev.warden.hypervisor.lab;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Warden checkout: board-profiles/ and firmware-fixtures/ live at its top. */
public final class WardenHome {

    private WardenHome() {}

    /** The {@code warden.root} system property (set by the build), else the nearest folder up with board-profiles/. */
    public static Path root() {
        String prop = System.getProperty("warden.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "board-profiles"))) return Path.of(prop).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("board-profiles"))) return p;
        }
        throw new IllegalStateException("cannot find the Warden checkout (a folder with board-profiles/) above " + dir
                + "; set -Dwarden.root=PATH");
    }

    public static Path profiles() {
        return root().resolve("board-profiles");
    }
}
