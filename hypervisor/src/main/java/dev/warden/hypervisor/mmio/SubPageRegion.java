package dev.warden.hypervisor.mmio;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.config.MemoryRegion;

/**
 * A memory region that is not page aligned: never mapped, every access checked against the
 * region's READ/WRITE flags, its access-width flags (IO_8..IO_64) and alignment (IO_UNALIGNED),
 * then performed on the device (jailhouse-facts §4.9).
 */
public final class SubPageRegion implements MmioHandler {

    static final long READ = 0x1;
    static final long WRITE = 0x2;
    static final long IO_UNALIGNED = 0x8000;
    static final int IO_WIDTH_SHIFT = 16;

    private final MemoryRegion region;
    private final MemoryAccess bus;

    public SubPageRegion(MemoryRegion region, MemoryAccess bus) {
        this.region = region;
        this.bus = bus;
    }

    @Override
    public MmioResult handle(MmioAccess a) {
        long offset = a.address() - region.virt();
        long phys = region.phys() + offset;
        boolean permitted = region.has(a.isWrite() ? WRITE : READ)
                && (region.flags() & ((long) a.size() << IO_WIDTH_SHIFT)) != 0
                && (offset % a.size() == 0 || region.has(IO_UNALIGNED));
        if (!permitted) {
            return MmioResult.forbidden(String.format("FATAL: Invalid MMIO %s, address: %x, size: %x",
                    a.direction(), phys, a.size()));
        }
        if (a.isWrite()) bus.write(phys, a.size(), a.value());
        else a.value(bus.read(phys, a.size()));
        return MmioResult.HANDLED;
    }
}
