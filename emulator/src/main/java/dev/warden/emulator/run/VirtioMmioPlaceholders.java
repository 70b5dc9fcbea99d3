package dev.warden.emulator.run;

import dev.warden.emulator.bus.MmioDevice;

/**
 * The virtio-mmio transports of QEMU's virt board (32 of them, 0x200 bytes apart) with nothing
 * plugged in: each answers the magic "virt", legacy version 1, device ID 0 (no device) and the
 * vendor "QEMU"; everything else reads as zero and writes are ignored. Probing code sees what it
 * sees on QEMU.
 */
public final class VirtioMmioPlaceholders implements MmioDevice {

    public static final long BASE = 0x0a000000L;
    public static final long SIZE = 32 * 0x200;

    @Override
    public long read(long offset, int size) {
        switch ((int) (offset & 0x1ff)) {
            case 0x000: return 0x74726976L; // "virt"
            case 0x004: return 1;
            case 0x00c: return 0x554d4551L; // "QEMU"
            default: return 0;
        }
    }

    @Override
    public void write(long offset, int size, long value) {
        // No device behind the transport: nothing to configure.
    }
}
