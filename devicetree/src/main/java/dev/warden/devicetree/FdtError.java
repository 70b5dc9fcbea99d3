package dev.warden.devicetree;

/**
 * The libfdt error codes, with libfdt's numbers. libfdt returns them negated; {@link #code()}
 * is the positive number and {@link #negated()} the value a libfdt call would return.
 */
public enum FdtError {
    FDT_ERR_NOTFOUND(1),
    FDT_ERR_EXISTS(2),
    FDT_ERR_NOSPACE(3),
    FDT_ERR_BADOFFSET(4),
    FDT_ERR_BADPATH(5),
    FDT_ERR_BADPHANDLE(6),
    FDT_ERR_BADSTATE(7),
    FDT_ERR_TRUNCATED(8),
    FDT_ERR_BADMAGIC(9),
    FDT_ERR_BADVERSION(10),
    FDT_ERR_BADSTRUCTURE(11),
    FDT_ERR_BADLAYOUT(12),
    FDT_ERR_INTERNAL(13),
    FDT_ERR_BADNCELLS(14),
    FDT_ERR_BADVALUE(15),
    FDT_ERR_BADOVERLAY(16),
    FDT_ERR_NOPHANDLES(17),
    FDT_ERR_BADFLAGS(18),
    FDT_ERR_ALIGNMENT(19);

    private final int code;

    FdtError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The value libfdt returns for this error (a negative int). */
    public int negated() {
        return -code;
    }

    /** The error for a negative libfdt return value; {@code FDT_ERR_INTERNAL} for unknown codes. */
    public static FdtError fromReturn(int negativeCode) {
        int wanted = -negativeCode;
        for (FdtError e : values()) {
            if (e.code == wanted) {
                return e;
            }
        }
        return FDT_ERR_INTERNAL;
    }
}
