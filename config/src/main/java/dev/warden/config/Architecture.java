package dev.warden.config;

import java.util.Locale;

/**
 * The architecture byte of a revision-14 configuration (JAILHOUSE_X86, _ARM, _ARM64). Every one
 * is a valid configuration to decode, encode, convert and check; only running a cell on Warden's
 * arm64 boards needs arm64 (or arm for a 32-bit cell's own header, which the hypervisor may refuse).
 */
public enum Architecture {
    X86(0, "x86"),
    ARM(1, "arm"),
    ARM64(2, "arm64");

    private final int code;
    private final String label;

    Architecture(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() { return code; }

    public String label() { return label; }

    public static java.util.Optional<Architecture> ofCode(int code) {
        for (Architecture a : values()) if (a.code == code) return java.util.Optional.of(a);
        return java.util.Optional.empty();
    }

    /** As the YAML form writes it: x86, arm or arm64. */
    public static java.util.Optional<Architecture> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Architecture a : values()) if (a.label.equals(t)) return java.util.Optional.of(a);
        return java.util.Optional.empty();
    }
}
