package dev.warden.config;

import java.util.ArrayList;
import java.util.List;

/** Jailhouse v0.12 (revision 12): GIC bases at 90, 28-byte IOMMU units at 130, root at 354. */
final class Rev12Layout extends ConfigLayout {
    @Override
    ConfigFormat format() {
        return ConfigFormat.REV12;
    }

    @Override
    int cellDescSize() {
        return 132;
    }

    @Override
    int systemSize() {
        return 486;
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
        long[] gic = decodeOldGic(r);
        List<IommuUnit> units = new ArrayList<>();
        for (int i = 0; i < PlatformInfo.MAX_IOMMU_UNITS; i++) {
            units.add(decodeUpstreamIommu(r));
        }
        return new PlatformInfo(mmconfig, endBus, isVirtual, domain, trimUnits(units), (int) gic[0], (int) gic[1],
                0, gic[2], gic[3], gic[4], gic[5], gic[6], RawBytes.EMPTY);
    }

    @Override
    void encodePlatform(LeWriter w, PlatformInfo p, String where) {
        if (p.reserved().length() > 0) {
            throw notInFormat(where, "the revision-10 reserved platform bytes");
        }
        w.u64(p.pciMmconfigBase()).u8(p.pciMmconfigEndBus()).u8(p.pciIsVirtual()).u16(p.pciDomain());
        encodeOldGic(w, p, where);
        for (int i = 0; i < PlatformInfo.MAX_IOMMU_UNITS; i++) {
            encodeUpstreamIommu(w, i < p.iommuUnits().size() ? p.iommuUnits().get(i) : IommuUnit.EMPTY,
                    where + ": iommu_units[" + i + "]");
        }
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
