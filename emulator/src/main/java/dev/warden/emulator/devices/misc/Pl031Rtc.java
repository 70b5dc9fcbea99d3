package dev.warden.emulator.devices.misc;

import dev.warden.emulator.bus.MmioDevice;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The PL031 real-time clock of QEMU virt: RTCDR counts seconds, RTCLR sets it, RTCCR reads 1
 * (started), the match and interrupt registers hold what is written and never fire. QEMU starts
 * RTCDR at the host's wall-clock time; Warden's board is deterministic, so it counts the board's
 * virtual seconds from 0 (1970-01-01) instead.
 */
public final class Pl031Rtc implements MmioDevice {

    private static final long RTCDR = 0x00, RTCLR = 0x08, RTCCR = 0x0c;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RegisterFile registers = new RegisterFile(PrimeCellIds.registers(PrimeCellIds.PL031, Map.of(RTCCR, 1L)));
    private final LongSupplier nanos;
    private long loaded;
    private long loadedAt;

    /** @param nanos the board's virtual time in nanoseconds */
    public Pl031Rtc(LongSupplier nanos) {
        this.nanos = nanos;
    }

    @Override
    public long read(long offset, int size) {
        if ((offset & ~3L) != RTCDR || size == 8) return registers.read(offset, size);
        long seconds = loaded + (nanos.getAsLong() - loadedAt) / NANOS_PER_SECOND;
        return (seconds >>> (8 * (offset & 3))) & ((1L << (8 * size)) - 1) & 0xffffffffL;
    }

    @Override
    public void write(long offset, int size, long value) {
        if (offset == RTCLR && size == 4) {
            loaded = value & 0xffffffffL;
            loadedAt = nanos.getAsLong();
            return;
        }
        if ((offset & ~3L) == RTCDR || offset >= 0xfe0) return; // read-only
        registers.write(offset, size, value);
    }
}
