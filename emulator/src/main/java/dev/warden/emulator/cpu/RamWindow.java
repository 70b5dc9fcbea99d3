package dev.warden.emulator.cpu;

/**
 * The backing store of one 4 KiB physical page that the core may access directly: bytes
 * {@code offset .. offset + 4095} of {@code array} hold the page, little-endian.
 */
public record RamWindow(byte[] array, int offset) {
}
