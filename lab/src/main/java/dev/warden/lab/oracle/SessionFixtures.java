package dev.warden.lab.oracle;

import dev.warden.config.MemoryRegion;
import dev.warden.rootcell.jailhouse.CellLinux;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the files the rig had on its root file system for f-linux-demo, Warden's own versions
 * of them (firmware-fixtures/oracle/jailhouse/files): the commands file the rig printed, the
 * linux-demo cell's device tree as {@code jailhouse cell linux --write-params} leaves it (the
 * cell's RAM and command line written into inmate-qemu-arm64.dtb), and a small initramfs of
 * Warden's (a newc cpio with an /init) in place of the rig's.
 *
 * <p>Run by hand: {@code java -cp cli/target/warden.jar dev.warden.lab.oracle.SessionFixtures firmware-fixtures}
 */
public final class SessionFixtures {

    /** The linux-demo cell's RAM (configs/arm64/qemu-arm64-linux-demo.c), where the tree, kernel and initramfs go. */
    static final MemoryRegion LINUX_DEMO_RAM = new MemoryRegion(0x70000000L, 0x70000000L, 0x8000000L, 0x1 | 0x2 | 0x4 | 0x8 | 0x40);

    private SessionFixtures() {}

    public static void main(String[] args) throws IOException {
        Path fixtures = Path.of(args.length > 0 ? args[0] : "firmware-fixtures");
        Path out = fixtures.resolve("oracle/jailhouse/files");
        Files.createDirectories(out);
        Files.writeString(out.resolve("linux-demo.cmds"), String.join("\n",
                "jailhouse cell create /etc/jailhouse/qemu-arm64-linux-demo.cell",
                "jailhouse cell load qemu-arm64-linux-demo /usr/libexec/jailhouse/linux-loader.bin -a 0x0 -s \"kernel=0x70200000"
                        + " dtb=0x70000000\" -a 0x1000 /root/Image -a 0x70200000 /usr/libexec/jailhouse/demos/rootfs.cpio -a"
                        + " 0x70b38000 /root/linux-demo-params.dtb -a 0x70000000",
                "jailhouse cell start qemu-arm64-linux-demo", ""), StandardCharsets.US_ASCII);
        byte[] tree = Files.readAllBytes(fixtures.resolve("qemu-arm64-virt/boot/dtb/inmate-qemu-arm64.dtb"));
        Files.write(out.resolve("linux-demo-params.dtb"),
                CellLinux.patchTree(tree, "inmate-qemu-arm64.dtb", LINUX_DEMO_RAM, "console=ttyAMA0"));
        Files.write(out.resolve("rootfs.cpio"), cpio("init", "#!/bin/sh\n# Warden's stand-in initramfs: the Linux in the cell is modeled\nexec /bin/sh\n"));
        System.out.println("wrote " + out);
    }

    /** A newc cpio archive with one executable file and the trailer. */
    static byte[] cpio(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry(out, name, 0100755, content.getBytes(StandardCharsets.US_ASCII), 1);
        entry(out, "TRAILER!!!", 0, new byte[0], 2);
        while (out.size() % 512 != 0) out.write(0);
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, String name, int mode, byte[] data, int ino) {
        String header = String.format("070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
                ino, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, name.length() + 1, 0);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes((name + "\0").getBytes(StandardCharsets.US_ASCII));
        while (out.size() % 4 != 0) out.write(0);
        out.writeBytes(data);
        while (out.size() % 4 != 0) out.write(0);
    }
}
