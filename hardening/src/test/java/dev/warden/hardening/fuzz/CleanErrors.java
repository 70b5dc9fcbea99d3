package dev.warden.hardening.fuzz;

/**
 * What a fuzz target accepts as the parser's own clear error: the parser's exception type, with a
 * message that starts with the name of the input (file, then offset or line) and says something.
 * Anything else escaping a parser is a finding.
 */
final class CleanErrors {
    private CleanErrors() {
    }

    /** Fails (as a finding) unless {@code e} names the input first and has a reason after it. */
    static void requireNamed(RuntimeException e, String inputName) {
        String m = e.getMessage();
        if (m == null || !m.startsWith(inputName) || m.length() <= inputName.length() + 2) {
            throw new AssertionError("not a clear error for " + inputName + ": " + e, e);
        }
        requireBounded(m);
    }

    /** Fails unless the error says something, in a bounded number of characters (no dump of the input). */
    static void requireMessage(RuntimeException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            throw new AssertionError("an error without a message: " + e, e);
        }
        requireBounded(m);
    }

    private static void requireBounded(String message) {
        if (message.length() > 20_000) {
            throw new AssertionError("an error message of " + message.length() + " characters: "
                    + message.substring(0, 200) + "...");
        }
    }

    /** The output of a parser may grow with its input, within a factor: more is a finding. */
    static void requireProportional(long outputSize, long inputSize, int factor, String what) {
        if (outputSize > 4096 + (long) factor * inputSize) {
            throw new AssertionError(what + " grew to " + outputSize + " from an input of " + inputSize + " bytes");
        }
    }
}
