package dev.warden.lab;

import dev.warden.emulator.profile.BoardProfile;
import dev.warden.config.JailhouseRelease;
import dev.warden.rootcell.linux.RootFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the board's root file system carries from the project and the built-in boards: the cell
 * configurations, the inmates, the hypervisor firmware, the loaders and demo scripts, at the paths
 * of Warden's images ({@code /usr/share/jailhouse/...}) and of Siemens' jailhouse-images
 * ({@code /etc/jailhouse}, {@code /usr/libexec/jailhouse/demos}), so commands written for either work.
 */
final class RootFsLayout {

    /** Offset of image_size in the arm64 Image header. */
    static final int IMAGE_SIZE_OFFSET = 0x10;

    private RootFsLayout() {}

    /**
     * The kernel as the root file system holds it (/root/Image): the boot media's Image carries only
     * the header and what Warden's Linux model reads, so it is padded to the size its header gives,
     * the size the real kernel file has.
     */
    static java.util.Optional<byte[]> fullKernelImage(Path file) {
        try {
            if (!Files.isRegularFile(file)) return java.util.Optional.empty();
            byte[] head = Files.readAllBytes(file);
            if (head.length < 0x40) return java.util.Optional.of(head);
            long size = java.nio.ByteBuffer.wrap(head, IMAGE_SIZE_OFFSET, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            return java.util.Optional.of(java.util.Arrays.copyOf(head, (int) Math.max(head.length, Math.min(size, 1L << 28))));
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    static void install(WardenProject project, BoardProfile profile, JailhouseRelease release, RootFs fs) {
        String board = profile.name();
        List<Path> cells = project.cellFolders(board);
        if (release.tiFork()) {
            // TI's root file system carries its fork's configurations (TI's layout of revision 12)
            List<Path> ti = cells.stream().map(c -> c.resolve("ti2019")).filter(Files::isDirectory).toList();
            if (!ti.isEmpty()) cells = ti;
        }
        List<Path> inmates = project.inmateFolders(board);
        WardenProject.requireDistinctNames("cell configuration", cells);
        WardenProject.requireDistinctNames("inmate", inmates);
        Path linux = project.builtins().linux();
        fs.mount("/usr/share/jailhouse/cells", cells);
        fs.mount("/etc/jailhouse", cells);
        fs.mount("/usr/share/jailhouse/inmates", inmates);
        fs.mount("/usr/libexec/jailhouse/demos", inmates);
        // each release's image: its own banner and core size
        fs.mount("/lib/firmware", linux.resolve("firmware").resolve(release.tiFork() ? "ti-v0.10" : "upstream"));
        fs.mount("/root/jailhouse.ko", linux.resolve("modules").resolve("jailhouse.ko"));
        fs.putLazy("/root/Image", () -> fullKernelImage(profile.boot().media().resolve("Image")));
        fs.mount("/usr/libexec/jailhouse", linux.resolve("libexec"));
        Path demo = linux.resolve("demo").resolve(board + ".sh");
        if (Files.isRegularFile(demo)) fs.mount("/usr/share/jailhouse/linux-demo.sh", demo);
        // the board's configuration sources and builds, as a user copies them over to try them
        fs.mount("/home/root/configs", cells);
    }
}
