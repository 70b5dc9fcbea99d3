package dev.warden.emulator.uboot;

/** Number formats U-Boot prints: sizes with binary prefixes, as in "2.1 MiB/s". */
final class UBootSizes {

    private static final char[] PREFIXES = {'E', 'P', 'T', 'G', 'M', 'K'};

    private UBootSizes() {}

    /** One decimal digit, rounded, and the digit left out when it is zero (U-Boot's print_size). */
    static String size(long bytes, String suffix) {
        int shift = 10 * PREFIXES.length;
        char prefix = 0;
        for (char p : PREFIXES) {
            if ((bytes >>> shift) != 0) {
                prefix = p;
                break;
            }
            shift -= 10;
        }
        if (prefix == 0) return bytes + " Bytes" + suffix;
        long whole = bytes >>> shift;
        long fraction = bytes & ((1L << shift) - 1);
        long tenth = 0;
        if (fraction != 0) {
            tenth = (10 * fraction + (1L << (shift - 1))) >>> shift;
            if (tenth >= 10) {
                tenth -= 10;
                whole++;
            }
        }
        return whole + (tenth != 0 ? "." + tenth : "") + " " + prefix + "iB" + suffix;
    }

    static long parseHex(String text) {
        String t = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        return Long.parseUnsignedLong(t, 16);
    }
}
