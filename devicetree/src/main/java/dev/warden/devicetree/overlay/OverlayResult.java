package dev.warden.devicetree.overlay;

import dev.warden.devicetree.FdtError;

/**
 * What one {@code fdt_overlay_apply} did.
 *
 * @param error            the libfdt error, or {@code null} when the overlay was applied
 * @param baseHadSymbols   whether the base had a {@code /__symbols__} node before the apply
 *                         (U-Boot prints its "compiled with -@" hint when it had none)
 * @param detail           what went wrong in words ("" on success)
 */
public record OverlayResult(FdtError error, boolean baseHadSymbols, String detail) {

    public boolean ok() {
        return error == null;
    }

    /** The libfdt name of the error ("FDT_ERR_NOTFOUND"), or "" on success. */
    public String errorName() {
        return error == null ? "" : error.name();
    }
}
