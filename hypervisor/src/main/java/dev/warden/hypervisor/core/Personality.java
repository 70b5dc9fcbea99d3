package dev.warden.hypervisor.core;

import dev.warden.config.JailhouseRelease;
import java.util.List;

/**
 * What differs in the hypervisor between the Jailhouse releases Warden speaks: the version banner
 * and the order and names of the units initialised at enable. The hypervisor learns its release
 * from the image the driver loaded (its version string), as the real image is one release.
 */
public enum Personality {
    UPSTREAM(JailhouseRelease.UPSTREAM, List.of("irqchip", "ARM SMMU v3", "ARM SMMU", "PVU IOMMU", "PCI")),
    TI_V010(JailhouseRelease.TI_V010, List.of("irqchip", "PVU IOMMU", "ARM SMMU v3", "PCI", "regmap"));

    private final JailhouseRelease release;
    private final List<String> units;

    Personality(JailhouseRelease release, List<String> units) {
        this.release = release;
        this.units = units;
    }

    public JailhouseRelease release() { return release; }

    public String version() { return release.version(); }

    /** Unit names in the order "Initializing unit: ..." prints them. */
    public List<String> units() { return units; }

    /** TI's fork prints one line per ivshmem connection and has the regmap unit. */
    public boolean tiFork() { return release.tiFork(); }

    public static Personality of(JailhouseRelease release) {
        for (Personality p : values()) if (p.release == release) return p;
        throw new IllegalArgumentException("no personality for " + release);
    }

    /** The release whose banner the hypervisor image names; upstream if none matches. */
    public static Personality ofImageVersion(String version) {
        return of(JailhouseRelease.ofVersion(version));
    }
}
