package dev.warden.config;

import java.util.List;

/**
 * Jailhouse v0.10/v0.11 (revision 10): 128-byte cell descriptor without stream ids, a PIO bitmap,
 * no arm IOMMU units; the arch union is sized by its x86 member, so 136 bytes after the GIC
 * bases are unused on arm and kept verbatim.
 */
final class Rev10Layout extends ConfigLayout {
    static final int RESERVED_PLATFORM_BYTES = 136;

    @Override
    ConfigFormat format() {
        return ConfigFormat.REV10;
    }

    @Override
    int cellDescSize() {
        return 128;
    }

    @Override
    int systemSize() {
        return 394;
    }

    @Override
    boolean hasStreamIds() {
        return false;
    }

    @Override
    boolean hasRegmaps() {
        return false;
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
        RawBytes reserved = r.raw(RESERVED_PLATFORM_BYTES);
        return new PlatformInfo(mmconfig, endBus, isVirtual, domain, List.of(), (int) gic[0], (int) gic[1], 0,
                gic[2], gic[3], gic[4], gic[5], gic[6], reserved);
    }

    @Override
    void encodePlatform(LeWriter w, PlatformInfo p, String where) {
        if (!p.iommuUnits().isEmpty()) {
            throw notInFormat(where, "iommu_units");
        }
        if (p.reserved().length() > RESERVED_PLATFORM_BYTES) {
            throw new ConfigFormatException(where + ": " + p.reserved().length()
                    + " reserved platform bytes, the revision-10 layout has " + RESERVED_PLATFORM_BYTES);
        }
        w.u64(p.pciMmconfigBase()).u8(p.pciMmconfigEndBus()).u8(p.pciIsVirtual()).u16(p.pciDomain());
        encodeOldGic(w, p, where);
        w.fixed(p.reserved(), RESERVED_PLATFORM_BYTES);
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
