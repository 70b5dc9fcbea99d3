package dev.warden.config;

import java.util.ArrayList;
import java.util.List;

/**
 * TI's ti2019.x fork ("12"): the v0.10 layout plus stream ids and regmaps in a 136-byte cell
 * descriptor, and 36-byte IOMMU units with TI's own type codes (one lower than upstream's) whose
 * PVU TLB fields sit 4 bytes later because the union members are naturally aligned.
 */
final class Ti12Layout extends ConfigLayout {
    static final int TI_IOMMU_SIZE = 36;

    @Override
    ConfigFormat format() {
        return ConfigFormat.TI12;
    }

    @Override
    int cellDescSize() {
        return 136;
    }

    @Override
    int systemSize() {
        return 554;
    }

    @Override
    boolean hasStreamIds() {
        return true;
    }

    @Override
    boolean hasRegmaps() {
        return true;
    }

    @Override
    boolean pioIsBitmap() {
        return true;
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
            units.add(decodeTiIommu(r));
        }
        return new PlatformInfo(mmconfig, endBus, isVirtual, domain, trimUnits(units), (int) gic[0], (int) gic[1],
                0, gic[2], gic[3], gic[4], gic[5], gic[6], RawBytes.EMPTY);
    }

    /** An all-zero slot is unused; otherwise TI's code + 1 is the upstream type. */
    private static IommuUnit decodeTiIommu(LeReader r) {
        int at = r.position();
        int tiType = r.u32();
        long base = r.u64();
        int size = r.u32();
        long lead = r.u32() & 0xffffffffL;
        long tlbBase = r.u64();
        int tlbSize = r.u32();
        long tail = r.u32() & 0xffffffffL;
        IommuUnit unit = new IommuUnit(tiType + 1, base, size, tlbBase, tlbSize, lead | tail << 32);
        boolean allZero = tiType == 0 && base == 0 && size == 0 && lead == 0 && tlbBase == 0 && tlbSize == 0
                && tail == 0;
        if (allZero) {
            return IommuUnit.EMPTY;
        }
        if (tiType < 0 || tiType > IommuUnit.TYPE_PVU - 1) {
            throw r.errorAt(at, "IOMMU unit type " + Integer.toUnsignedString(tiType) + " is none of TI's "
                    + "(0 AMD, 1 Intel, 2 SMMUv3, 3 PVU)");
        }
        return unit;
    }

    private static void encodeTiIommu(LeWriter w, IommuUnit u, String where) {
        if (u.isEmpty()) {
            w.zeros(TI_IOMMU_SIZE);
            return;
        }
        if (u.type() < 1 || u.type() > IommuUnit.TYPE_PVU) {
            throw new ConfigFormatException(where + ": IOMMU type " + IommuUnit.typeName(u.type())
                    + " has no TI code (TI knows AMD, Intel, SMMUv3, PVU)");
        }
        w.u32(u.type() - 1).u64(u.base()).u32(u.size()).u32((int) u.tiExtra()).u64(u.unionWord())
                .u32(u.unionTail()).u32((int) (u.tiExtra() >>> 32));
    }

    @Override
    void encodePlatform(LeWriter w, PlatformInfo p, String where) {
        if (p.reserved().length() > 0) {
            throw notInFormat(where, "the revision-10 reserved platform bytes");
        }
        w.u64(p.pciMmconfigBase()).u8(p.pciMmconfigEndBus()).u8(p.pciIsVirtual()).u16(p.pciDomain());
        encodeOldGic(w, p, where);
        for (int i = 0; i < PlatformInfo.MAX_IOMMU_UNITS; i++) {
            encodeTiIommu(w, i < p.iommuUnits().size() ? p.iommuUnits().get(i) : IommuUnit.EMPTY,
                    where + ": iommu_units[" + i + "]");
        }
    }

    @Override
    PciDevice decodePciDevice(LeReader r) {
        return decodeLegacyPci(r);
    }

    @Override
    void encodePciDevice(LeWriter w, PciDevice d, String where) {
        encodeLegacyPci(w, d, where);
    }
}
