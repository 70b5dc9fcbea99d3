package dev.warden.emulator.devices.gic;

import java.util.function.IntFunction;

/**
 * The register layouts the distributor and the redistributors' SGI frame share: one bit, two
 * bits or one byte per interrupt, from a base offset. Offsets are those of GICD_*; the SGI frame
 * uses the same offsets for its interrupts 0..31.
 */
final class InterruptRegisters {

    private InterruptRegisters() { }

    static final int IGROUPR = 0x080, ISENABLER = 0x100, ICENABLER = 0x180, ISPENDR = 0x200, ICPENDR = 0x280,
            ISACTIVER = 0x300, ICACTIVER = 0x380, IPRIORITYR = 0x400, ICFGR = 0xc00;

    /** True when {@code offset} falls in one of the shared register arrays. */
    static boolean covers(int offset) {
        return offset >= IGROUPR && offset < 0x400 + 1020 || offset >= ICFGR && offset < ICFGR + 0x100;
    }

    static long read(int offset, int size, IntFunction<Interrupt> lookup) {
        if (offset >= IPRIORITYR && offset < IPRIORITYR + 1020) {
            long value = 0;
            for (int i = 0; i < size; i++) {
                Interrupt irq = lookup.apply(offset - IPRIORITYR + i);
                if (irq != null) value |= (long) irq.priority << (8 * i);
            }
            return value;
        }
        if (offset >= ICFGR && offset < ICFGR + 0x100) {
            int first = (offset - ICFGR) * 4;
            long value = 0;
            for (int i = 0; i < 16; i++) {
                Interrupt irq = lookup.apply(first + i);
                if (irq != null && irq.edge) value |= 2L << (2 * i);
            }
            return value;
        }
        int base = offset & ~0x7f;
        int first = (offset - base) * 8;
        long value = 0;
        for (int i = 0; i < 32; i++) {
            Interrupt irq = lookup.apply(first + i);
            if (irq == null) continue;
            boolean bit;
            switch (base) {
                case IGROUPR: bit = irq.group1; break;
                case ISENABLER: case ICENABLER: bit = irq.enabled; break;
                case ISPENDR: case ICPENDR: bit = irq.pending(); break;
                default: bit = irq.active; break;
            }
            if (bit) value |= 1L << i;
        }
        return value;
    }

    /** Writes; {@code sgiFrame} keeps SGI configuration read-only (always edge). */
    static void write(int offset, int size, long value, IntFunction<Interrupt> lookup, boolean sgiFrame) {
        if (offset >= IPRIORITYR && offset < IPRIORITYR + 1020) {
            for (int i = 0; i < size; i++) {
                Interrupt irq = lookup.apply(offset - IPRIORITYR + i);
                if (irq != null) irq.priority = (int) (value >>> (8 * i)) & 0xff;
            }
            return;
        }
        if (offset >= ICFGR && offset < ICFGR + 0x100) {
            int first = (offset - ICFGR) * 4;
            for (int i = 0; i < 16; i++) {
                Interrupt irq = lookup.apply(first + i);
                if (irq == null || (sgiFrame && irq.id < 16)) continue;
                irq.edge = ((value >>> (2 * i + 1)) & 1) != 0;
            }
            return;
        }
        int base = offset & ~0x7f;
        int first = (offset - base) * 8;
        for (int i = 0; i < 32; i++) {
            Interrupt irq = lookup.apply(first + i);
            if (irq == null) continue;
            boolean bit = ((value >>> i) & 1) != 0;
            switch (base) {
                case IGROUPR: irq.group1 = bit; break;
                case ISENABLER: if (bit) irq.enabled = true; break;
                case ICENABLER: if (bit) irq.enabled = false; break;
                case ISPENDR: if (bit) irq.pendingLatch = true; break;
                case ICPENDR: if (bit) irq.pendingLatch = false; break;
                case ISACTIVER: if (bit) irq.active = true; break;
                default: if (bit) irq.active = false; break;
            }
        }
    }
}
