package dev.warden.config.create;

import dev.warden.config.Irqchip;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Irqchip entries at the GIC distributor, on upstream's grid of 128-line blocks (pin_base 32, 160,
 * ..., 800). Interrupts 928..1019 fit only a block at 896 (pin_base + 128 must not pass 1024), which
 * would overlap the 800 block: they get it when nothing in 800..895 is granted, else they are left
 * out with a note (entries that overlap override each other's bitmaps).
 */
final class Irqchips {

    static final int LAST_ID = 1019;
    static final int HIGH_BASE = 896;
    static final int HIGH_FROM = 928;

    private Irqchips() {}

    /** Whole blocks for every block holding one of {@code used} (SPIs only), as root cells grant them. */
    static List<Irqchip> blocks(long gicd, BitSet used, List<String> notes) {
        BitSet granted = new BitSet();
        for (int i = used.nextSetBit(32); i >= 0 && i <= LAST_ID; i = used.nextSetBit(i + 1)) {
            int base = i >= HIGH_FROM ? HIGH_BASE : 32 + (i - 32) / Irqchip.PINS * Irqchip.PINS;
            granted.set(base, Math.min(base + Irqchip.PINS, LAST_ID + 1));
        }
        return exact(gicd, granted, notes);
    }

    /** Entries granting exactly {@code irqs} (SPIs only, within what the blocks can hold). */
    static List<Irqchip> exact(long gicd, BitSet irqs, List<String> notes) {
        BitSet left = irqs.get(0, LAST_ID + 1);
        left.clear(0, 32);
        boolean high = left.nextSetBit(HIGH_FROM) >= 0;
        boolean highBlock = high && left.get(800, HIGH_BASE).isEmpty();
        if (high && !highBlock) {
            BitSet dropped = left.get(HIGH_FROM, LAST_ID + 1);
            notes.add("interrupts " + dropped.stream().map(i -> i + HIGH_FROM).boxed().toList() + " are left out: above 927 "
                    + "they need an irqchip block at 896, which would overlap the block at 800 that others need");
            left.clear(HIGH_FROM, LAST_ID + 1);
        }
        List<Irqchip> out = new ArrayList<>();
        for (int base = 32; base < LAST_ID; base += Irqchip.PINS) {
            if (highBlock && base + Irqchip.PINS > HIGH_BASE) base = HIGH_BASE;
            BitSet block = left.get(base, base + Irqchip.PINS);
            if (!block.isEmpty()) {
                int from = base;
                out.add(Irqchip.of(gicd, 0, base, block.stream().map(p -> p + from).boxed().toList()));
            }
            if (base == HIGH_BASE) break;
        }
        return out;
    }
}
