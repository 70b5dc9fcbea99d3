package dev.warden.rootcell.jailhouse;

import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code jailhouse cell linux} puts the device tree, the kernel and the initramfs for an
 * arm64 cell, with the real tool's arithmetic: it wants one RAM region large enough for all of
 * them with generous room (the kernel's file size five times over when an initramfs follows it,
 * as a kernel may need more memory than its file), puts the tree at the region's start (2 pages
 * in when the region starts at 0, where the loader may sit), the kernel at the next 2 MiB
 * boundary plus its text_offset, and the initramfs after the room it left for the kernel.
 */
record LinuxPlacement(MemoryRegion ram, long dtb, long kernel, long initrd) {

    static final long MEM_READ = 0x1, MEM_WRITE = 0x2, MEM_EXECUTE = 0x4, MEM_DMA = 0x8, MEM_IO = 0x10,
            MEM_COMM_REGION = 0x20, MEM_ROOTSHARED = 0x80;
    /** The flags the tool looks at to tell RAM, and what they must be. */
    static final long RAM_MASK = MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA | MEM_IO | MEM_COMM_REGION | MEM_ROOTSHARED;
    static final long RAM_FLAGS = MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA;
    static final long KERNEL_ALIGNMENT = 0x200000;
    static final long PAGE = 0x1000;

    /**
     * @param textOffset  the Image header's text_offset
     * @param initrdBytes the initramfs's size, or -1 without one
     * @return empty when no RAM region is large enough ("No space found to load all images")
     */
    static Optional<LinuxPlacement> of(CellConfig cell, long kernelBytes, long textOffset, long dtbBytes, long initrdBytes) {
        long kernelSize = pageAlign(kernelBytes);
        long needed = textOffset + kernelSize + KERNEL_ALIGNMENT;
        if (initrdBytes >= 0) {
            needed += kernelSize * 4;
            kernelSize *= 5;
        }
        long dtbSize = pageAlign(dtbBytes) + PAGE; // a page to grow in
        needed += dtbSize + 2 * PAGE;             // and two in case the loader shares the region
        for (MemoryRegion r : ramRegions(cell)) {
            if (Long.compareUnsigned(r.size(), needed) < 0) continue;
            long dtb = r.virt() == 0 ? 2 * PAGE : r.virt();
            long kernel = align(dtb + dtbSize, KERNEL_ALIGNMENT) + textOffset;
            return Optional.of(new LinuxPlacement(r, dtb, kernel, kernel + kernelSize));
        }
        return Optional.empty();
    }

    /** The cell's RAM as the tool tells it from other memory. */
    static List<MemoryRegion> ramRegions(CellConfig cell) {
        return cell.memoryRegions().stream().filter(r -> (r.flags() & RAM_MASK) == RAM_FLAGS).toList();
    }

    private static long pageAlign(long v) {
        return align(v, PAGE);
    }

    private static long align(long v, long to) {
        return (v + to - 1) & -to;
    }
}
