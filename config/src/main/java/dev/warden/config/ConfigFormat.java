package dev.warden.config;

import java.util.Locale;

/**
 * The binary layouts Warden reads and writes. The revision number alone is ambiguous: upstream
 * v0.12 and TI's ti2019.x fork both write 12 with different layouts.
 */
public enum ConfigFormat {
    /** Jailhouse v0.10 and v0.11 ("JHSYST"/"JHCELL", revision 10). */
    REV10(10, "10", "Jailhouse v0.10 and v0.11"),
    /** Jailhouse v0.12 ("JHSYST"/"JHCELL", revision 12). */
    REV12(12, "12", "Jailhouse v0.12"),
    /** TI's ti2019.x fork of v0.10 (says 12, own layout, regmaps). */
    TI12(12, "ti-12", "TI's ti-jailhouse ti2019.03 .. ti2020.00-rc4"),
    /** Jailhouse master since January 2023 ("JHSYS"/"JHCLL" + architecture byte, revision 14). */
    REV14(14, "14", "Jailhouse master (2023 onwards)");

    private final int revision;
    private final String label;
    private final String release;

    ConfigFormat(int revision, String label, String release) {
        this.revision = revision;
        this.label = label;
        this.release = release;
    }

    public int revision() {
        return revision;
    }

    /** The spelling used in YAML ({@code format:}) and on the command line ({@code --to}). */
    public String label() {
        return label;
    }

    public String release() {
        return release;
    }

    /** v0.10-era flag values: IO_UNALIGNED is 0x100, there is no NO_HUGEPAGES, no AARCH32. */
    public boolean legacyFlags() {
        return this == REV10 || this == TI12;
    }

    /** Parses {@code 10}, {@code 12}, {@code 14} or {@code ti-12} (also {@code ti}, {@code ti12}). */
    public static ConfigFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "10": return REV10;
            case "12": return REV12;
            case "14": return REV14;
            case "ti-12": case "ti12": case "ti": return TI12;
            default:
                throw new IllegalArgumentException("unknown configuration format '" + text
                        + "': expected 10, 12, ti-12 or 14");
        }
    }

    /** The upstream layout for a revision number; 12 means upstream v0.12. */
    public static ConfigFormat forRevision(int revision) {
        switch (revision) {
            case 10: return REV10;
            case 12: return REV12;
            case 14: return REV14;
            default: throw new IllegalArgumentException(KnownRevisions.describeUnsupported(revision));
        }
    }
}
