package dev.warden.emulator.run;

import dev.warden.emulator.bus.MmioDevice;

/**
 * The ECAM window of QEMU virt's PCIe host (0x4010000000, 256 buses) as a bare-metal scan sees it
 * with QEMU's defaults: 00:00.0 is the host bridge (1b36:0008, class 0x0600) and 00:01.0 the
 * default network card (virtio-net, 1af4:1000, class 0x0200). Only their identification dwords
 * are modeled (no BARs, no capabilities); every other function reads as all ones, which is how
 * PCI says "nothing here". Writes are ignored.
 */
public final class PcieIdentityHost implements MmioDevice {

    public static final long ECAM_BASE = 0x4010000000L;
    public static final long ECAM_SIZE = 0x10000000L;
    private static final long FUNCTION_SIZE = 0x1000;

    /** {vendor | device << 16, class code << 8 | revision}, by bus-0 device number. */
    private static final long[][] DEVICES = {
        {0x00081b36L, 0x06000000L},
        {0x10001af4L, 0x02000000L},
    };

    @Override
    public long read(long offset, int size) {
        if (size == 8) return read(offset, 4) | read(offset + 4, 4) << 32;
        long bits = (1L << (8 * size)) - 1;
        long function = offset / FUNCTION_SIZE;
        int device = (int) (function >>> 3);
        if (function >= 256 || (function & 7) != 0 || device >= DEVICES.length) return bits;
        int dword = (int) (offset % FUNCTION_SIZE) & ~3;
        long value = dword == 0x00 ? DEVICES[device][0] : dword == 0x08 ? DEVICES[device][1] : 0;
        return (value >>> (8 * (offset & 3))) & bits;
    }

    @Override
    public void write(long offset, int size, long value) {
        // Nothing here is configurable.
    }
}
