package dev.warden.devicetree;

/**
 * A device-tree blob or overlay that cannot be used, with the libfdt error, the file it came
 * from and, where it is known, the byte offset in that file. The message reads like
 * {@code k3-am654.dtb: offset 0x48: expected FDT_BEGIN_NODE token, found 0x00000007 (FDT_ERR_BADSTRUCTURE)}.
 */
public final class FdtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Marker for "no byte offset applies" (e.g. a label that is missing). */
    public static final long NO_OFFSET = -1;

    private final FdtError error;
    private final String source;
    private final long offset;
    private final String detail;

    public FdtException(FdtError error, String source, long offset, String detail) {
        super(format(error, source, offset, detail));
        this.error = error;
        this.source = source;
        this.offset = offset;
        this.detail = detail;
    }

    public FdtException(FdtError error, String source, String detail) {
        this(error, source, NO_OFFSET, detail);
    }

    private static String format(FdtError error, String source, long offset, String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append(source == null ? "<fdt>" : source).append(": ");
        if (offset >= 0) {
            sb.append("offset 0x").append(Long.toHexString(offset)).append(": ");
        }
        sb.append(detail).append(" (").append(error.name()).append(')');
        return sb.toString();
    }

    public FdtError error() {
        return error;
    }

    public String source() {
        return source;
    }

    /** Byte offset in the source file, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }

    /** What was wrong, without the file/offset/error decoration. */
    public String detail() {
        return detail;
    }
}
