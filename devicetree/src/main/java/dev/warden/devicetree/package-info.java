/**
 * Flattened device trees for Warden: the libfdt error codes ({@link dev.warden.devicetree.FdtError})
 * and the exception every bad blob or overlay turns into ({@link dev.warden.devicetree.FdtException}).
 * Sub-packages: {@code blob} (the binary format, libfdt-faithful editing), {@code model} (an
 * immutable tree view), {@code overlay} (libfdt 1.6.1 overlay application), {@code print}
 * (dtc-style DTS text and U-Boot's fdt print).
 */
package dev.warden.devicetree;
