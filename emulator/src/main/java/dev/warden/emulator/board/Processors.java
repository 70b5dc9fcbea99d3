package dev.warden.emulator.board;

/**
 * The emulated cores of a board, as the run loop sees them. The board asks them to execute up to a
 * virtual time; they stop earlier when every core is halted (WFI, parked, off).
 */
public interface Processors {

    Processors NONE = new Processors() {
        @Override
        public boolean anyRunnable() { return false; }

        @Override
        public void runUntil(long deadlineNanos) { }
    };

    boolean anyRunnable();

    /** Executes instructions, advancing the board's clock, until {@code deadlineNanos} at most. */
    void runUntil(long deadlineNanos);
}
