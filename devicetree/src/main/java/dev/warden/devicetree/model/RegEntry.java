package dev.warden.devicetree.model;

/** One (address, size) pair of a {@code reg} property, decoded with the parent's cell counts. */
public record RegEntry(long address, long size) {
    public long end() {
        return address + size;
    }

    @Override
    public String toString() {
        return String.format("0x%x+0x%x", address, size);
    }
}
