package dev.warden.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file of {@code warden boot --save}: a replay log, not a memory image. A board's state holds
 * lambdas and compiled guest code that no file format carries faithfully; but the board is
 * deterministic, so the same Warden build, the same inputs and the same keystrokes at the same
 * virtual times reach the same state. The file records exactly that: the build, the board and its
 * boot request, a digest of every input file ({@link dev.warden.lab.BootInputs}), each line typed
 * with its virtual time, the virtual time the session ended at and a digest of the consoles there,
 * which {@code --restore} checks after replaying.
 *
 * <pre>
 * # warden boot session: a replay log (see warden boot --help)
 * format: 1
 * warden: warden 0.1.0
 * board: k3-am654-idk
 * overlay: k3-am654-idk-jailhouse.dtbo
 * inputs: 3f2a...
 * type: 7104000000 root
 * end: 7900000000
 * consoles: 9c1d...
 * </pre>
 */
record BootSession(String warden, String board, List<String> overlays, Optional<String> release, String inputs,
                   List<Input> typed, long endNanos, String consoles) {

    static final String FORMAT = "1";

    /** A line typed on the primary console (without its newline) at a virtual time. */
    record Input(long atNanos, String line) {}

    /** A file that is not a session, or not one this build reads: the message says which. */
    static final class BadSession extends Exception {
        private static final long serialVersionUID = 1L;

        BadSession(String message) {
            super(message);
        }
    }

    void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# warden boot session: a replay log. `warden boot --restore` powers the board on with the same\n");
        sb.append("# request and types the same lines at the same virtual times, then checks the consoles.\n");
        sb.append("format: ").append(FORMAT).append('\n');
        sb.append("warden: ").append(warden).append('\n');
        sb.append("board: ").append(board).append('\n');
        for (String o : overlays) sb.append("overlay: ").append(o).append('\n');
        release.ifPresent(r -> sb.append("release: ").append(r).append('\n'));
        sb.append("inputs: ").append(inputs).append('\n');
        for (Input i : typed) sb.append("type: ").append(i.atNanos()).append(' ').append(i.line()).append('\n');
        sb.append("end: ").append(endNanos).append('\n');
        sb.append("consoles: ").append(consoles).append('\n');
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static BootSession read(Path file) throws BadSession {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadSession(file + ": cannot read it: " + e.getMessage());
        }
        String format = null, warden = null, board = null, release = null, inputs = null, consoles = null;
        Long end = null;
        List<String> overlays = new ArrayList<>();
        List<Input> typed = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String l = lines.get(n - 1);
            if (l.isBlank() || l.startsWith("#")) continue;
            int colon = l.indexOf(": ");
            if (colon < 0) throw new BadSession(file + ":" + n + ": expected 'key: value', found \"" + l + "\"");
            String key = l.substring(0, colon);
            String value = l.substring(colon + 2);
            switch (key) {
                case "format" -> format = value;
                case "warden" -> warden = value;
                case "board" -> board = value;
                case "overlay" -> overlays.add(value);
                case "release" -> release = value;
                case "inputs" -> inputs = value;
                case "consoles" -> consoles = value;
                case "end" -> end = number(file, n, value);
                case "type" -> {
                    int space = value.indexOf(' ');
                    long at = number(file, n, space < 0 ? value : value.substring(0, space));
                    typed.add(new Input(at, space < 0 ? "" : value.substring(space + 1)));
                }
                default -> throw new BadSession(file + ":" + n + ": unknown key '" + key + "' (expected format, warden, board,"
                        + " overlay, release, inputs, type, end, consoles)");
            }
        }
        if (!FORMAT.equals(format)) {
            throw new BadSession(file + " is not a warden boot session of format " + FORMAT + " (its format: " + format + ")");
        }
        for (String[] required : new String[][] {{"warden", warden}, {"board", board}, {"inputs", inputs}, {"consoles", consoles}}) {
            if (required[1] == null) throw new BadSession(file + ": the '" + required[0] + "' line is missing");
        }
        if (end == null) throw new BadSession(file + ": the 'end' line is missing");
        return new BootSession(warden, board, List.copyOf(overlays), Optional.ofNullable(release), inputs, List.copyOf(typed), end,
                consoles);
    }

    private static long number(Path file, int line, String text) throws BadSession {
        try {
            long v = Long.parseLong(text);
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new BadSession(file + ":" + line + ": expected a virtual time in nanoseconds, found \"" + text + "\"");
        }
    }
}
