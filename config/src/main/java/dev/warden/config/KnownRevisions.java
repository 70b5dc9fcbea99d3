package dev.warden.config;

/** What each configuration revision number means, for error messages about unknown ones. */
final class KnownRevisions {
    private KnownRevisions() {
    }

    static String release(int revision) {
        switch (revision) {
            case 9: return "upstream development between v0.9 and v0.10 (2018), never released";
            case 10: return "Jailhouse v0.10 and v0.11";
            case 11: return "upstream master July-August 2019, never released";
            case 12: return "Jailhouse v0.12 and TI's ti2019.x fork";
            case 13: return "upstream master June 2020 - January 2023, never released";
            case 14: return "Jailhouse master since January 2023";
            default:
                if (revision < 9) {
                    return "Jailhouse releases before v0.10";
                }
                return "no Jailhouse release known to Warden (newer than master?)";
        }
    }

    static String describeUnsupported(int revision) {
        return "configuration revision " + revision + " is not supported (" + release(revision)
                + "); Warden reads 10 (v0.10, v0.11), 12 (v0.12 or TI ti2019.x) and 14 (master)";
    }
}
