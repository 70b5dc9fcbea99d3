package dev.warden.hypervisor.core;

import java.util.List;

/**
 * What differs between the Jailhouse releases Warden speaks: the version banner, the order and
 * names of the units initialised at enable, the size of the hypervisor core (which sets the page
 * pool) and of the structures the pool holds ({@link PoolFootprint}), the ivshmem connection
 * message, and the root kernel's virtual-PCI lines.
 */
public enum Personality {
    /** Upstream master (v0.12 and later, configuration revision 14). */
    UPSTREAM("v0.12 (324-ge57d1eff)", List.of("irqchip", "ARM SMMU v3", "PVU IOMMU", "ARM SMMU", "PCI"), 30, false,
            PoolFootprint.UPSTREAM),
    /** TI's ti2019.03 fork behind the Processor SDK demo (shared/seed). */
    TI_V010("v0.10 (152-g6dce20f)", List.of("irqchip", "PVU IOMMU", "ARM SMMU v3", "PCI", "regmap"), 33, true,
            PoolFootprint.TI_V010);

    private final String version;
    private final List<String> units;
    private final int corePages;
    private final boolean tiFork;
    private final PoolFootprint footprint;

    Personality(String version, List<String> units, int corePages, boolean tiFork, PoolFootprint footprint) {
        this.version = version;
        this.units = units;
        this.corePages = corePages;
        this.tiFork = tiFork;
        this.footprint = footprint;
    }

    public String version() { return version; }

    /** Unit names in the order "Initializing unit: ..." prints them. */
    public List<String> units() { return units; }

    /** Pages of hypervisor memory the core image and its bss take before the page pool starts. */
    public int corePages() { return corePages; }

    /** Sizes of what the page pool holds, and how this release uses huge pages. */
    public PoolFootprint footprint() { return footprint; }

    /** TI's fork prints one line per ivshmem connection and warns about the vPCI overlay. */
    public boolean tiFork() { return tiFork; }

    public static Personality parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "upstream", "v0.12", "current", "master" -> UPSTREAM;
            case "ti", "ti-v0.10", "v0.10", "ti2019.03" -> TI_V010;
            default -> throw new IllegalArgumentException("unknown Jailhouse personality '" + text
                    + "' (expected upstream or ti-v0.10)");
        };
    }
}
