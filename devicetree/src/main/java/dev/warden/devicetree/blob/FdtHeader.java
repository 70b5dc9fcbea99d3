package dev.warden.devicetree.blob;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.FdtException;

/**
 * The ten big-endian header words of a flattened device tree. {@link #check} applies the same
 * rules as libfdt's {@code fdt_check_header} and reports the first one broken.
 */
public record FdtHeader(
        int magic,
        long totalSize,
        long offDtStruct,
        long offDtStrings,
        long offMemRsvmap,
        int version,
        int lastCompVersion,
        int bootCpuidPhys,
        long sizeDtStrings,
        long sizeDtStruct) {

    /** Reads the header words; a blob shorter than the 40-byte header gives FDT_ERR_TRUNCATED. */
    public static FdtHeader read(byte[] blob, int length, String source) {
        if (length < 4) {
            throw new FdtException(FdtError.FDT_ERR_TRUNCATED, source, length,
                    "expected a device-tree header, file is only " + length + " bytes");
        }
        int magic = Bytes.be32(blob, 0);
        if (magic != Fdt.MAGIC) {
            throw new FdtException(FdtError.FDT_ERR_BADMAGIC, source, 0,
                    String.format("expected magic 0xd00dfeed, found 0x%08x", magic));
        }
        if (length < Fdt.HEADER_SIZE_V17) {
            throw new FdtException(FdtError.FDT_ERR_TRUNCATED, source, length,
                    "expected a " + Fdt.HEADER_SIZE_V17 + "-byte header, file ends after " + length + " bytes");
        }
        return fromWords(blob);
    }

    static FdtHeader fromWords(byte[] b) {
        return new FdtHeader(Bytes.be32(b, 0), Bytes.u32(b, 4), Bytes.u32(b, 8), Bytes.u32(b, 12),
                Bytes.u32(b, 16), Bytes.be32(b, 20), Bytes.be32(b, 24), Bytes.be32(b, 28),
                Bytes.u32(b, 32), Bytes.u32(b, 36));
    }

    public int headerSize() {
        return Fdt.headerSize(version);
    }

    /**
     * libfdt's header checks in libfdt's order; returns the first error or {@code null}.
     * {@code detail} receives a sentence naming what was expected (may be null).
     */
    public FdtError firstError(StringBuilder detail) {
        if (magic != Fdt.MAGIC) {
            note(detail, String.format("expected magic 0xd00dfeed, found 0x%08x", magic));
            return FdtError.FDT_ERR_BADMAGIC;
        }
        if (version < Fdt.FIRST_SUPPORTED_VERSION || lastCompVersion > Fdt.LAST_SUPPORTED_VERSION
                || version < lastCompVersion) {
            note(detail, "expected version >= 2 and last_comp_version <= 17 and <= version, found version "
                    + version + ", last_comp_version " + lastCompVersion);
            return FdtError.FDT_ERR_BADVERSION;
        }
        long hdr = headerSize();
        if (totalSize < hdr || totalSize > Integer.MAX_VALUE) {
            note(detail, "expected totalsize of at least " + hdr + " bytes, found " + totalSize);
            return FdtError.FDT_ERR_TRUNCATED;
        }
        if (!inside(hdr, offMemRsvmap)) {
            note(detail, String.format("expected off_mem_rsvmap inside [0x%x, 0x%x], found 0x%x", hdr, totalSize, offMemRsvmap));
            return FdtError.FDT_ERR_TRUNCATED;
        }
        if (version < 17 ? !inside(hdr, offDtStruct) : !blockInside(hdr, offDtStruct, sizeDtStruct)) {
            note(detail, String.format("expected structure block [0x%x, +0x%x) inside the blob of 0x%x bytes",
                    offDtStruct, sizeDtStruct, totalSize));
            return FdtError.FDT_ERR_TRUNCATED;
        }
        if (!blockInside(hdr, offDtStrings, sizeDtStrings)) {
            note(detail, String.format("expected strings block [0x%x, +0x%x) inside the blob of 0x%x bytes",
                    offDtStrings, sizeDtStrings, totalSize));
            return FdtError.FDT_ERR_TRUNCATED;
        }
        if ((offMemRsvmap & 7) != 0) {
            note(detail, String.format("expected off_mem_rsvmap aligned to 8, found 0x%x", offMemRsvmap));
            return FdtError.FDT_ERR_ALIGNMENT;
        }
        if ((offDtStruct & 3) != 0) {
            note(detail, String.format("expected off_dt_struct aligned to 4, found 0x%x", offDtStruct));
            return FdtError.FDT_ERR_ALIGNMENT;
        }
        return null;
    }

    private boolean inside(long hdr, long off) {
        return off >= hdr && off <= totalSize;
    }

    private boolean blockInside(long hdr, long base, long size) {
        return inside(hdr, base) && inside(hdr, base + size);
    }

    private static void note(StringBuilder detail, String text) {
        if (detail != null) {
            detail.append(text);
        }
    }

    /** Throws the first header error with a message naming the field; the header offset is 0. */
    public void check(String source) {
        StringBuilder detail = new StringBuilder();
        FdtError error = firstError(detail);
        if (error != null) {
            throw new FdtException(error, source, fieldOffset(error, detail.toString()), detail.toString());
        }
    }

    private static long fieldOffset(FdtError error, String detail) {
        switch (error) {
            case FDT_ERR_BADMAGIC: return 0x00;
            case FDT_ERR_BADVERSION: return 0x14;
            default:
                if (detail.startsWith("expected totalsize")) {
                    return 0x04;
                } else if (detail.contains("off_mem_rsvmap")) {
                    return 0x10;
                } else if (detail.contains("structure block") || detail.contains("off_dt_struct")) {
                    return 0x08;
                } else if (detail.contains("strings block")) {
                    return 0x0c;
                }
                return 0;
        }
    }
}
