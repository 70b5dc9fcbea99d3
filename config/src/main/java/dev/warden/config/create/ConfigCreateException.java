package dev.warden.config.create;

/** Input config create cannot use; the message names the tree or option and what was expected. */
public final class ConfigCreateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigCreateException(String message) {
        super(message);
    }
}
