package dev.warden.devicetree.overlay;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.blob.FdtBlob;
import java.util.List;

/**
 * Entry points for applying device-tree overlays with libfdt 1.6.1 semantics.
 *
 * <ul>
 *   <li>{@link #applyInPlace}: what U-Boot's {@code fdt apply} does on the working FDT: one
 *       try in the space the blob has (see {@link FdtBlob#resize}); a failure leaves the base
 *       trashed (magic 0xffffffff) and the overlay is always spent.</li>
 *   <li>{@link #fdtoverlay}: what Debian's {@code fdtoverlay} does: copies, retries with 64 KiB
 *       more on NOSPACE, applies the overlays in order and packs; byte-identical output.</li>
 * </ul>
 */
public final class Overlays {
    /** fdtoverlay grows its buffer by this much after FDT_ERR_NOSPACE. */
    public static final int FDTOVERLAY_BUF_INCREMENT = 65536;

    /** Start of the detail of the failure fdtoverlay reports as "Failed to make temporary copy". */
    private static final String COPY_FAILURE = "cannot make a temporary copy of the base";

    private Overlays() {
    }

    /**
     * fdt_overlay_apply on the two blobs as they are. The base is edited in place; on failure its
     * magic is poisoned. The overlay's magic is poisoned whenever both headers were valid, so
     * applying the same overlay buffer again gives FDT_ERR_BADMAGIC.
     */
    public static OverlayResult applyInPlace(FdtBlob base, FdtBlob overlay) {
        boolean hadSymbols = base.pathOffset("/__symbols__") >= 0;
        LibfdtOverlay run = new LibfdtOverlay(base, overlay);
        int ret = guarded(run, overlay);
        if (ret == 0) {
            return new OverlayResult(null, hadSymbols, "");
        }
        return new OverlayResult(FdtError.fromReturn(ret), hadSymbols, run.detail());
    }

    /**
     * Debian {@code fdtoverlay -i base -o out overlay...}: the merged, packed blob. A failing
     * overlay throws {@link FdtException} whose source is that overlay's name and whose error is
     * the libfdt error fdtoverlay prints ({@code Failed to apply '<name>': <error>}).
     */
    public static byte[] fdtoverlay(FdtBlob base, List<FdtBlob> overlays) {
        base.requireValidHeader();
        for (FdtBlob overlay : overlays) {
            overlay.requireValidHeader();
        }
        long bufLen = base.totalSize();
        FdtBlob current = base;
        for (FdtBlob overlay : overlays) {
            // A merge needs at most the base, a few copies of the overlay and some slack; when
            // NOSPACE persists past that, libfdt means something else by it, and fdtoverlay
            // would grow its buffer until the size overflows an int and its copy fails.
            long enough = current.totalSize() + 4L * overlay.totalSize() + 16L * FDTOVERLAY_BUF_INCREMENT;
            FdtBlob merged = null;
            while (merged == null) {
                if (bufLen > enough) {
                    throw new FdtException(FdtError.FDT_ERR_NOSPACE, base.name(), COPY_FAILURE
                            + ": applying " + overlay.name() + " keeps reporting FDT_ERR_NOSPACE with "
                            + bufLen + " bytes of room");
                }
                FdtBlob tmp = current.openInto((int) bufLen);
                FdtBlob tmpo = overlay.copy();
                LibfdtOverlay run = new LibfdtOverlay(tmp, tmpo);
                int ret = guarded(run, overlay);
                if (ret == FdtError.FDT_ERR_NOSPACE.negated()) {
                    bufLen += FDTOVERLAY_BUF_INCREMENT;
                } else if (ret != 0) {
                    throw new FdtException(FdtError.fromReturn(ret), overlay.name(), run.detailOffset(), run.detail());
                } else {
                    merged = tmp;
                }
            }
            current = merged;
        }
        FdtBlob out = current.openInto((int) current.totalSize());
        out.pack();
        return out.bytes();
    }

    /** libfdt recurses per node level; an absurdly deep overlay must not take the JVM's stack down. */
    private static int guarded(LibfdtOverlay run, FdtBlob overlay) {
        try {
            return run.apply();
        } catch (StackOverflowError e) {
            throw new FdtException(FdtError.FDT_ERR_BADSTRUCTURE, overlay.name(), "nodes nest too deeply to apply");
        }
    }

    /**
     * The line fdtoverlay prints on stderr for a failure (without its leading newline):
     * {@code Failed to apply '<overlay>': <error>}, or {@code Failed to make temporary copy: <error>}.
     */
    public static String fdtoverlayFailureLine(FdtException e) {
        if (e.detail().startsWith(COPY_FAILURE)) {
            return "Failed to make temporary copy: " + e.error().name();
        }
        return "Failed to apply '" + e.source() + "': " + e.error().name();
    }
}
