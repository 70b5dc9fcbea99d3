package dev.warden.lab.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the recordings of the real Jailhouse (shared/reference-rig/recordings: NAME.serial.txt,
 * NAME.steps.txt, NAME.hvc0.txt) into Warden's session files (firmware-fixtures/oracle/jailhouse).
 * The steps file gives the commands and their exit statuses; the transcript is cut at the rig's
 * prompt ({@code rc=$? # }) after each command's echo, and each command keeps the real output that
 * followed it, unchanged. What the comparison needs to know of each session (whose lines are an
 * inmate's, what it leaves out and why) is stated here, once, as data.
 *
 * <p>Run by hand when the recordings change:
 * {@code java -cp lab/target/classes dev.warden.lab.oracle.RecordingConverter RECORDINGS_DIR OUT_DIR}
 */
public final class RecordingConverter {

    /** What the conversion knows of each recorded session. */
    record Settings(String inmateLines, boolean characters, List<String> waivers, List<String> files) {
        Settings(String inmateLines, boolean characters, List<String> waivers) {
            this(inmateLines, characters, waivers, List.of());
        }
    }

    static final String GIC_DEMO = "^(Initializing the GIC\\.\\.\\.|Initializing the timer\\.\\.\\.|Timer fired, jitter: .*)$";
    static final Map<String, Settings> SESSIONS = new LinkedHashMap<>();
    static {
        SESSIONS.put("a-enable", new Settings(null, false, List.of()));
        SESSIONS.put("b-gic-demo", new Settings(GIC_DEMO, false, List.of()));
        SESSIONS.put("c-uart-demo", new Settings("^Hello \\d+ from cell!$", true, List.of(
                "^(cpu\\d+/)?vmexits_(mmio|virt_irq|total):\\s*\\d+$ -- Warden's uart-demo paces its lines with the "
                        + "virtual timer's interrupt, found and enabled at the GIC redistributor (7 MMIO exits, then one "
                        + "exit per tick); Jailhouse's busy-waits and touches no GIC: these counters count the demo, "
                        + "not the hypervisor")));
        SESSIONS.put("d-park", new Settings("^park-demo: .*$", false, List.of()));
        SESSIONS.put("e-rejections", new Settings(null, false, List.of()));
        SESSIONS.put("f-linux-demo", new Settings(null, false, List.of(
                "^(cpu\\d+/)?vmexits_(mmio|psci|smccc|virt_irq|virt_sgi|maintenance|total|management|hypercall):\\s*\\d+$ -- "
                        + "the Linux in the cell is Warden's model, whose exits are not a real kernel's (the real kernel in a cell is issue 14)"),
                List.of("/root/linux-demo.cmds oracle/jailhouse/files/linux-demo.cmds",
                        "/root/linux-demo-params.dtb oracle/jailhouse/files/linux-demo-params.dtb",
                        "/usr/libexec/jailhouse/demos/rootfs.cpio oracle/jailhouse/files/rootfs.cpio")));
        SESSIONS.put("i-hypercalls", new Settings("^hc-demo: .*$", false, List.of()));
        SESSIONS.put("j-bad-configs", new Settings(null, false, List.of()));
    }

    /**
     * Commands whose output shows the root kernel as it was before Jailhouse (the modeled kernel's
     * own view, which the comparison leaves out), or rig files Warden does not reproduce: only
     * their exit status is compared.
     */
    static final List<Pattern> STATUS_ONLY = List.of(
            Pattern.compile("^uname .*"), Pattern.compile("^cat /proc/cmdline$"),
            Pattern.compile("^grep -c \\^processor /proc/cpuinfo$"), Pattern.compile("^cat /proc/iomem$"),
            Pattern.compile("^cat linux-demo\\.cmds$"), Pattern.compile("^poweroff .*"));

    static final Pattern PROMPT = Pattern.compile("rc=(\\d+) # ");
    static final Pattern STAMP = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] ");
    static final Pattern STAMP_TIME = Pattern.compile("^\\[\\s*(\\d+\\.\\d+)\\] ");
    /** The prompt of the shell in a Linux cell (the rig's "NAME rc=STATUS # "), at the start of a serial line. */
    static final Pattern POWER_DOWN = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] reboot: Power down$");
    static final Pattern CELL_PROMPT = Pattern.compile("^[\\w.-]+ rc=\\d+ # ");

    private RecordingConverter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RecordingConverter RECORDINGS_DIR OUT_DIR");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        for (String name : SESSIONS.keySet()) {
            SessionFile session = convert(in, name);
            Path file = out.resolve(name + ".session");
            Files.writeString(file, session.format(header(name)), StandardCharsets.UTF_8);
            System.out.println("wrote " + file + " (" + session.commands().size() + " commands)");
        }
    }

    static List<String> header(String name) {
        return List.of("A session of the real Jailhouse (siemens/jailhouse master e57d1eff, v0.12 (324-ge57d1eff)) with a",
                "real Linux 6.1 root kernel on qemu-system-aarch64 -machine virt,gic-version=3,virtualization=on,its=off",
                "-cpu cortex-a57 -smp 16 -m 1G, recorded on 2026-12-05 (shared/reference-rig). Written by",
                "lab/src/main/java/dev/warden/lab/oracle/RecordingConverter.java from recordings/" + name + ".*;",
                "Warden replays it on its qemu-arm64-virt board (SessionReplay) and compares (SessionComparison).");
    }

    /** One recorded session as a session file. */
    public static SessionFile convert(Path dir, String name) {
        Settings settings = SESSIONS.get(name);
        if (settings == null) throw new IllegalArgumentException("no settings for session " + name);
        List<String[]> steps = readSteps(dir.resolve(name + ".steps.txt"));
        Path hvc0 = dir.resolve(name + ".hvc0.txt");
        boolean ownConsole = Files.isRegularFile(hvc0);
        String shellText = read(ownConsole ? hvc0 : dir.resolve(name + ".serial.txt"));
        List<SessionFile.Command> commands = cut(shellText, steps, settings);
        List<String> stream = ownConsole ? serialStream(read(dir.resolve(name + ".serial.txt"))) : List.of();
        List<SessionFile.Waiver> waivers = new ArrayList<>();
        for (String w : settings.waivers()) {
            int sep = w.indexOf(" -- ");
            waivers.add(new SessionFile.Waiver(Pattern.compile(w.substring(0, sep)), w.substring(sep + 4)));
        }
        List<SessionFile.BoardFile> files = settings.files().stream()
                .map(f -> new SessionFile.BoardFile(f.split(" ")[0], f.split(" ")[1])).toList();
        return new SessionFile(name, "shared/reference-rig/recordings/" + name + ".serial.txt" + (ownConsole ? " and .hvc0.txt" : ""),
                "qemu-arm64-virt", "qemu-arm64", Optional.ofNullable(settings.inmateLines()).map(Pattern::compile),
                settings.characters(), waivers, commands, ownConsole, stream, files);
    }

    /** The rows of NAME.steps.txt the root shell ran: {command, status}. */
    static List<String[]> readSteps(Path file) {
        List<String[]> rows = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 4) continue;
            if (f[3].startsWith("[")) continue; // typed in a cell's console, not the root shell's
            rows.add(new String[] {f[3], f[2]});
        }
        return rows;
    }

    /**
     * Cuts the shell's transcript after each command's echo (which the terminal may have wrapped
     * at 80 columns, and an inmate's output may interleave) up to the next prompt.
     */
    static List<SessionFile.Command> cut(String text, List<String[]> steps, Settings settings) {
        List<SessionFile.Command> out = new ArrayList<>();
        Pattern inmate = settings.inmateLines() == null ? null : Pattern.compile(settings.inmateLines());
        int pos = 0;
        StringBuilder carried = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            String command = steps.get(i)[0];
            String rc = steps.get(i)[1];
            int echoEnd = findEcho(text, pos, command, inmate, settings.characters(), carried);
            if (echoEnd < 0 && rc.equals("TIMEOUT") && i > 0 && out.get(i - 1).status() == SessionFile.TIMEOUT) {
                // typed after the shell stopped answering: no prompt, no echo, nothing printed
                out.add(new SessionFile.Command(command, SessionFile.TIMEOUT, true, List.of()));
                continue;
            }
            if (echoEnd < 0) throw new IllegalStateException("the echo of '" + command + "' is not in the transcript");
            int next = nextPrompt(text, echoEnd, settings.characters());
            String chunk = carried + text.substring(echoEnd, next < 0 ? text.length() : next);
            carried.setLength(0);
            boolean endsWithNewline = chunk.isEmpty() || chunk.endsWith("\n");
            List<String> lines = new ArrayList<>(List.of(chunk.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            if (settings.characters() && inmate != null) {
                boolean startsLine = out.isEmpty() || out.get(out.size() - 1).endsWithNewline();
                lines = withoutWholeInmateLines(lines, inmate, startsLine, endsWithNewline);
            }
            int status = rc.equals("TIMEOUT") ? SessionFile.TIMEOUT : Integer.parseInt(rc);
            boolean compared = STATUS_ONLY.stream().noneMatch(p -> p.matcher(command).matches());
            out.add(new SessionFile.Command(command, status, compared, lines, endsWithNewline || lines.isEmpty()));
            pos = next < 0 ? text.length() : next;
        }
        return out;
    }

    /**
     * An inmate's lines that sit whole between the root's (started at a line start, ended by a
     * newline) are its own without doubt; they are dropped, and the comparison checks the inmate's
     * lines by their form. The first line continues the previous output when that ended mid-line,
     * and the last is unfinished when the chunk ends mid-line: those stay.
     */
    static List<String> withoutWholeInmateLines(List<String> lines, Pattern inmate, boolean startsLine,
                                                boolean endsWithNewline) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            boolean whole = (k > 0 || startsLine) && (k < lines.size() - 1 || endsWithNewline);
            if (!(whole && inmate.matcher(lines.get(k)).matches())) out.add(lines.get(k));
        }
        return out;
    }

    /**
     * Where the echo of {@code command} ends (after its newline), starting at the prompt at or
     * after {@code from}. Text between the prompt and the echo is an inmate's: it goes to the
     * previous command's output, where it was printed.
     */
    private static int findEcho(String text, int from, String command, Pattern inmate, boolean characters,
                                StringBuilder carried) {
        Matcher m = PROMPT.matcher(text);
        if (!m.find(from)) return -1;
        StringBuilder before = new StringBuilder();
        int i = characters ? echoAmidInmate(text, m.end(), command, before) : echoAtLineStart(text, m.end(), command, before);
        if (i < 0) return -1;
        String extra = before.toString();
        // by character the inmate's text goes on exactly where it was; by line it is whole lines
        if (characters) carried.append(extra);
        else if (!extra.isBlank()) carried.append(extra.endsWith("\n") ? extra : extra + "\n");
        return i;
    }

    /** Line by line: the echo starts right after the prompt or at the start of a later line. */
    private static int echoAtLineStart(String text, int start, String command, StringBuilder before) {
        int i = start;
        while (i < text.length()) {
            int end = matchEcho(text, i, command);
            if (end >= 0) return end;
            int nl = text.indexOf('\n', i);
            if (nl < 0) return -1;
            before.append(text, i, nl + 1);
            i = nl + 1;
            Matcher again = PROMPT.matcher(text).region(i, text.length());
            if (again.lookingAt()) {
                // an empty command line: the shell prompted again
                before.setLength(0);
                i = again.end();
            }
        }
        return -1;
    }

    /** The echo's characters in order from {@code at} (wrapped lines allowed): the index after its newline, or -1. */
    private static int matchEcho(String text, int at, String command) {
        int i = at;
        int c = 0;
        while (i < text.length() && c < command.length()) {
            char ch = text.charAt(i);
            if (ch == command.charAt(c)) c++;
            else if (ch != '\n' || c == 0) return -1;
            i++;
        }
        if (c < command.length() || i >= text.length() || text.charAt(i) != '\n') return -1;
        return i + 1;
    }

    /** Character by character: an inmate's characters may sit anywhere in the echo. */
    private static int echoAmidInmate(String text, int start, String command, StringBuilder before) {
        int i = start;
        int c = 0;
        while (i < text.length() && c < command.length()) {
            char ch = text.charAt(i);
            if (ch == command.charAt(c)) c++;
            else before.append(ch); // the commands of these sessions are too short to wrap
            i++;
        }
        while (i < text.length() && text.charAt(i) != '\n') before.append(text.charAt(i++));
        return i < text.length() ? i + 1 : -1;
    }

    /** The start of the next prompt: at a line start, or anywhere when output interleaves by character. */
    private static int nextPrompt(String text, int from, boolean characters) {
        Matcher m = PROMPT.matcher(text);
        while (m.find(from)) {
            if (characters || m.start() == 0 || text.charAt(m.start() - 1) == '\n') return m.start();
            from = m.end();
        }
        return -1;
    }

    /**
     * The root kernel's and the hypervisor's lines of a serial console the shell did not use: from
     * the first line of the jailhouse driver on, without the lines of the Linux in a cell (its own
     * log restarts at 0 seconds; its shell's and login's lines, blank ones too, are neither a
     * kernel's nor the hypervisor's). A hypervisor line the cell's shell prompt ran into is the
     * hypervisor's.
     */
    static List<String> serialStream(String serial) {
        List<String> out = new ArrayList<>();
        boolean started = false;
        boolean inCell = false;
        double lastRoot = 0;
        for (String raw : serial.split("\n")) {
            if (!started) {
                if (!raw.contains("jailhouse")) continue;
                started = true;
            }
            String line = CELL_PROMPT.matcher(raw).replaceFirst("");
            if (POWER_DOWN.matcher(line).matches()) break; // the rig switching QEMU off after the last step
            Matcher stamp = STAMP_TIME.matcher(line);
            if (stamp.find()) {
                double t = Double.parseDouble(stamp.group(1));
                inCell = t + 1 < lastRoot;
                if (inCell) continue; // the cell's kernel
                lastRoot = t;
                out.add(line);
            } else if (line.isEmpty()) {
                if (!inCell) out.add(line);
            } else if (HypervisorLines.isHypervisorLine(line)) {
                inCell = false;
                out.add(line);
            }
        }
        return out;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
