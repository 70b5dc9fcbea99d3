package dev.warden.emulator.devices.virtio;

import dev.warden.emulator.bus.MmioDevice;

/**
 * QEMU virt's virtio-mmio transports (0x200 bytes apart, 32 of them at 0x0a000000) with nothing
 * plugged in: each answers the magic "virt", version 1 (QEMU's legacy transports), device ID 0
 * (no device) and the vendor "QEMU"; everything else reads as zero and writes are ignored. A
 * driver's probe sees what it sees on QEMU: an empty slot, which it leaves alone.
 */
public final class VirtioMmioTransports implements MmioDevice {

    /** Where plain {@code -M virt} puts them and how much room the 32 transports take. */
    public static final long QEMU_VIRT_BASE = 0x0a000000L;
    public static final long QEMU_VIRT_SIZE = 32 * 0x200;
    public static final long TRANSPORT_SIZE = 0x200;

    public static final long MAGIC_VALUE = 0x74726976L; // "virt"
    private static final long LEGACY_VERSION = 1;
    private static final long VENDOR_QEMU = 0x554d4551L; // "QEMU"

    @Override
    public long read(long offset, int size) {
        long bits = size == 8 ? -1L : (1L << (8 * size)) - 1;
        long register = offset % TRANSPORT_SIZE;
        long word = switch ((int) (register & ~3)) {
            case 0x000 -> MAGIC_VALUE;
            case 0x004 -> LEGACY_VERSION;
            case 0x00c -> VENDOR_QEMU;
            default -> 0;
        };
        return (word >>> (8 * (register & 3))) & bits;
    }

    @Override
    public void write(long offset, int size, long value) {
        // No device behind the transport: nothing to configure.
    }
}
