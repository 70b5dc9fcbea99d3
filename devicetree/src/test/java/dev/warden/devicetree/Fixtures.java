package dev.warden.devicetree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Locates the committed firmware fixtures and the dt-oracle goldens. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The repository's firmware-fixtures directory (tests run from the module directory). */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("firmware-fixtures");
            if (Files.isDirectory(candidate.resolve("dt-oracle"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("firmware-fixtures/dt-oracle not found above " + Path.of("").toAbsolutePath());
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One line of dt-oracle/cases.txt. */
    public record OverlayCase(String name, String base, List<String> overlays) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<OverlayCase> overlayCases() {
        List<OverlayCase> cases = new ArrayList<>();
        for (String line : text("dt-oracle/cases.txt").split("\n")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            cases.add(new OverlayCase(parts[0], parts[1], List.of(Arrays.copyOfRange(parts, 2, parts.length))));
        }
        return cases;
    }

    /** Every fixture blob (.dtb/.dtbo) under the boards' boot/dtb and dt-oracle/overlays. */
    /** QEMU virt's tree: made by qemu-system-aarch64 (qemu-arm64-virt/boot/dump-qemu-dtb.sh), not by dtc from a source. */
    public static final String QEMU_DUMPED = "qemu-arm64-virt/boot/dtb/qemu-arm64-virt.dtb";

    /** Every fixture blob dtc builds from a committed source: all of them but QEMU's own tree. */
    public static List<String> dtcBuiltBlobs() {
        return allBlobs().stream().filter(b -> !b.equals(QEMU_DUMPED)).toList();
    }

    public static List<String> allBlobs() {
        List<String> out = new ArrayList<>();
        try (var stream = Files.walk(root())) {
            stream.filter(Files::isRegularFile)
                    .map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".dtb") || p.endsWith(".dtbo"))
                    .filter(p -> p.contains("/boot/dtb/") || p.startsWith("dt-oracle/overlays/"))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The golden-file key of a fixture path: '/' replaced by "__". */
    public static String goldenKey(String relative) {
        return relative.replace("/", "__");
    }
}
