package dev.warden.config;

import java.util.ArrayList;
import java.util.List;

/** Jailhouse master (revision 14): IOMMU units right after pci_domain, arm part at 312, root at 356. */
final class Rev14Layout extends ConfigLayout {
    @Override
    ConfigFormat format() {
        return ConfigFormat.REV14;
    }

    @Override
    int cellDescSize() {
        return 132;
    }

    @Override
    int systemSize() {
        return 488;
    }

    @Override
    boolean hasStreamIds() {
        return true;
    }

    @Override
    boolean hasRegmaps() {
        return false;
    }

    @Override
    boolean pioIsBitmap() {
        return false;
    }

    @Override
    PlatformInfo decodePlatform(LeReader r) {
        long mmconfig = r.u64();
        int endBus = r.u8();
        int isVirtual = r.u8();
        int domain = r.u16();
        List<IommuUnit> units = new ArrayList<>();
        for (int i = 0; i < PlatformInfo.MAX_IOMMU_UNITS; i++) {
            units.add(decodeUpstreamIommu(r));
        }
        int maint = r.u8();
        int version = r.u8();
        int padding = r.u16();
        return new PlatformInfo(mmconfig, endBus, isVirtual, domain, trimUnits(units), maint, version, padding,
                r.u64(), r.u64(), r.u64(), r.u64(), r.u64(), RawBytes.EMPTY);
    }

    @Override
    void encodePlatform(LeWriter w, PlatformInfo p, String where) {
        if (p.reserved().length() > 0) {
            throw notInFormat(where, "the revision-10 reserved platform bytes");
        }
        w.u64(p.pciMmconfigBase()).u8(p.pciMmconfigEndBus()).u8(p.pciIsVirtual()).u16(p.pciDomain());
        for (int i = 0; i < PlatformInfo.MAX_IOMMU_UNITS; i++) {
            encodeUpstreamIommu(w, i < p.iommuUnits().size() ? p.iommuUnits().get(i) : IommuUnit.EMPTY,
                    where + ": iommu_units[" + i + "]");
        }
        w.u8(p.maintenanceIrq()).u8(p.gicVersion()).u16(p.armPadding()).u64(p.gicdBase()).u64(p.giccBase())
                .u64(p.gichBase()).u64(p.gicvBase()).u64(p.gicrBase());
    }

    @Override
    PciDevice decodePciDevice(LeReader r) {
        return decodeModernPci(r);
    }

    @Override
    void encodePciDevice(LeWriter w, PciDevice d, String where) {
        encodeModernPci(w, d, where);
    }
}
