package dev.warden.config.create;

import java.util.Locale;

/** A physical range [start, start + size), as the command line gives it ("ADDR,SIZE", hex or decimal). */
public record AddressRange(long start, long size) {

    public static final long PAGE = 0x1000;

    public long end() {
        return start + size;
    }

    public boolean overlaps(AddressRange o) {
        return size > 0 && o.size > 0 && start < o.end() && o.start < end();
    }

    public boolean contains(AddressRange o) {
        return o.start >= start && o.end() <= end();
    }

    public boolean pageAligned() {
        return start % PAGE == 0 && size % PAGE == 0;
    }

    /** The pages the range touches: start rounded down, end rounded up to 4 KiB. */
    public AddressRange pages() {
        long s = start & ~(PAGE - 1);
        long e = (end() + PAGE - 1) & ~(PAGE - 1);
        return new AddressRange(s, e - s);
    }

    /**
     * Parses {@code ADDR,SIZE}; {@code option} names the command-line option in the message of an
     * {@link IllegalArgumentException}.
     */
    public static AddressRange parse(String text, String option) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException(option + " " + text + ": expected ADDR,SIZE (e.g. 0x8dfc00000,0x400000)");
        }
        long start = number(parts[0], option, text);
        long size = number(parts[1], option, text);
        if (size <= 0) throw new IllegalArgumentException(option + " " + text + ": the size must be above 0");
        return new AddressRange(start, size);
    }

    private static long number(String s, String option, String text) {
        String t = s.trim().replace("_", "").toLowerCase(Locale.ROOT);
        try {
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + text + ": '" + s.trim() + "' is not a number (decimal or 0x-hex)");
        }
    }

    @Override
    public String toString() {
        return String.format("0x%x..0x%x", start, end() - 1);
    }
}
