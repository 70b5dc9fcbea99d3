package dev.warden.emulator.run;

import dev.warden.emulator.bus.PhysicalBus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Loads a bare-metal image the way QEMU's {@code -kernel} does for a non-Linux image: an ELF64
 * (AArch64, little-endian) by its PT_LOAD program headers, starting at its entry point; anything
 * else as a flat binary at the flat-load address, starting at its first byte.
 */
public final class ImageLoader {

    private static final int PT_LOAD = 1;
    private static final int EM_AARCH64 = 183;

    /** Where the image went and where execution starts. */
    public record LoadedImage(long entry, long lowest, long highest, boolean elf) { }

    private ImageLoader() { }

    public static boolean isElf(byte[] image) {
        return image.length >= 4 && image[0] == 0x7f && image[1] == 'E' && image[2] == 'L' && image[3] == 'F';
    }

    /**
     * @param name          the file name, for error messages
     * @param flatLoadAddress where a flat binary goes (QEMU virt: RAM base + 0x80000)
     */
    public static LoadedImage load(String name, byte[] image, PhysicalBus bus, long flatLoadAddress) {
        if (!isElf(image)) {
            write(name, bus, flatLoadAddress, image, 0, image.length);
            return new LoadedImage(flatLoadAddress, flatLoadAddress, flatLoadAddress + image.length, false);
        }
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        expect(name, image.length >= 64, 0, "an ELF header of 64 bytes, the file has " + image.length);
        expect(name, image[4] == 2, 4, "ELFCLASS64 (2), found " + image[4]);
        expect(name, image[5] == 1, 5, "little-endian data (1), found " + image[5]);
        expect(name, b.getShort(18) == EM_AARCH64, 18, "machine EM_AARCH64 (183), found " + b.getShort(18));
        long entry = b.getLong(24);
        long phoff = b.getLong(32);
        int phentsize = b.getShort(54) & 0xffff;
        int phnum = b.getShort(56) & 0xffff;
        expect(name, phentsize >= 56, 54, "program header size of at least 56, found " + phentsize);
        expect(name, phoff >= 0 && phoff + (long) phnum * phentsize <= image.length, 32,
                "program headers inside the file (offset " + phoff + ", " + phnum + " entries)");
        long lowest = Long.MAX_VALUE, highest = 0;
        int loaded = 0;
        for (int i = 0; i < phnum; i++) {
            int ph = (int) phoff + i * phentsize;
            if (b.getInt(ph) != PT_LOAD) continue;
            long offset = b.getLong(ph + 8);
            long paddr = b.getLong(ph + 24);
            long filesz = b.getLong(ph + 32);
            long memsz = b.getLong(ph + 40);
            // offset + filesz can overflow a long: compare without adding
            expect(name, offset >= 0 && filesz >= 0 && offset <= image.length && filesz <= image.length - offset, ph + 8,
                    "segment " + i + " inside the file (offset " + offset + ", size " + filesz + ")");
            expect(name, memsz >= filesz, ph + 40, "segment " + i + " memsz >= filesz");
            if (memsz > 0 && bus.ramAt(paddr).filter(r -> r.contains(paddr, (int) Math.min(memsz, Integer.MAX_VALUE))).isEmpty()) {
                throw new IllegalArgumentException(String.format("%s: at offset %d: segment %d [0x%x..0x%x) does not fit in the board's RAM",
                        name, ph, i, paddr, paddr + memsz));
            }
            write(name, bus, paddr, image, (int) offset, (int) filesz);
            for (long k = filesz; k < memsz; k++) bus.write(paddr + k, 1, 0);
            lowest = Math.min(lowest, paddr);
            highest = Math.max(highest, paddr + memsz);
            loaded++;
        }
        expect(name, loaded > 0, 32, "at least one PT_LOAD program header");
        return new LoadedImage(entry, lowest, highest, true);
    }

    private static void write(String name, PhysicalBus bus, long address, byte[] data, int from, int length) {
        if (length == 0) return;
        if (bus.ramAt(address).filter(r -> r.contains(address, length)).isEmpty()) {
            throw new IllegalArgumentException(String.format("%s: %d bytes at 0x%x do not fit in the board's RAM", name, length, address));
        }
        for (int i = 0; i < length; i++) bus.write(address + i, 1, data[from + i]);
    }

    private static void expect(String name, boolean condition, long offset, String what) {
        if (!condition) throw new IllegalArgumentException(String.format("%s: at offset %d: expected %s", name, offset, what));
    }
}
