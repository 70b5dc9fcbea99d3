package dev.warden.lab;

import dev.warden.emulator.profile.BoardProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes a scenario's own copy of a board's SD card and writes its uEnv.txt the way the board's
 * U-Boot expects it: {@code overlay_files} for TI's 2019 layout, {@code name_overlays} otherwise.
 */
final class BootMediaWriter {

    private BootMediaWriter() {}

    static Path prepare(BoardProfile profile, BootRequest request) {
        try {
            Path dir = Files.createTempDirectory("warden-media-" + profile.name() + "-");
            copyTree(request.mediaFolder().orElse(profile.boot().media()), dir);
            Path uEnv = dir.resolve("uEnv.txt");
            String text = request.uEnvText().orElseGet(() -> {
                try {
                    return Files.exists(uEnv) ? Files.readString(uEnv) : "";
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (request.overlays().isPresent()) {
                String variable = profile.boot().ubootEnvironment().equals("ti-2019") ? "overlay_files" : "name_overlays";
                text = setVariable(text, variable, String.join(" ", request.overlays().get().stream()
                        .map(o -> mediaPath(profile, o)).toList()));
            }
            if (request.baseDtb().isPresent()) text = setVariable(text, "name_fdt", mediaPath(profile, request.baseDtb().get()));
            for (Map.Entry<String, String> e : request.extraVariables().entrySet()) text = setVariable(text, e.getKey(), e.getValue());
            Files.writeString(uEnv, text, StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, byte[]> t : request.deviceTrees().entrySet()) {
                Path target = dir.resolve(treeFolder(profile)).resolve(t.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, t.getValue());
            }
            for (Map.Entry<String, byte[]> f : request.extraFiles().entrySet()) {
                Path target = dir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare boot media for " + profile.name(), e);
        }
    }

    /** A tree or overlay name as the board's uEnv.txt writes it: in the base DTB's folder unless a path is given. */
    private static String mediaPath(BoardProfile profile, String overlay) {
        if (overlay.contains("/")) return overlay;
        String dtb = profile.boot().baseDtb();
        String dir = dtb.contains("/") ? dtb.substring(0, dtb.lastIndexOf('/') + 1) : "";
        return dir + overlay;
    }

    /**
     * Where on the SD card the board's U-Boot loads a tree listed by its bare name: TI's 2019 layout
     * loads {@code ${bootdir}/${overlay}}, the current layouts {@code ${bootdir}/dtb/${overlay}}, and
     * {@link #mediaPath} puts the base DTB's folder in front of a bare name.
     */
    private static String treeFolder(BoardProfile profile) {
        String prefix = mediaPath(profile, "x");
        String folder = prefix.substring(0, prefix.length() - 1);
        return profile.boot().ubootEnvironment().equals("ti-2019") ? folder : "dtb/" + folder;
    }

    private static String setVariable(String text, String name, String value) {
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(name + "=")) {
                if (!replaced) out.append(name).append('=').append(value).append('\n');
                replaced = true;
            } else if (!line.isEmpty()) {
                out.append(line).append('\n');
            }
        }
        if (!replaced) out.append(name).append('=').append(value).append('\n');
        return out.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

}
