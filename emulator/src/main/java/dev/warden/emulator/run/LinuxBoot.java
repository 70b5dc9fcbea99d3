package dev.warden.emulator.run;

import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.emulator.bus.PhysicalBus;

import java.nio.charset.StandardCharsets;

/**
 * Places an arm64 Linux {@code Image}, its device tree and an initramfs in RAM where QEMU's
 * {@code -kernel -dtb -initrd -append} puts them on {@code -M virt}, and says where the kernel
 * starts with which x0 (the arm64 boot protocol: x0 = the tree, x1..x3 = 0, EL1, MMU off, DAIF
 * masked). The same places matter: the kernel's log counts the pages it reserved for each.
 * <ul>
 *   <li>Image: RAM base + text_offset (image_size 0: +0x80000), moved up by 2 MiB when that is
 *       inside the first 4 KiB, where QEMU keeps its own boot stub;</li>
 *   <li>initramfs: RAM base + min(RAM / 2, 128 MiB), page-aligned, above the Image;</li>
 *   <li>tree: the next 2 MiB boundary after the initramfs, opened into twice the file's size plus
 *       10000 bytes (QEMU's load_device_tree; the kernel reserves the whole), with {@code /chosen/bootargs} and
 *       {@code linux,initrd-start/-end} written as QEMU writes them.</li>
 * </ul>
 */
public final class LinuxBoot {

    static final int ARM64_MAGIC = 0x644d5241; // "ARM\x64" at offset 0x38
    private static final long TWO_MIB = 2L << 20;
    private static final long BOOT_STUB_SIZE = 0x1000;
    private static final long NO_IMAGE_SIZE_OFFSET = 0x80000;
    private static final int TREE_ROOM = 10000;

    /** Where everything went, and the kernel's entry and x0. */
    public record Placement(long entry, long imageEnd, long initrdStart, long initrdEnd, long dtbAddress, int dtbSize) { }

    private LinuxBoot() { }

    public static boolean isArm64Image(byte[] image) {
        return image.length >= 64 && le32(image, 0x38) == ARM64_MAGIC;
    }

    /**
     * @param initrd  the initramfs, or null
     * @param append  the kernel command line, or null to leave {@code /chosen/bootargs} as the tree has it
     */
    public static Placement place(PhysicalBus bus, long ramBase, long ramSize, byte[] image, byte[] dtb, byte[] initrd, String append) {
        if (!isArm64Image(image)) throw new IllegalArgumentException("not an arm64 Linux Image (no \"ARM\\x64\" magic at offset 0x38)");
        long textOffset = le64(image, 0x08);
        long imageSize = le64(image, 0x10);
        long offset = imageSize == 0 ? NO_IMAGE_SIZE_OFFSET : textOffset;
        if (offset < BOOT_STUB_SIZE) offset += TWO_MIB;
        long entry = ramBase + offset;
        long imageEnd = entry + Math.max(imageSize, image.length);
        write(bus, entry, image, "the Image");

        long initrdStart = pageAlign(Math.max(ramBase + Math.min(ramSize / 2, 128L << 20), imageEnd));
        long initrdEnd = initrdStart + (initrd == null ? 0 : initrd.length);
        if (initrd != null) write(bus, initrdStart, initrd, "the initramfs");

        FdtBlob tree = FdtBlob.load(dtb, "dtb");
        if (tree.headerError() != null) throw new IllegalArgumentException("the device tree is not a flattened device tree: " + tree.headerError());
        int size = (int) tree.totalSize();
        tree = tree.openInto((size + TREE_ROOM) * 2);
        int chosen = tree.pathOffset("/chosen");
        if (chosen < 0) chosen = tree.addSubnode(0, "chosen");
        if (append != null && !append.isEmpty()) {
            check(tree.setProp(chosen, "bootargs", (append + "\0").getBytes(StandardCharsets.ISO_8859_1)), "bootargs");
            chosen = tree.pathOffset("/chosen");
        }
        if (initrd != null) {
            check(tree.setProp(chosen, "linux,initrd-start", be64(initrdStart)), "linux,initrd-start");
            chosen = tree.pathOffset("/chosen");
            check(tree.setProp(chosen, "linux,initrd-end", be64(initrdEnd)), "linux,initrd-end");
        }
        long dtbAddress = (initrdEnd + TWO_MIB - 1) & -TWO_MIB;
        byte[] blob = tree.buffer();
        write(bus, dtbAddress, blob, "the device tree");
        return new Placement(entry, imageEnd, initrdStart, initrdEnd, dtbAddress, blob.length);
    }

    private static void check(int result, String what) {
        if (result < 0) throw new IllegalArgumentException("cannot write /chosen/" + what + " into the device tree (libfdt error " + result + ")");
    }

    private static void write(PhysicalBus bus, long address, byte[] data, String what) {
        if (bus.ramAt(address).filter(r -> r.contains(address, data.length)).isEmpty()) {
            throw new IllegalArgumentException(String.format("%s (%d bytes at 0x%x) does not fit in the board's RAM", what, data.length, address));
        }
        bus.ramAt(address).orElseThrow().load(address, data);
    }

    private static long pageAlign(long a) {
        return (a + 0xfff) & ~0xfffL;
    }

    private static byte[] be64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }

    private static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    private static long le64(byte[] b, int off) {
        return le32(b, off) | le32(b, off + 4) << 32;
    }
}
