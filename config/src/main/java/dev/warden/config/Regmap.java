package dev.warden.config;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * TI fork only: struct jailhouse_regmap (49 bytes, packed) grants single registers of a shared
 * register block: bit r of the 256-bit bitmap = register at {@code regBase + r * regSize}.
 */
public record Regmap(long regBase, int regCount, int regSize, int flags, List<Integer> regBitmap) {
    public static final int SIZE = 49;

    public Regmap {
        if (regBitmap.size() != 8) {
            throw new IllegalArgumentException("reg_bitmap has 8 words, not " + regBitmap.size());
        }
        regBitmap = List.copyOf(regBitmap);
    }

    public static Regmap of(long regBase, int regCount, int regSize, int flags, Iterable<Integer> registers) {
        int[] words = new int[8];
        for (int r : registers) {
            if (r < 0 || r >= 256) {
                throw new IllegalArgumentException("register " + r + " is outside 0..255");
            }
            words[r / 32] |= 1 << (r % 32);
        }
        return new Regmap(regBase, regCount, regSize, flags, List.of(words[0], words[1], words[2], words[3],
                words[4], words[5], words[6], words[7]));
    }

    public SortedSet<Integer> registers() {
        SortedSet<Integer> out = new TreeSet<>();
        for (int w = 0; w < 8; w++) {
            for (int b = 0; b < 32; b++) {
                if ((regBitmap.get(w) >>> b & 1) != 0) {
                    out.add(32 * w + b);
                }
            }
        }
        return out;
    }
}
