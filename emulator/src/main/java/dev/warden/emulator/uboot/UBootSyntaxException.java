package dev.warden.emulator.uboot;

/** A script U-Boot's shell cannot parse. */
public final class UBootSyntaxException extends RuntimeException {
    public UBootSyntaxException(String message) {
        super(message);
    }
}
