/**
 * Overlay application with libfdt 1.6.1's {@code fdt_overlay_apply}: U-Boot's in-place
 * {@code fdt apply} and Debian's {@code fdtoverlay} as entry points in
 * {@link dev.warden.devicetree.overlay.Overlays}.
 */
package dev.warden.devicetree.overlay;
