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
        int ret = run.apply();
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
        int bufLen = (int) base.totalSize();
        FdtBlob current = base;
        for (FdtBlob overlay : overlays) {
            FdtBlob merged = null;
            while (merged == null) {
                FdtBlob tmp = current.openInto(bufLen);
                FdtBlob tmpo = overlay.copy();
                LibfdtOverlay run = new LibfdtOverlay(tmp, tmpo);
                int ret = run.apply();
                if (ret == FdtError.FDT_ERR_NOSPACE.negated()) {
                    bufLen += FDTOVERLAY_BUF_INCREMENT;
                } else if (ret != 0) {
                    throw new FdtException(FdtError.fromReturn(ret), overlay.name(), run.detail());
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

    /** The line fdtoverlay prints on stderr for a failed overlay (without its leading newline). */
    public static String fdtoverlayFailureLine(FdtException e) {
        return "Failed to apply '" + e.source() + "': " + e.error().name();
    }
}
