/** Text forms of a device tree: dtc's {@code -O dts} output and U-Boot's {@code fdt print}. */
package dev.warden.devicetree.print;
