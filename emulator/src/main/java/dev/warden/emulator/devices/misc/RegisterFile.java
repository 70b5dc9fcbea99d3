package dev.warden.emulator.devices.misc;

import dev.warden.emulator.bus.MmioDevice;
import java.util.HashMap;
import java.util.Map;

/**
 * A block of plain read/write registers with reset values: for devices whose behaviour no
 * scenario depends on (an SD host controller, an SMMU) but whose presence at an address does, so
 * that a driver's probe reads its ID registers and an access outside a cell's regions still faults.
 */
public final class RegisterFile implements MmioDevice {

    private final Map<Long, Long> values = new HashMap<>();
    private final Map<Long, Long> resetValues;

    public RegisterFile(Map<Long, Long> resetValues) {
        this.resetValues = Map.copyOf(resetValues);
    }

    @Override
    public long read(long offset, int size) {
        long word = offset & ~3L;
        long v = values.getOrDefault(word, resetValues.getOrDefault(word, 0L));
        long shifted = v >>> (8 * (offset - word));
        return size == 8 ? read(word, 4) | (read(word + 4, 4) << 32) : shifted & ((1L << (8 * size)) - 1);
    }

    @Override
    public void write(long offset, int size, long value) {
        if (size == 8) {
            write(offset, 4, value & 0xffffffffL);
            write(offset + 4, 4, value >>> 32);
            return;
        }
        long word = offset & ~3L;
        int shift = (int) (8 * (offset - word));
        long mask = ((1L << (8 * size)) - 1) << shift;
        long old = values.getOrDefault(word, resetValues.getOrDefault(word, 0L));
        values.put(word, (old & ~mask) | ((value << shift) & mask));
    }
}
