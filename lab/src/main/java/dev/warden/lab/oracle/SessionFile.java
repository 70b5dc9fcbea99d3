package dev.warden.lab.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One recorded session of the real Jailhouse, as Warden replays it: the board, the commands typed
 * on the root shell with the exit status and the output the real system printed after each, and
 * what the comparison needs to know about the session (which lines are an inmate's, how they
 * interleave with the root's on the one UART, what the root cell is called). The format is plain text, one directive per line:
 *
 * <pre>
 * # comment
 * session a-enable
 * recording shared/reference-rig/recordings/a-enable.serial.txt ...
 * board qemu-arm64-virt
 * root-cell qemu-arm64
 * inmate-lines ^(hc-demo: .*|Timer fired, .*)$
 * interleave lines            (or: characters)
 * waive REGEX -- why
 * file /root/x.dtb oracle/jailhouse/files/x.dtb   (a file the rig had, from firmware-fixtures/)
 *
 * $ jailhouse cell list
 * status 0                    (or: status timeout)
 * compare status              (only the exit status: output the comparison leaves out, with why in a comment)
 * | ID      Name ...          (the real output, line by line)
 * partial-line                (the output's last line had no newline yet when the next prompt came)
 * </pre>
 *
 * When the real root shell ran on a console of its own ({@code shell-console own}), the command
 * outputs hold only what the shell printed, and the kernel's and the hypervisor's lines of the whole
 * session follow at the end as {@code > LINE}, in the order the serial console showed them.
 */
public record SessionFile(String name, String recording, String board, String rootCell, Optional<Pattern> inmateLines,
                          boolean characterInterleave, List<Waiver> waivers,
                          List<Command> commands, boolean shellOnOwnConsole, List<String> consoleStream,
                          List<BoardFile> files) {

    /** A file the session's commands use that the rig had on its root file system, from Warden's fixtures. */
    public record BoardFile(String path, String fixture) {}

    /** Exit status a command never reaches: the shell did not come back within the recording's time. */
    public static final int TIMEOUT = -1;

    /** Lines the comparison leaves out, with the reason a reader of the report sees. */
    public record Waiver(Pattern lines, String reason) {}

    /**
     * One command line, its exit status, and what the real system printed after it; with output
     * woven in by character the last line may be unfinished ({@code endsWithNewline} false).
     */
    public record Command(String line, int status, boolean outputCompared, List<String> output, boolean endsWithNewline) {
        public Command(String line, int status, boolean outputCompared, List<String> output) {
            this(line, status, outputCompared, output, true);
        }

        /** The output as the console showed it: its lines, each ended by a newline unless the last is unfinished. */
        public String text() {
            if (output.isEmpty()) return "";
            return String.join("\n", output) + (endsWithNewline ? "\n" : "");
        }
    }

    public static SessionFile read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read session file " + file, e);
        }
    }

    /** Parses session text; errors name the file and the line. */
    public static SessionFile parse(String text, String fileName) {
        Builder b = new Builder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.startsWith("| ") || line.equals("|")) {
                b.current(fileName, lineNo).output().add(line.length() > 2 ? line.substring(2) : "");
                continue;
            }
            if (line.startsWith("> ") || line.equals(">")) {
                b.stream.add(line.length() > 2 ? line.substring(2) : "");
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("$ ")) {
                b.commands.add(new Mutable(line.substring(2)));
                continue;
            }
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1).trim();
            switch (key) {
                case "session" -> b.name = value;
                case "recording" -> b.recording = value;
                case "board" -> b.board = value;
                case "root-cell" -> b.rootCell = value;
                case "shell-console" -> {
                    if (!value.equals("own") && !value.equals("serial")) {
                        throw error(fileName, lineNo, "shell-console is 'serial' or 'own', found '" + value + "'");
                    }
                    b.ownConsole = value.equals("own");
                }
                case "inmate-lines" -> b.inmate = Optional.of(pattern(value, fileName, lineNo));
                case "interleave" -> {
                    if (!value.equals("lines") && !value.equals("characters")) {
                        throw error(fileName, lineNo, "interleave is 'lines' or 'characters', found '" + value + "'");
                    }
                    b.characters = value.equals("characters");
                }
                case "waive" -> {
                    int sep = value.indexOf(" -- ");
                    if (sep < 0) throw error(fileName, lineNo, "waive takes REGEX -- REASON");
                    b.waivers.add(new Waiver(pattern(value.substring(0, sep), fileName, lineNo), value.substring(sep + 4)));
                }
                case "file" -> {
                    String[] f = value.split("\\s+");
                    if (f.length != 2 || !f[0].startsWith("/")) throw error(fileName, lineNo, "file takes BOARD_PATH FIXTURE");
                    b.files.add(new BoardFile(f[0], f[1]));
                }
                case "status" -> b.current(fileName, lineNo).status = value.equals("timeout") ? TIMEOUT
                        : (int) number(value, fileName, lineNo);
                case "partial-line" -> {
                    Mutable c = b.current(fileName, lineNo);
                    if (c.output.isEmpty()) throw error(fileName, lineNo, "partial-line follows the output it ends");
                    c.endsWithNewline = false;
                }
                case "compare" -> {
                    if (!value.equals("status")) throw error(fileName, lineNo, "compare takes 'status'");
                    b.current(fileName, lineNo).compared = false;
                }
                default -> throw error(fileName, lineNo, "unknown directive '" + key + "' (expected session, recording, board,"
                        + " root-cell, shell-console, inmate-lines, interleave, waive, file, '$ COMMAND', status, compare, '| OUTPUT' or partial-line)");
            }
        }
        if (b.name == null || b.board == null) throw error(fileName, 1, "a session file names its session and board");
        return b.build();
    }

    /** The text of the file, as {@link #parse} reads it. */
    public String format(List<String> headerComments) {
        StringBuilder sb = new StringBuilder();
        for (String c : headerComments) sb.append("# ").append(c).append('\n');
        sb.append("session ").append(name).append('\n');
        sb.append("recording ").append(recording).append('\n');
        sb.append("board ").append(board).append('\n');
        sb.append("root-cell ").append(rootCell).append('\n');
        inmateLines.ifPresent(p -> sb.append("inmate-lines ").append(p.pattern()).append('\n'));
        sb.append("interleave ").append(characterInterleave ? "characters" : "lines").append('\n');
        sb.append("shell-console ").append(shellOnOwnConsole ? "own" : "serial").append('\n');
        for (Waiver w : waivers) sb.append("waive ").append(w.lines().pattern()).append(" -- ").append(w.reason()).append('\n');
        for (BoardFile f : files) sb.append("file ").append(f.path()).append(' ').append(f.fixture()).append('\n');
        for (Command c : commands) {
            sb.append('\n').append("$ ").append(c.line()).append('\n');
            sb.append("status ").append(c.status() == TIMEOUT ? "timeout" : Integer.toString(c.status())).append('\n');
            if (!c.outputCompared()) sb.append("compare status\n");
            for (String o : c.output()) sb.append(o.isEmpty() ? "|" : "| " + o).append('\n');
            if (!c.endsWithNewline() && !c.output().isEmpty()) sb.append("partial-line\n");
        }
        if (!consoleStream.isEmpty()) {
            sb.append("\n# the kernel's and the hypervisor's lines on the serial console, in order\n");
            for (String l : consoleStream) sb.append(l.isEmpty() ? ">" : "> " + l).append('\n');
        }
        return sb.toString();
    }

    private static Pattern pattern(String regex, String file, int line) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw error(file, line, "not a regular expression: " + e.getDescription());
        }
    }

    private static long number(String text, String file, int line) {
        try {
            return Long.decode(text);
        } catch (NumberFormatException e) {
            throw error(file, line, "expected a number (decimal or 0x-hex), found '" + text + "'");
        }
    }

    private static IllegalArgumentException error(String file, int line, String what) {
        return new IllegalArgumentException(file + ":" + line + ": " + what);
    }

    private static final class Mutable {
        final String line;
        int status;
        boolean compared = true;
        boolean endsWithNewline = true;
        final List<String> output = new ArrayList<>();

        Mutable(String line) {
            this.line = line;
        }

        List<String> output() { return output; }
    }

    private static final class Builder {
        String name;
        String recording = "";
        String board;
        String rootCell = "";
        Optional<Pattern> inmate = Optional.empty();
        boolean characters;
        final List<Waiver> waivers = new ArrayList<>();
        final List<Mutable> commands = new ArrayList<>();
        boolean ownConsole;
        final List<String> stream = new ArrayList<>();
        final List<BoardFile> files = new ArrayList<>();

        Mutable current(String file, int line) {
            if (commands.isEmpty()) throw error(file, line, "output or status before the first '$ COMMAND'");
            return commands.get(commands.size() - 1);
        }

        SessionFile build() {
            List<Command> cs = commands.stream()
                    .map(m -> new Command(m.line, m.status, m.compared, List.copyOf(m.output), m.endsWithNewline)).toList();
            return new SessionFile(name, recording, board, rootCell, inmate, characters,
                    List.copyOf(waivers), cs, ownConsole, List.copyOf(stream), List.copyOf(files));
        }
    }
}
