package dev.warden.lab;

import dev.warden.emulator.snapshot.GraphCopy;

/**
 * A board on the bench frozen in memory at one virtual instant: RAM (shared copy-on-write), devices,
 * cores with their caches and compiled code, clock and pending events, consoles, U-Boot, the
 * hypervisor with its cells and the root-cell Linux with its shell. {@link #restore} gives a board
 * that goes on exactly as the original would have, and that shares nothing mutable with it or
 * with any other copy ({@link GraphCopy}). The frozen board itself never runs, so threads may
 * restore it at the same time.
 */
public final class LabSnapshot {

    private final Lab frozen;

    private LabSnapshot(Lab frozen) {
        this.frozen = frozen;
    }

    /** Freezes a copy of {@code lab}; {@code lab} goes on as before. */
    static LabSnapshot of(Lab lab) {
        return new LabSnapshot(GraphCopy.of(lab));
    }

    /** A new, independent board in the frozen state. */
    public Lab restore() {
        return GraphCopy.of(frozen);
    }

    /** The virtual time the board was frozen at, in nanoseconds since power-on. */
    public long virtualTimeNanos() {
        return frozen.board().clock().now();
    }
}
