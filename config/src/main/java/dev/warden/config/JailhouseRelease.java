package dev.warden.config;

import java.util.Locale;

/**
 * The Jailhouse releases Warden speaks, as far as everyone sees them: the version banner, the
 * configuration layout their tools and driver take, and whether it is TI's fork (whose driver
 * compares six-byte signatures and whose messages differ here and there).
 */
public enum JailhouseRelease {
    /** Upstream master (v0.12 and later, configuration revision 14). */
    UPSTREAM("v0.12 (324-ge57d1eff)", "v0.12", ConfigFormat.REV14, false),
    /** TI's ti2019.03 fork behind the Processor SDK demo (shared/seed). */
    TI_V010("v0.10 (152-g6dce20f)", "v0.10", ConfigFormat.TI12, true);

    private final String version;
    private final String toolVersion;
    private final ConfigFormat format;
    private final boolean tiFork;

    JailhouseRelease(String version, String toolVersion, ConfigFormat format, boolean tiFork) {
        this.version = version;
        this.toolVersion = toolVersion;
        this.format = format;
        this.tiFork = tiFork;
    }

    /** The hypervisor's banner ("Initializing Jailhouse hypervisor VERSION on CPU n"). */
    public String version() { return version; }

    /**
     * What {@code jailhouse --version} prints after "Jailhouse management tool": the tools' own
     * version string, without the git description the hypervisor's banner carries (recording a-enable).
     */
    public String toolVersion() { return toolVersion; }

    /** The configuration layout this release's driver and hypervisor take. */
    public ConfigFormat configFormat() { return format; }

    public boolean tiFork() { return tiFork; }

    /** The release whose banner is {@code version}; upstream if none matches. */
    public static JailhouseRelease ofVersion(String version) {
        for (JailhouseRelease r : values()) if (r.version.equals(version)) return r;
        return UPSTREAM;
    }

    /** A release as users name it: upstream (master, current, v0.12) or ti-v0.10 (ti, v0.10, ti2019.03). */
    public static JailhouseRelease parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "upstream", "v0.12", "current", "master" -> UPSTREAM;
            case "ti", "ti-v0.10", "v0.10", "ti2019.03" -> TI_V010;
            default -> throw new IllegalArgumentException("unknown Jailhouse release '" + text
                    + "' (expected upstream or ti-v0.10)");
        };
    }
}
