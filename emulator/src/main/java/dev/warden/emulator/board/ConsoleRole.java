package dev.warden.emulator.board;

/** The part a serial line plays on the desk: the root Linux, the inmate, the hypervisor's debug output. */
public enum ConsoleRole {
    PRIMARY, SECONDARY, HYPERVISOR;

    public static ConsoleRole parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "primary", "root", "root cell" -> PRIMARY;
            case "secondary", "inmate" -> SECONDARY;
            case "hypervisor", "hypervisor debug" -> HYPERVISOR;
            default -> throw new IllegalArgumentException("unknown console '" + text
                    + "' (expected primary, secondary or hypervisor)");
        };
    }
}
