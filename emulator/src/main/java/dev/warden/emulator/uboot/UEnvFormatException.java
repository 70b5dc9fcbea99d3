package dev.warden.emulator.uboot;

/** A uEnv.txt line that {@code env import -t} cannot take, with the file and line. */
public final class UEnvFormatException extends RuntimeException {
    public UEnvFormatException(String message) {
        super(message);
    }
}
