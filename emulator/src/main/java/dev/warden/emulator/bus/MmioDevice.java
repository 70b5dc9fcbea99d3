package dev.warden.emulator.bus;

/**
 * A device register block mapped on the physical bus. Offsets are relative to the block's base;
 * sizes are 1, 2, 4 or 8 bytes; values are zero-extended little-endian.
 */
public interface MmioDevice {

    long read(long offset, int size);

    void write(long offset, int size, long value);
}
