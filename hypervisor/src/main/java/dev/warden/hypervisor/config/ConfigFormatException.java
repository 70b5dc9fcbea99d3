package dev.warden.hypervisor.config;

/**
 * A configuration that cannot be read or written: the message names the file, where in it
 * (byte offset or line) and what was expected, so it can be shown to a user as it is.
 */
public final class ConfigFormatException extends RuntimeException {
    public ConfigFormatException(String message) {
        super(message);
    }

    public ConfigFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
