package dev.warden.emulator.uboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The board's SD card, as a folder on the host. Partition 1 is the FAT boot partition (uEnv.txt
 * at its root); partition 2 is the root file system, whose {@code /boot} holds the kernel, the DTB
 * and the overlays. Both are served from the same folder: {@code /boot/x} on partition 2 and
 * {@code x} on partition 1 are the file {@code x} in the folder.
 */
public final class BootMedia {

    private final Path folder;

    public BootMedia(Path folder) {
        this.folder = folder;
    }

    public Path folder() { return folder; }

    /** The file's contents, or empty when the medium has no such file. */
    public Optional<byte[]> read(int partition, String path) {
        Path file = resolve(partition, path);
        if (file == null || !Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path resolve(int partition, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (partition == 2 && p.startsWith("boot/")) p = p.substring("boot/".length());
        Path file = folder.resolve(p).normalize();
        return file.startsWith(folder.normalize()) ? file : null;
    }
}
