package dev.warden.emulator.devices.flash;

import dev.warden.emulator.bus.MmioDevice;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One bank of QEMU virt's parallel NOR flash ({@code compatible = "cfi-flash"}, {@code bank-width
 * = <4>}: two x16 Intel-command-set chips side by side, 64 MiB, 256 KiB erase blocks) with nothing
 * loaded into it, as a program started with {@code -kernel} finds it: in read-array mode every
 * byte reads zero. A write is a command to the chips (the low byte of the value; each answer is
 * replicated on both 16-bit lanes): read device ID, CFI query, read status, program one word,
 * erase one block; in CFI query mode only read-array (0xff) is taken. The answers below are what
 * QEMU 7.2 gives
 * (firmware-fixtures/oracle/stray-read/).
 */
public final class CfiFlashBank implements MmioDevice {

    public static final long BANK_SIZE = 0x4000000L;
    public static final long BLOCK_SIZE = 0x40000L;
    private static final int PAGE = 4096;

    /** What a read returns, by the last command. */
    private enum Mode { ARRAY, STATUS, DEVICE_ID, QUERY, PROGRAM_SETUP, ERASE_SETUP, LOCK_SETUP }

    /** The chips' commands: the low byte of a write in array or status mode. */
    private static final Map<Integer, Mode> COMMANDS = Map.of(
            0xff, Mode.ARRAY, 0x00, Mode.ARRAY, 0x50, Mode.ARRAY,
            0x10, Mode.PROGRAM_SETUP, 0x40, Mode.PROGRAM_SETUP,
            0x20, Mode.ERASE_SETUP, 0x60, Mode.LOCK_SETUP,
            0x70, Mode.STATUS, 0x90, Mode.DEVICE_ID, 0x98, Mode.QUERY);

    private static final long STATUS_READY = 0x80;
    private static final int ERASE_CONFIRM = 0xd0;

    /** Read-ID mode, by word index (address / bank width, low 8 bits): manufacturer, device. */
    private static final Map<Integer, Integer> DEVICE_ID = Map.of(0x00, 0x89, 0x01, 0x18);

    /** CFI query mode, by word index: "QRY", the command set, timings, geometry, "PRI" table. */
    private static final Map<Integer, Integer> QUERY = Map.ofEntries(
            Map.entry(0x10, 0x51), Map.entry(0x11, 0x52), Map.entry(0x12, 0x59), Map.entry(0x13, 0x01),
            Map.entry(0x15, 0x31), Map.entry(0x1b, 0x45), Map.entry(0x1c, 0x55), Map.entry(0x1f, 0x07),
            Map.entry(0x20, 0x07), Map.entry(0x21, 0x0a), Map.entry(0x23, 0x04), Map.entry(0x24, 0x04),
            Map.entry(0x25, 0x04), Map.entry(0x27, 0x19), Map.entry(0x28, 0x02), Map.entry(0x2a, 0x0b),
            Map.entry(0x2c, 0x01), Map.entry(0x2d, 0xff), Map.entry(0x30, 0x02), Map.entry(0x31, 0x50),
            Map.entry(0x32, 0x52), Map.entry(0x33, 0x49), Map.entry(0x34, 0x31), Map.entry(0x35, 0x30),
            Map.entry(0x3f, 0x01));

    /** Programmed or erased 4 KiB pages of the array; every other byte is zero. */
    private final Map<Long, byte[]> pages = new HashMap<>();
    private Mode mode = Mode.ARRAY;

    @Override
    public long read(long offset, int size) {
        if (size == 8) return read(offset, 4) | read(offset + 4, 4) << 32;
        long bits = size == 8 ? -1L : (1L << (8 * size)) - 1;
        if (mode == Mode.ARRAY) {
            long v = 0;
            for (int i = size - 1; i >= 0; i--) v = v << 8 | arrayByte(offset + i);
            return v;
        }
        long lane = switch (mode) {
            case DEVICE_ID -> DEVICE_ID.getOrDefault(wordIndex(offset), 0);
            case QUERY -> QUERY.getOrDefault(wordIndex(offset), 0);
            default -> STATUS_READY;
        };
        long word = lane | lane << 16;
        return (word >>> (8 * (offset & 3))) & bits;
    }

    @Override
    public void write(long offset, int size, long value) {
        if (size == 8) {
            write(offset, 4, value & 0xffffffffL);
            write(offset + 4, 4, value >>> 32);
            return;
        }
        int command = (int) (value & 0xff);
        switch (mode) {
            case PROGRAM_SETUP -> {
                for (int i = 0; i < size; i++) setArrayByte(offset + i, (byte) (value >>> (8 * i)));
                mode = Mode.STATUS;
            }
            case ERASE_SETUP -> {
                if (command == ERASE_CONFIRM) {
                    erase(offset / BLOCK_SIZE * BLOCK_SIZE);
                    mode = Mode.STATUS;
                } else {
                    mode = Mode.ARRAY;
                }
            }
            case LOCK_SETUP -> mode = Mode.STATUS;
            // in query mode only read-array (0xff) is taken; 0x00 and every other command are not
            case QUERY -> mode = command == 0xff ? Mode.ARRAY : mode;
            default -> mode = COMMANDS.getOrDefault(command, Mode.ARRAY);
        }
    }

    private static int wordIndex(long offset) {
        return (int) ((offset >>> 2) & 0xff);
    }

    private long arrayByte(long offset) {
        byte[] page = pages.get(offset / PAGE);
        return page == null ? 0 : page[(int) (offset % PAGE)] & 0xff;
    }

    private void setArrayByte(long offset, byte b) {
        pages.computeIfAbsent(offset / PAGE, k -> new byte[PAGE])[(int) (offset % PAGE)] = b;
    }

    private void erase(long block) {
        for (long p = block / PAGE; p < (block + BLOCK_SIZE) / PAGE; p++) {
            byte[] page = new byte[PAGE];
            Arrays.fill(page, (byte) 0xff);
            pages.put(p, page);
        }
    }
}
