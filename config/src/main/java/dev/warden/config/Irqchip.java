package dev.warden.config;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * struct jailhouse_irqchip (32 bytes): grants the interrupts
 * {@code pinBase + 32*word + bit} for every set bit of the four bitmap words.
 */
public record Irqchip(long address, int id, int pinBase, List<Integer> pinBitmap) {
    public static final int PINS = 128;

    public Irqchip {
        if (pinBitmap.size() != 4) {
            throw new IllegalArgumentException("pin_bitmap has 4 words, not " + pinBitmap.size());
        }
        pinBitmap = List.copyOf(pinBitmap);
    }

    /** Builds the bitmap from interrupt IDs, each in [pinBase, pinBase + 128). */
    public static Irqchip of(long address, int id, int pinBase, Iterable<Integer> interrupts) {
        int[] words = new int[4];
        for (int irq : interrupts) {
            int pin = irq - pinBase;
            if (pin < 0 || pin >= PINS) {
                throw new IllegalArgumentException("interrupt " + irq + " is outside " + pinBase + ".."
                        + (pinBase + PINS - 1) + " (pin-base + 128)");
            }
            words[pin / 32] |= 1 << (pin % 32);
        }
        return new Irqchip(address, id, pinBase, List.of(words[0], words[1], words[2], words[3]));
    }

    /**
     * The interrupt IDs this entry grants, ascending. The pin base is the format's unsigned 32-bit
     * field; IDs beyond {@link CpuSet#MAX_INDEX} (no GIC has them, and the hypervisor refuses such a
     * pin base) are left out, so that a damaged entry never yields negative or huge IDs;
     * {@link #pinBitmap()} keeps the words as they are.
     */
    public SortedSet<Integer> interrupts() {
        SortedSet<Integer> out = new TreeSet<>();
        long base = pinBase & 0xffffffffL;
        for (int w = 0; w < 4; w++) {
            int word = pinBitmap.get(w);
            for (int b = 0; b < 32; b++) {
                long id = base + 32L * w + b;
                if ((word >>> b & 1) != 0 && id <= CpuSet.MAX_INDEX) {
                    out.add((int) id);
                }
            }
        }
        return out;
    }
}
