package dev.warden.lab;

import dev.warden.emulator.profile.ProfileException;
import dev.warden.emulator.profile.YamlMap;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A project's {@code warden.yaml}: the defaults its scenarios use (board, Jailhouse release) and
 * where its files are, each folder relative to the project. Every key is optional; an unknown key
 * or a folder outside the project is an error that names the file and the line.
 */
public record ProjectSettings(Optional<String> board, Optional<String> release, String boards, String cells,
                              String inmates, String features) {

    public static final String FILE = "warden.yaml";

    /** The conventions of Warden's own tree, when a project has no warden.yaml. */
    public static ProjectSettings defaults() {
        return new ProjectSettings(Optional.empty(), Optional.empty(), "board-profiles", "cells", "inmates", "features");
    }

    /** Reads {@code dir/warden.yaml}, or the defaults when there is none. */
    public static ProjectSettings read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return defaults();
        String name = file.toString();
        Node root;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProfileException(name + ":1: not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        try (Reader r = new java.io.StringReader(text)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw YamlMap.syntaxError(name, text, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        if (root == null) return defaults();
        YamlMap top = new YamlMap(name, "", root);
        top.allowOnly("board", "release", "boards", "cells", "inmates", "features");
        ProjectSettings d = defaults();
        ProjectSettings s = new ProjectSettings(top.optString("board"), top.optString("release"),
                folder(top, "boards", d.boards()), folder(top, "cells", d.cells()),
                folder(top, "inmates", d.inmates()), folder(top, "features", d.features()));
        return s;
    }

    private static String folder(YamlMap top, String key, String fallback) {
        String value = top.optString(key).orElse(fallback);
        Path p = Path.of(value).normalize();
        if (p.isAbsolute() || p.startsWith("..")) {
            throw top.error(top.node(), "'" + key + "' must be a folder inside the project, found '" + value + "'");
        }
        return p.toString().isEmpty() ? "." : p.toString();
    }
}
