package dev.warden.emulator.profile.derive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The kernel {@code Image} a board's boot media needs for Warden's root-cell Linux model: a real
 * arm64 Image header (U-Boot's booti checks it as for any kernel) followed by the banner the
 * model prints. The same layout {@code firmware-fixtures/linux/make-images.py} writes for the
 * built-in boards; a board derived from its device tree alone gets this one.
 */
public final class ModelKernelImage {

    static final long TEXT_OFFSET = 0x80000;
    /** little-endian kernel, 4K pages, may be placed anywhere (bit 3) */
    static final long FLAGS = 0x0a;
    static final int ARM64_MAGIC = 0x644d5241;

    private ModelKernelImage() {}

    /** The Image whose banner reads {@code version}. */
    public static byte[] image(String version) {
        byte[] payload = ("WARDEN-LINUX-MODEL\nversion=" + version + "\n").getBytes(StandardCharsets.ISO_8859_1);
        int size = (64 + payload.length + 0xfff) & ~0xfff;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x91005a4d);   // code0: "MZ" and an add that real kernels start with
        b.putInt(0x14000000);   // code1: b .
        b.putLong(TEXT_OFFSET);
        b.putLong(size);
        b.putLong(FLAGS);
        b.putLong(0).putLong(0).putLong(0);
        b.putInt(ARM64_MAGIC);
        b.putInt(0);
        b.put(payload);
        return b.array();
    }

    /** The banner of a board derived from its tree. */
    public static byte[] forBoard(String board) {
        return image("6.1.0-warden (warden@" + board + ") (model kernel of a board derived from its device tree) "
                + "#1 SMP PREEMPT");
    }
}
