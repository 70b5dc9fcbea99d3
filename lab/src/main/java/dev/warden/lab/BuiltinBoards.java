package dev.warden.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Warden's own boards (profiles, boot media, cells, inmates, the root file system's firmware and
 * scripts), laid out as in Warden's repository: {@code board-profiles/} and
 * {@code firmware-fixtures/}. They travel inside the jar as resources under {@code warden/}; Warden's
 * own build points {@code warden.root} at the checkout instead, so an edited fixture is seen at once.
 */
public final class BuiltinBoards {

    static final String RESOURCE_ROOT = "/warden/board-profiles";

    private static volatile BuiltinBoards shared;

    private final Path root;

    private BuiltinBoards(Path root) {
        this.root = root;
    }

    /** The checkout named by {@code -Dwarden.root}, else the resources on the class path. */
    public static BuiltinBoards get() {
        BuiltinBoards b = shared;
        if (b == null) {
            synchronized (BuiltinBoards.class) {
                if (shared == null) shared = locate();
                b = shared;
            }
        }
        return b;
    }

    private static BuiltinBoards locate() {
        String prop = System.getProperty("warden.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "board-profiles"))) {
            return new BuiltinBoards(Path.of(prop).toAbsolutePath().normalize());
        }
        return fromClassPath();
    }

    /** The copy packaged with Warden's jars, whatever {@code warden.root} says. */
    public static BuiltinBoards fromClassPath() {
        URL url = BuiltinBoards.class.getResource(RESOURCE_ROOT);
        if (url == null) {
            throw new IllegalStateException("Warden's built-in boards are missing from the class path (no resource "
                    + RESOURCE_ROOT + "): the warden-lab jar is incomplete");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) return new BuiltinBoards(inJar(uri).getParent());
            return new BuiltinBoards(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read Warden's built-in boards at " + url, e);
        }
    }

    /**
     * The folder inside the jar. The jar is opened by its path, not by its {@code jar:} URI: a
     * file system opened by URI is registered JVM-wide, and Cucumber, scanning the same jar for
     * glue (warden.jar holds both), would then fail to open its own.
     */
    private static Path inJar(URI uri) {
        String s = uri.toString();
        int bang = s.indexOf("!/");
        Path jar = Path.of(URI.create(s.substring("jar:".length(), bang)));
        FileSystem fs;
        try {
            fs = FileSystems.newFileSystem(jar, (ClassLoader) null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open Warden's jar " + jar, e);
        }
        return fs.getPath(s.substring(bang + 1));
    }

    /** The folder that holds {@code board-profiles/} and {@code firmware-fixtures/}. */
    public Path root() { return root; }

    public Path profiles() { return root.resolve("board-profiles"); }

    public Path fixtures() { return root.resolve("firmware-fixtures"); }

    /** The cell configurations of a built-in board ({@code firmware-fixtures/BOARD/cells}). */
    public Path cells(String board) { return fixtures().resolve(board).resolve("cells"); }

    /** The inmates built for a built-in board ({@code firmware-fixtures/inmates/build/BOARD}). */
    public Path inmates(String board) { return fixtures().resolve("inmates").resolve("build").resolve(board); }

    /** What every board's root file system carries: the hypervisor firmware, loaders, demo scripts. */
    public Path linux() { return fixtures().resolve("linux"); }
}
