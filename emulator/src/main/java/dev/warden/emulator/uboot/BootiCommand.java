package dev.warden.emulator.uboot;

import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.emulator.bus.Ram;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code booti KERNEL_ADDR INITRD|- FDT_ADDR}: checks the arm64 Image header, places the Image at
 * its 2 MiB-aligned base plus text_offset, relocates the device tree to the top of the first RAM
 * bank, writes {@code /chosen/bootargs} into it, prints what U-Boot prints and hands over.
 */
final class BootiCommand implements UBootCommand {

    static final int ARM64_IMAGE_MAGIC = 0x644d5241; // "ARM\x64", little-endian at offset 0x38
    private static final long TWO_MIB = 2L << 20;
    private static final long FDT_PAD = 0x3000;

    @Override
    public int run(UBoot u, List<String> a) {
        if (a.size() < 4) {
            u.print("Usage:\nbooti [addr [initrd[:size]] [fdt]]\n");
            return 1;
        }
        var bus = u.board().bus();
        long image = UBootSizes.parseHex(a.get(1));
        long fdtAddr = UBootSizes.parseHex(a.get(3));
        byte[] header = GuestRam.read(bus, image, 64);
        if (le32(header, 0x38) != ARM64_IMAGE_MAGIC) {
            u.print("Bad Linux ARM64 Image magic!\n");
            return 1;
        }
        long textOffset = le64(header, 0x08);
        long imageSize = le64(header, 0x10);
        long flags = le64(header, 0x18);
        long firstBank = u.board().profile().ram().get(0).base();
        long dest = (((flags & 0x8) != 0 ? image : firstBank) + TWO_MIB - 1) / TWO_MIB * TWO_MIB + textOffset;
        if (dest != image) {
            u.print(String.format("Moving Image from 0x%x to 0x%x, end=%x\n", image, dest, dest + imageSize));
            GuestRam.write(bus, dest, GuestRam.read(bus, image, (int) imageSize));
        }
        long claimed = Math.min(Math.max(GuestRam.be32(bus, fdtAddr + 4), 0x28), 16L << 20);
        FdtBlob fdt = FdtBlob.load(GuestRam.read(bus, fdtAddr, (int) claimed), "fdt");
        if (fdt.headerError() != null) {
            u.print("ERROR: Did not find a cmdline Flattened Device Tree\nCould not find a valid device tree\n");
            return 1;
        }
        u.print(String.format("## Flattened Device Tree blob at %08x\n", fdtAddr));
        u.print(String.format("   Booting using the fdt blob at 0x%x\n", fdtAddr));
        int size = (int) fdt.totalSize();
        // boot_relocate_fdt: fdt_open_into a buffer with CONFIG_SYS_FDT_PAD of room for fixups
        fdt = FdtBlob.load(GuestRam.read(bus, fdtAddr, size), "fdt").openInto((int) (size + FDT_PAD));
        setBootargs(fdt, u.environment().getOrEmpty("bootargs"));
        Ram bank = u.board().profile().ram().isEmpty() ? null
                : bus.ramAt(firstBank).orElse(null);
        long top = Math.min(bank == null ? fdtAddr : bank.base() + bank.size(), 0x1_0000_0000L) - 0x2000000L;
        long relocated = (top - fdt.capacity()) & ~0xfffL;
        GuestRam.write(bus, relocated, fdt.buffer());
        u.print(String.format("   Loading Device Tree to %016x, end %016x ... OK\n", relocated, relocated + fdt.capacity() - 1));
        u.print("\nStarting kernel ...\n\n");
        u.handOff(new KernelHandoff(dest, imageSize, relocated, fdt.capacity()));
        return 0;
    }

    private static void setBootargs(FdtBlob fdt, String bootargs) {
        int chosen = fdt.pathOffset("/chosen");
        if (chosen < 0) chosen = fdt.addSubnode(0, "chosen");
        if (chosen >= 0 && !bootargs.isEmpty()) {
            byte[] value = (bootargs + "\0").getBytes(StandardCharsets.ISO_8859_1);
            fdt.setProp(chosen, "bootargs", value);
        }
    }

    private static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    private static long le64(byte[] b, int off) {
        return le32(b, off) | le32(b, off + 4) << 32;
    }
}
