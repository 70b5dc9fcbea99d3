/**
 * The .dtb/.dtbo binary format: header checks like {@code fdt_check_header}, a strict reader into
 * the tree model, a writer with dtc's layout, and {@link dev.warden.devicetree.blob.FdtBlob}, a blob
 * in a buffer edited exactly as libfdt 1.6.1 edits one (offsets and negated error codes included).
 */
package dev.warden.devicetree.blob;
