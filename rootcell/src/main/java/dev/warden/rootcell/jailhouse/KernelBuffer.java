package dev.warden.rootcell.jailhouse;

import dev.warden.rootcell.linux.LinuxModel;

/**
 * The kernel buffer the driver copies a cell configuration into before passing its physical
 * address to CELL_CREATE (the driver's kmalloc and copy_from_user): a fixed spot in the root
 * kernel's own RAM, which no cell configuration takes from the root cell.
 */
final class KernelBuffer {

    /** Where the modeled kernel's heap lies: 32 MiB into the first RAM bank. */
    static final long HEAP_OFFSET = 0x2000000;

    private final LinuxModel linux;

    KernelBuffer(LinuxModel linux) {
        this.linux = linux;
    }

    /** Copies {@code data} into the buffer through the kernel's memory path; returns its physical address. */
    long copyIn(byte[] data) {
        long at = linux.ramStart() + HEAP_OFFSET;
        for (int i = 0; i < data.length; i++) linux.memory().write(at + i, 1, data[i] & 0xff);
        return at;
    }

    /** kfree: nothing to undo, the next call overwrites the buffer. */
    void free() {
    }
}
