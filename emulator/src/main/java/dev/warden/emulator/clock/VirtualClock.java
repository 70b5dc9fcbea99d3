package dev.warden.emulator.clock;

/**
 * The board's notion of time, in nanoseconds since power-on. It moves only when the board runs:
 * by executed instructions (one instruction is one nanosecond, as QEMU's {@code -icount shift=0})
 * and by jumps to the next scheduled event. Nothing here ever reads the host's clock.
 */
public final class VirtualClock {

    private long now;

    public long now() { return now; }

    /** Moves time forward; time never goes back. */
    public void advanceTo(long nanos) {
        if (nanos < now) throw new IllegalStateException("virtual time cannot go back from " + now + " to " + nanos);
        now = nanos;
    }

    public void advanceBy(long nanos) {
        advanceTo(now + nanos);
    }
}
