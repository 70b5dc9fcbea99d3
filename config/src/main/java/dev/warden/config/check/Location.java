package dev.warden.config.check;

/**
 * What a finding points at: a cell (or "hypervisor", "platform", a DT node) and one element in it,
 * e.g. {@code mem_regions[14]}, with the physical range involved ({@code size} 0 = a single address
 * or not applicable).
 */
public record Location(String cell, String element, long address, long size) {
    public String range() {
        if (size == 0) {
            return "0x" + Long.toHexString(address);
        }
        return "0x" + Long.toHexString(address) + "-0x" + Long.toHexString(address + size - 1);
    }

    @Override
    public String toString() {
        return (cell.isEmpty() ? "" : cell + " ") + element + (address == 0 && size == 0 ? "" : " [" + range() + "]");
    }
}
