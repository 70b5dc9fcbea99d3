package dev.warden.lab;

/**
 * A board whose emulator did not come back within the wall-clock bound of its {@link HangGuard}:
 * the message holds where each core stopped, a thread dump of the emulator threads and the
 * transcript of every console so far.
 */
public final class EmulatorHung extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmulatorHung(String message) {
        super(message);
    }
}
