package dev.warden.hypervisor.core;

import dev.warden.config.JailhouseRelease;
import java.util.List;

/**
 * What differs in the hypervisor between the Jailhouse releases Warden speaks: the version banner,
 * the order and names of the units initialised at enable, and the sizes of the structures the page
 * pool holds ({@link PoolFootprint}). The hypervisor learns its release from the image the driver
 * loaded (its version string), as the real image is one release; the core's size, which sets the
 * pool, is in the image's header.
 */
public enum Personality {
    UPSTREAM(JailhouseRelease.UPSTREAM, List.of("irqchip", "ARM SMMU v3", "ARM SMMU", "PVU IOMMU", "PCI"),
            PoolFootprint.UPSTREAM),
    TI_V010(JailhouseRelease.TI_V010, List.of("irqchip", "PVU IOMMU", "ARM SMMU v3", "PCI", "regmap"),
            PoolFootprint.TI_V010);

    private final JailhouseRelease release;
    private final List<String> units;
    private final PoolFootprint footprint;

    Personality(JailhouseRelease release, List<String> units, PoolFootprint footprint) {
        this.release = release;
        this.units = units;
        this.footprint = footprint;
    }

    public JailhouseRelease release() { return release; }

    public String version() { return release.version(); }

    /** Unit names in the order "Initializing unit: ..." prints them. */
    public List<String> units() { return units; }

    /** Sizes of what the page pool holds, and how this release uses huge pages. */
    public PoolFootprint footprint() { return footprint; }

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
