package dev.warden.rootcell.linux;

import java.util.Map;

/** Numbers with busybox's size suffixes, as head and dd take them ("2k", "1M", "512b"). */
final class Sizes {

    /** head's suffixes. */
    static final Map<String, Long> HEAD = Map.of("b", 512L, "k", 1024L, "m", 1024L * 1024);
    /** dd's suffixes. */
    static final Map<String, Long> DD = Map.of("c", 1L, "w", 2L, "b", 512L, "kB", 1000L, "k", 1024L, "K", 1024L,
            "MB", 1000L * 1000, "M", 1024L * 1024, "GB", 1000L * 1000 * 1000, "G", 1024L * 1024 * 1024);

    private Sizes() {}

    /** The value, or -1 when {@code text} is not a non-negative decimal number with one of the suffixes. */
    static long parse(String text, Map<String, Long> suffixes) {
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
        if (end == 0) return -1;
        long multiplier = 1;
        String suffix = text.substring(end);
        if (!suffix.isEmpty()) {
            Long m = suffixes.get(suffix);
            if (m == null) return -1;
            multiplier = m;
        }
        try {
            return Math.multiplyExact(Long.parseLong(text.substring(0, end)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }
}
