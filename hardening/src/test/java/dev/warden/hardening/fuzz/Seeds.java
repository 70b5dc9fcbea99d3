package dev.warden.hardening.fuzz;

import dev.warden.config.CellConfigs;
import dev.warden.config.SystemConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's fixtures, which the targets need besides their fuzzed input. */
final class Seeds {
    private Seeds() {
    }

    static Path root() {
        String prop = System.getProperty("warden.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "firmware-fixtures"))) return Path.of(prop);
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("firmware-fixtures"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root (firmware-fixtures/)");
        return p;
    }

    static byte[] fixture(String path) {
        try {
            return Files.readAllBytes(root().resolve("firmware-fixtures").resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SystemConfig qemuSystem;

    static synchronized SystemConfig qemuSystem() {
        if (qemuSystem == null) {
            qemuSystem = (SystemConfig) CellConfigs.decode(fixture("qemu-arm64-virt/cells/qemu-arm64.cell"), "qemu-arm64.cell");
        }
        return qemuSystem;
    }
}
