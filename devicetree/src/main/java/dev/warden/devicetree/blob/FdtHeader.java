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

    /** One broken header rule: the libfdt error, the header field's offset and what was expected. */
    public record Problem(FdtError error, int fieldOffset, String detail) {
    }

    /** libfdt's header checks in libfdt's order: the first rule broken, or {@code null}. */
    public Problem firstProblem() {
        if (magic != Fdt.MAGIC) {
            return new Problem(FdtError.FDT_ERR_BADMAGIC, 0x00,
                    String.format("expected magic 0xd00dfeed, found 0x%08x", magic));
        }
        if (version < Fdt.FIRST_SUPPORTED_VERSION || lastCompVersion > Fdt.LAST_SUPPORTED_VERSION
                || version < lastCompVersion) {
            return new Problem(FdtError.FDT_ERR_BADVERSION, 0x14,
                    "expected version >= 2 and last_comp_version <= 17 and <= version, found version "
                    + version + ", last_comp_version " + lastCompVersion);
        }
        long hdr = headerSize();
        if (totalSize < hdr || totalSize > Integer.MAX_VALUE) {
            return new Problem(FdtError.FDT_ERR_TRUNCATED, 0x04,
                    "expected totalsize of at least " + hdr + " bytes, found " + totalSize);
        }
        if (!inside(hdr, offMemRsvmap)) {
            return new Problem(FdtError.FDT_ERR_TRUNCATED, 0x10, String.format(
                    "expected off_mem_rsvmap inside [0x%x, 0x%x], found 0x%x", hdr, totalSize, offMemRsvmap));
        }
        if (version < 17 ? !inside(hdr, offDtStruct) : !blockInside(hdr, offDtStruct, sizeDtStruct)) {
            return new Problem(FdtError.FDT_ERR_TRUNCATED, 0x08, String.format(
                    "expected structure block [0x%x, +0x%x) inside the blob of 0x%x bytes",
                    offDtStruct, sizeDtStruct, totalSize));
        }
        if (!blockInside(hdr, offDtStrings, sizeDtStrings)) {
            return new Problem(FdtError.FDT_ERR_TRUNCATED, 0x0c, String.format(
                    "expected strings block [0x%x, +0x%x) inside the blob of 0x%x bytes",
                    offDtStrings, sizeDtStrings, totalSize));
        }
        if ((offMemRsvmap & 7) != 0) {
            return new Problem(FdtError.FDT_ERR_ALIGNMENT, 0x10,
                    String.format("expected off_mem_rsvmap aligned to 8, found 0x%x", offMemRsvmap));
        }
        if ((offDtStruct & 3) != 0) {
            return new Problem(FdtError.FDT_ERR_ALIGNMENT, 0x08,
                    String.format("expected off_dt_struct aligned to 4, found 0x%x", offDtStruct));
        }
        return null;
    }

    /** The libfdt error of the first broken rule, or {@code null}. */
    public FdtError firstError() {
        Problem p = firstProblem();
        return p == null ? null : p.error();
    }

    private boolean inside(long hdr, long off) {
        return off >= hdr && off <= totalSize;
    }

    private boolean blockInside(long hdr, long base, long size) {
        return inside(hdr, base) && inside(hdr, base + size);
    }

    /** Throws the first broken rule as an {@link FdtException} at the offending header field. */
    public void check(String source) {
        Problem p = firstProblem();
        if (p != null) {
            throw new FdtException(p.error(), source, p.fieldOffset(), p.detail());
        }
    }
}
