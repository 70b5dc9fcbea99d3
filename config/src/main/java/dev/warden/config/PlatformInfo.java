package dev.warden.config;

import java.util.List;

/**
 * The platform part of the system configuration (arm/arm64 view). {@code iommuUnits} lists the
 * unit slots up to the last non-empty one (the file always has 8). {@code armPadding} is the
 * revision-14 padding after gic_version; {@code reserved} the unused tail of the revision-10
 * arch union (bytes the x86 part would use).
 */
public record PlatformInfo(long pciMmconfigBase, int pciMmconfigEndBus, int pciIsVirtual, int pciDomain,
        List<IommuUnit> iommuUnits, int maintenanceIrq, int gicVersion, int armPadding, long gicdBase,
        long giccBase, long gichBase, long gicvBase, long gicrBase, RawBytes reserved) {
    public static final int MAX_IOMMU_UNITS = 8;

    public PlatformInfo {
        iommuUnits = List.copyOf(iommuUnits);
        if (iommuUnits.size() > MAX_IOMMU_UNITS) {
            throw new IllegalArgumentException("at most 8 IOMMU units, not " + iommuUnits.size());
        }
    }

    /** The units the hypervisor uses: the leading run whose base is not 0. */
    public List<IommuUnit> activeIommuUnits() {
        int n = 0;
        while (n < iommuUnits.size() && iommuUnits.get(n).base() != 0) {
            n++;
        }
        return iommuUnits.subList(0, n);
    }

    /** Size of the PCI MMCONFIG window: (end_bus + 1) buses of 256 functions x 4 KiB. */
    public long pciMmconfigSize() {
        return (pciMmconfigEndBus + 1L) * 256 * 4096;
    }
}
