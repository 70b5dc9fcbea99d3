package dev.warden.emulator.devices.gic;

import dev.warden.emulator.bus.MmioDevice;

/** The GICv3 distributor frame (GICD_*): SPI state, routing, and the global group enables. */
public final class GicDistributor implements MmioDevice {

    static final int CTLR = 0x0000, TYPER = 0x0004, IIDR = 0x0008, TYPER2 = 0x000c, IROUTER = 0x6000, PIDR2 = 0xffe8;
    /** RWP reads as 0 (writes take effect at once); ARE_NS and DS read as 1. */
    private static final int CTLR_FIXED = 1 << 4 | 1 << 6;

    private final GicV3 gic;

    GicDistributor(GicV3 gic) {
        this.gic = gic;
    }

    @Override
    public long read(long offset, int size) {
        int off = (int) offset;
        switch (off) {
            case CTLR: return gic.ctlr | CTLR_FIXED;
            case TYPER: return typer();
            case IIDR: return 0x0300043bL;
            case TYPER2: return 0;
            case PIDR2: return 0x3b;
            default: break;
        }
        if (off >= IROUTER + 32 * 8 && off < IROUTER + gic.interruptCount() * 8) {
            Interrupt irq = gic.spi((off - IROUTER) / 8);
            long value = irq.route;
            return (off & 4) != 0 ? value >>> 32 : size == 8 ? value : value & 0xffffffffL;
        }
        if (InterruptRegisters.covers(off)) return InterruptRegisters.read(off, size, gic::spi);
        return 0;
    }

    @Override
    public void write(long offset, int size, long value) {
        int off = (int) offset;
        if (off == CTLR) {
            gic.ctlr = (int) value & 3;
        } else if (off >= IROUTER + 32 * 8 && off < IROUTER + gic.interruptCount() * 8) {
            Interrupt irq = gic.spi((off - IROUTER) / 8);
            long mask = 0xff80ffffffL;
            if ((off & 4) != 0) irq.route = (irq.route & 0xffffffffL) | ((value << 32) & mask);
            else if (size == 8) irq.route = value & mask;
            else irq.route = (irq.route & ~0xffffffffL) | (value & mask & 0xffffffffL);
        } else if (InterruptRegisters.covers(off)) {
            InterruptRegisters.write(off, size, value, gic::spi, false);
        }
        gic.update();
    }

    /** As QEMU reports it: ITLinesNumber, LPIS, IDbits = 15, A3V, No1N. */
    private long typer() {
        return (gic.interruptCount() / 32 - 1) | 1L << 17 | 15L << 19 | 1L << 24 | 1L << 25;
    }
}
