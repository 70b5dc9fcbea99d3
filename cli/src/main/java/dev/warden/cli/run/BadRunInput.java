package dev.warden.cli.run;

/** Input {@code warden run} cannot use (exit status 2): the message names the file or option and what was expected. */
public final class BadRunInput extends RuntimeException {

    public BadRunInput(String message) {
        super(message);
    }
}
