package dev.warden.emulator.devices.gic;

import dev.warden.emulator.bus.MmioDevice;

/**
 * The redistributor region: one 128 KiB pair of frames per CPU, in CPU order (RD_base with
 * CTLR, TYPER and WAKER; SGI_base with the SGI/PPI state at the distributor's offsets).
 */
public final class GicRedistributors implements MmioDevice {

    static final int FRAME = 0x20000;
    static final int SGI_BASE = 0x10000;
    static final int CTLR = 0x0000, IIDR = 0x0004, TYPER = 0x0008, WAKER = 0x0014, PIDR2 = 0xffe8;

    private final GicV3 gic;

    GicRedistributors(GicV3 gic) {
        this.gic = gic;
    }

    /** Bytes the region spans on the bus. */
    public long size() { return (long) FRAME * gic.cpuCount(); }

    @Override
    public long read(long offset, int size) {
        GicCpuInterface cpu = frameOwner(offset);
        if (cpu == null) return 0;
        int off = (int) (offset % FRAME);
        if (off >= SGI_BASE) {
            int sgiOff = off - SGI_BASE;
            return InterruptRegisters.covers(sgiOff) ? InterruptRegisters.read(sgiOff, size, cpu::privateOrNull) : 0;
        }
        switch (off) {
            case CTLR: return 0;
            case IIDR: return 0x0300043bL;
            case TYPER: {
                long value = typer(cpu);
                return size == 8 ? value : value & 0xffffffffL;
            }
            case TYPER + 4: return typer(cpu) >>> 32;
            case WAKER: return cpu.waker;
            case PIDR2: return 0x3b;
            default: return 0;
        }
    }

    @Override
    public void write(long offset, int size, long value) {
        GicCpuInterface cpu = frameOwner(offset);
        if (cpu == null) return;
        int off = (int) (offset % FRAME);
        if (off >= SGI_BASE) {
            int sgiOff = off - SGI_BASE;
            if (InterruptRegisters.covers(sgiOff)) InterruptRegisters.write(sgiOff, size, value, cpu::privateOrNull, true);
        } else if (off == WAKER) {
            // ChildrenAsleep follows ProcessorSleep at once: there is no power-down sequence to wait for.
            cpu.waker = ((value & 2) != 0) ? 6 : 0;
        }
        gic.update();
    }

    private GicCpuInterface frameOwner(long offset) {
        int index = (int) (offset / FRAME);
        return index < gic.cpuCount() ? gic.cpuInterface(index) : null;
    }

    /** Affinity, processor number, Last, and the LPI bits QEMU reports (PLPIS, CommonLPIAff). */
    private long typer(GicCpuInterface cpu) {
        long affinity = cpu.affinity();
        long aff32 = (affinity & 0xffffffL) | ((affinity >>> 32) & 0xff) << 24;
        boolean last = cpu.index() == gic.cpuCount() - 1;
        return aff32 << 32 | 1L << 24 | (long) cpu.index() << 8 | (last ? 1L << 4 : 0) | 1;
    }
}
