package dev.warden.lab;

import dev.warden.emulator.board.BoardSetupException;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where a run finds its boards, boot media, cell configurations, inmates and features: the user's
 * project folder first (laid out as Warden's own tree, see {@link ProjectSettings}), then Warden's
 * built-in boards. A name both define is an error that names both files, so that nobody tests a
 * file other than the one they think.
 */
public final class WardenProject {

    /** System property naming the project folder ({@code warden run --project} sets it). */
    public static final String PROPERTY = "warden.project";

    private final Optional<Path> root;
    private final ProjectSettings settings;
    private final BuiltinBoards builtins;
    /** Boards whose profile was derived from their device tree (they boot Warden's model kernel). */
    private final java.util.Set<String> derived = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private WardenProject(Optional<Path> root, ProjectSettings settings, BuiltinBoards builtins) {
        this.root = root;
        this.settings = settings;
        this.builtins = builtins;
    }

    /** Warden's built-in boards alone. */
    public static WardenProject builtinOnly() {
        return new WardenProject(Optional.empty(), ProjectSettings.defaults(), BuiltinBoards.get());
    }

    /** The project in {@code dir} (with its warden.yaml, if it has one), over the built-in boards. */
    public static WardenProject open(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) throw new BoardSetupException("project folder " + d + " does not exist", List.of());
        return new WardenProject(Optional.of(d), ProjectSettings.read(d), BuiltinBoards.get());
    }

    /**
     * The project of this run: {@code -Dwarden.project=DIR}; else the working folder when it holds a
     * warden.yaml (a user's Maven build runs there); else the built-in boards alone.
     */
    public static WardenProject current() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) return open(Path.of(prop));
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(cwd.resolve(ProjectSettings.FILE))) return open(cwd);
        return builtinOnly();
    }

    public Optional<Path> root() { return root; }

    public ProjectSettings settings() { return settings; }

    public BuiltinBoards builtins() { return builtins; }

    /** The board scenarios use when they name none: warden.yaml's, else {@code fallback}. */
    public String defaultBoard(String fallback) {
        return settings.board().orElse(fallback);
    }

    /** The project's features folder, if it has a project. */
    public Optional<Path> features() {
        return root.map(r -> r.resolve(settings.features()));
    }

    // ---- boards ----

    /**
     * The profile of board {@code name}, from the project or the built-ins (not both). A project board
     * without a profile but with boot media for it ({@link DerivedBoards#bootDtb}) gets one derived
     * from its device tree, and a note on stderr says so.
     */
    public BoardProfile board(String name) {
        Optional<Path> file = profileFile(name);
        if (file.isPresent()) return BoardProfiles.load(file.get());
        Optional<Path> dtb = root.flatMap(r -> DerivedBoards.bootDtb(r, name));
        if (dtb.isPresent()) {
            derived.add(name);
            return DerivedBoards.profile(root.get(), settings, name, dtb.get());
        }
        throw new BoardSetupException("unknown board '" + name + "': no " + name + ".yaml in "
                + root.map(r -> r.resolve(settings.boards()) + " or ").orElse("") + "Warden's built-in boards (known boards: "
                + String.join(", ", boardNames()) + ")", List.of());
    }

    /**
     * The profile file {@link #board} reads for board {@code name}: the project's or Warden's built-in
     * one (a name both define is an error), or empty when the board has none (derived, or unknown).
     */
    public Optional<Path> profileFile(String name) {
        Optional<Path> mine = root.map(r -> r.resolve(settings.boards()).resolve(name + ".yaml")).filter(Files::isRegularFile);
        Path builtin = builtins.profiles().resolve(name + ".yaml");
        boolean ours = Files.isRegularFile(builtin);
        if (mine.isPresent() && ours) {
            throw new BoardSetupException("board \"" + name + "\" is defined twice: " + mine.get() + " and Warden's built-in "
                    + builtin + "; rename the project's board", List.of());
        }
        return mine.isPresent() ? mine : ours ? Optional.of(builtin) : Optional.empty();
    }

    /** Whether {@link #board} derived the board's profile from its device tree (the project has none). */
    public boolean isDerived(String name) {
        return derived.contains(name);
    }

    /** Every board this run can use, sorted. */
    public List<String> boardNames() {
        TreeSet<String> names = new TreeSet<>(BoardProfiles.names(builtins.profiles()));
        root.map(r -> r.resolve(settings.boards())).filter(Files::isDirectory)
                .ifPresent(dir -> names.addAll(BoardProfiles.names(dir)));
        return List.copyOf(names);
    }

    // ---- what the board's root file system carries ----

    /** The folders whose files appear in /usr/share/jailhouse/cells: the project's, then the built-in board's. */
    public List<Path> cellFolders(String board) {
        List<Path> out = new ArrayList<>();
        root.ifPresent(r -> {
            out.add(r.resolve(settings.cells()));
            out.add(r.resolve("firmware-fixtures").resolve(board).resolve("cells"));
        });
        out.add(builtins.cells(board));
        return existing(out);
    }

    /** The folders whose files appear in /usr/share/jailhouse/inmates: the project's, then the built-in board's. */
    public List<Path> inmateFolders(String board) {
        List<Path> out = new ArrayList<>();
        root.ifPresent(r -> {
            out.add(r.resolve(settings.inmates()));
            out.add(r.resolve("firmware-fixtures").resolve("inmates").resolve("build").resolve(board));
        });
        out.add(builtins.inmates(board));
        return existing(out);
    }

    private static List<Path> existing(List<Path> folders) {
        return folders.stream().filter(Files::isDirectory).distinct().toList();
    }

    /**
     * Fails when two of the folders hold a file of the same name (the board would show one of them):
     * the error names both files.
     */
    public static void requireDistinctNames(String what, List<Path> folders) {
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path before = seen.putIfAbsent(f.getFileName().toString(), f);
                    if (before != null) {
                        throw new BoardSetupException(what + " \"" + f.getFileName() + "\" is defined twice: " + before
                                + " and " + f + "; rename one of them", List.of());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
    }

    // ---- files a step names ----

    /**
     * Whether a step's argument names a file of the project rather than a built-in name: a relative
     * path with a folder in it ({@code "cells/my-board.cell"}). A name that starts with '/' is a path
     * on the board itself.
     */
    public static boolean isProjectPath(String name) {
        return name.contains("/") && !name.startsWith("/");
    }

    /**
     * A file a scenario names by its path in the project, read and checked against the kinds the
     * step takes (any kind when none are given). A missing or empty file, a file of another kind and
     * a path that leaves the project are errors that name the step and the file.
     */
    public ProjectFile file(String step, String relative, ProjectFileKind... expected) {
        Path p = inside(step, relative);
        if (Files.isDirectory(p)) {
            throw new ProjectFileException(where(step, relative) + " is a folder, expected "
                    + (expected.length == 0 ? "a file" : describe(expected)));
        }
        if (!Files.isRegularFile(p)) {
            throw new ProjectFileException(where(step, relative) + ": there is no such file (" + p + ")");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ProjectFileException(where(step, relative) + ": cannot read " + p + ": " + e.getMessage());
        }
        if (content.length == 0) {
            throw new ProjectFileException(where(step, relative) + ": the file " + p + " is empty");
        }
        ProjectFileKind kind = ProjectFileKind.of(content);
        if (expected.length > 0 && !List.of(expected).contains(kind)) {
            throw new ProjectFileException(where(step, relative) + ": " + p + " is " + kind.description()
                    + ", expected " + describe(expected));
        }
        return new ProjectFile(p, root.orElseThrow().relativize(p).toString(), content, kind);
    }

    /** A folder a scenario names by its path in the project (a whole boot media folder). */
    public Path folder(String step, String relative) {
        Path p = inside(step, relative);
        if (!Files.isDirectory(p)) {
            throw new ProjectFileException(where(step, relative) + ": there is no such folder (" + p + ")");
        }
        return p;
    }

    private Path inside(String step, String relative) {
        Path base = root.orElseThrow(() -> new ProjectFileException(where(step, relative)
                + " is a path, but this run has no project folder (run it with warden run --project DIR, run Maven in"
                + " the folder of warden.yaml, or give a built-in name)"));
        Path p = base.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !p.startsWith(base)) {
            throw new ProjectFileException(where(step, relative) + " is outside the project folder " + base);
        }
        return p;
    }

    private static String where(String step, String relative) {
        return "step '" + step + "': \"" + relative + "\"";
    }

    private static String describe(ProjectFileKind... kinds) {
        List<String> names = new ArrayList<>();
        for (ProjectFileKind k : kinds) names.add(k.description());
        return String.join(" or ", names);
    }
}
