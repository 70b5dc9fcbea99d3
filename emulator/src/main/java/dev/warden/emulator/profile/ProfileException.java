package dev.warden.emulator.profile;

/** A board profile that cannot be used, with the file, the line and what was expected. */
public final class ProfileException extends RuntimeException {
    public ProfileException(String message) {
        super(message);
    }
}
