package dev.warden.emulator.snapshot;

/** The object graph holds something {@link GraphCopy} cannot copy faithfully; nothing was copied. */
public final class GraphCopyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GraphCopyException(String message) {
        super(message);
    }

    public GraphCopyException(String message, Throwable cause) {
        super(message, cause);
    }
}
