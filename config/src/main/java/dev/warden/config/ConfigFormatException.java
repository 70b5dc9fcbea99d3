package dev.warden.config;

/**
 * A configuration that cannot be read or written: the message names the file, where in it
 * (byte offset or line) and what was expected, so it can be shown to a user as it is. The kind
 * says which header check failed, for tools that answer as Jailhouse's own would.
 */
public final class ConfigFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which check rejected the input. */
    public enum Kind {
        /** Not "JHSYS"/"JHCLL" (or the pre-14 six-byte forms). */
        SIGNATURE,
        /** A revision Warden does not read. */
        REVISION,
        /** An architecture byte other than arm64. */
        ARCHITECTURE,
        /** The file ends before its header or one of its arrays. */
        TRUNCATED,
        /** Anything else (bad values, YAML errors, I/O). */
        INVALID
    }

    private final Kind kind;

    public ConfigFormatException(String message) {
        this(message, Kind.INVALID);
    }

    public ConfigFormatException(String message, Kind kind) {
        super(message);
        this.kind = kind;
    }

    public ConfigFormatException(String message, Throwable cause) {
        super(message, cause);
        this.kind = Kind.INVALID;
    }

    public Kind kind() {
        return kind;
    }
}
