package dev.warden.lab;

import dev.warden.config.JailhouseRelease;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A digest of everything {@link Lab#powerOn} reads to build and start a board: the board's name and
 * profile, the Jailhouse release, every field of the boot request (file contents included), and the
 * content of every file of the boot media and of the folders the root file system shows (cell
 * configurations, inmates, firmware, tools). Two power-ons with the same digest build the same
 * board, so a snapshot taken after one serves the other; any change to any of these files gives
 * another digest. Conservative by design: a file that could not matter still counts.
 */
public final class BootInputs {

    /** Content digests of files by path, size and modification time, so unchanged files are read once. */
    private static final Map<String, String> FILE_DIGESTS = new ConcurrentHashMap<>();
    /** Parsed profiles by file stamp. */
    private static final Map<String, BoardProfile> PROFILES = new ConcurrentHashMap<>();

    private BootInputs() {}

    /** The digest (hex SHA-256) of the inputs of powering on {@code boardName} with {@code request}. */
    public static String digest(WardenProject project, String boardName, BootRequest request) {
        BoardProfile profile = profile(project, boardName);
        StringBuilder in = new StringBuilder();
        line(in, "board", boardName);
        Optional<Path> profileFile = project.profileFile(boardName);
        // the file says it all (the profile is its parse); a derived profile has none
        line(in, "profile", profileFile.flatMap(BootInputs::fileDigest).orElseGet(profile::toString));
        line(in, "derived", String.valueOf(project.isDerived(boardName)));
        JailhouseRelease release = request.release()
                .orElse(JailhouseRelease.parse(profile.software().getOrDefault("jailhouse", "upstream")));
        line(in, "release", release.name());
        line(in, "overlays", request.overlays().map(Object::toString).orElse("-"));
        line(in, "base-dtb", request.baseDtb().orElse("-"));
        line(in, "uEnv", request.uEnvText().map(BootInputs::sha256).orElse("-"));
        request.extraVariables().forEach((k, v) -> line(in, "variable " + k, v));
        request.extraFiles().forEach((k, v) -> line(in, "file " + k, sha256(v)));
        request.deviceTrees().forEach((k, v) -> line(in, "tree " + k, sha256(v)));
        folder(in, "media", request.mediaFolder().orElse(profile.boot().media()));
        for (Path p : project.cellFolders(boardName)) folder(in, "cells", p);
        for (Path p : project.inmateFolders(boardName)) folder(in, "inmates", p);
        folder(in, "linux", project.builtins().linux());
        return sha256(in.toString());
    }

    /**
     * The board's profile, as {@link WardenProject#board} reads it; a profile file already read with
     * the same size and modification time is not parsed again (a scenario's key is computed before
     * anything else it does, so this is on every scenario's path).
     */
    private static BoardProfile profile(WardenProject project, String boardName) {
        Optional<Path> file = project.profileFile(boardName);
        if (file.isEmpty()) return project.board(boardName);
        Optional<String> stamp = stamp(file.get());
        if (stamp.isEmpty()) return project.board(boardName);
        return PROFILES.computeIfAbsent(stamp.get(), k -> BoardProfiles.load(file.get()));
    }

    /** Hex SHA-256 of text (UTF-8). */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void line(StringBuilder in, String key, String value) {
        in.append(key).append('=').append(value.length()).append(':').append(value).append('\n');
    }

    /** Every regular file under {@code folder}, sorted, with its content digest. */
    private static void folder(StringBuilder in, String what, Path folder) {
        line(in, what, folder.toString());
        if (!Files.isDirectory(folder)) {
            line(in, what + " file", fileDigest(folder).orElse("absent"));
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path f : files) line(in, what + " " + folder.relativize(f), fileDigest(f).orElse("unreadable"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static Optional<String> fileDigest(Path file) {
        Optional<String> key = stamp(file);
        if (key.isEmpty()) return Optional.empty();
        String d = FILE_DIGESTS.get(key.get());
        if (d == null) {
            try {
                d = sha256(Files.readAllBytes(file));
            } catch (IOException e) {
                return Optional.empty();
            }
            FILE_DIGESTS.put(key.get(), d);
        }
        return Optional.of(d);
    }

    /** A file's identity and version: its file system, absolute path, size and modification time (full precision). */
    private static Optional<String> stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(System.identityHashCode(file.getFileSystem()) + "|" + file.toAbsolutePath() + "|" + a.size()
                    + "|" + a.lastModifiedTime());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
