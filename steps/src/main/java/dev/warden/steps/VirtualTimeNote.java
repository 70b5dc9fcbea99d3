package dev.warden.steps;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The note every scenario that powered a board on leaves in its report: the board and the virtual
 * time the scenario took on it. {@code warden run} reads it back for its progress lines, so the
 * format is written and read here only.
 */
public final class VirtualTimeNote {

    private static final Pattern NOTE = Pattern.compile("board (\\S+), virtual time (\\d+\\.\\d{6}) s");

    private VirtualTimeNote() {}

    /** "board NAME, virtual time S.SSSSSS s", the same in every locale. */
    public static String of(String board, long nanos) {
        return String.format("board %s, virtual time %d.%06d s", board, nanos / 1_000_000_000L, nanos % 1_000_000_000L / 1_000L);
    }

    /** The seconds of virtual time a note gives ("2.345678"), if the text is such a note. */
    public static Optional<String> seconds(String text) {
        Matcher m = NOTE.matcher(text.strip());
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
