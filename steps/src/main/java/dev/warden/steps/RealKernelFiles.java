package dev.warden.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's arm64 kernel and the busybox initramfs, never committed: the cache that
 * {@code firmware-fixtures/linux/real/fetch-debian-kernel.sh} fills ({@code warden.linuxCache},
 * by default {@code ~/.cache/warden/linux}).
 */
final class RealKernelFiles {

    static final String CACHE_PROPERTY = "warden.linuxCache";
    static final List<String> FILES = List.of("Image", "initramfs.cpio.gz");
    /** Where the step puts them on the root file system. */
    static final String ON_BOARD = "/root/debian/";

    private RealKernelFiles() {}

    static Path cache() {
        String set = System.getProperty(CACHE_PROPERTY);
        if (set != null && !set.isBlank()) return Path.of(set);
        return Path.of(System.getProperty("user.home"), ".cache", "warden", "linux");
    }

    /** One file of the cache; a missing one fails the step with what to run. */
    static byte[] read(String step, Path cache, String file) {
        Path p = cache.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("step '" + step + "': the real kernel is not in " + cache + " (no " + file
                    + "): run firmware-fixtures/linux/real/fetch-debian-kernel.sh first, or run the scenario without this step"
                    + " to boot the modeled Linux inmate");
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("step '" + step + "': cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
