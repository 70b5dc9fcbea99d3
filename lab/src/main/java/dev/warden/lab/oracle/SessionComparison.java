package dev.warden.lab.oracle;

import dev.warden.emulator.console.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a replay with the real session: every exit status, and every line the root's side
 * printed (the hypervisor's console, the kernel's log, the tools' output) in order, after the
 * normalizations of {@link LineNormalizer}; the inmate's lines as their own stream. Where a
 * command's output ends is a matter of timing (an inmate's fault may be printed while the next
 * command runs), so the order is that of the whole session and the commands only name where a
 * difference is. The result names the session, the command and the first line that differs.
 */
public final class SessionComparison {

    /** The first difference: where, what the real system printed, what Warden printed. */
    public record Difference(String session, int command, String commandLine, String expected, String actual,
                             String what) {
        @Override
        public String toString() {
            return String.format("session %s, command %d '%s': %s%n  real:   %s%n  warden: %s", session, command + 1,
                    commandLine, what, expected, actual);
        }
    }

    static final Pattern STAT = Pattern.compile("^((?:cpu\\d+/)?vmexits_([a-z_]+):\\s*)(\\d+)$");
    static final Pattern JH_CELL = Pattern.compile("^jh-cell (\\d+)\\b.*");

    private SessionComparison() {}

    /** The first difference, by command: the one a report names. */
    public static Optional<Difference> compare(SessionFile session, List<ReplayedCommand> replay) {
        return differences(session, replay).stream().min((a, b) -> Integer.compare(a.command(), b.command()));
    }

    /** The first difference of each kind: exit statuses, root lines, the serial console's lines, the inmate's lines. */
    public static List<Difference> differences(SessionFile session, List<ReplayedCommand> replay) {
        if (replay.size() != session.commands().size()) {
            throw new IllegalArgumentException("the replay ran " + replay.size() + " of " + session.commands().size() + " commands");
        }
        LineNormalizer normalizer = new LineNormalizer(session.rootCell());
        List<Optional<Difference>> found = new ArrayList<>();
        found.add(statuses(session, replay));
        found.add(session.characterInterleave() ? interleaved(session, replay, normalizer) : lines(session, replay, normalizer));
        if (session.shellOnOwnConsole()) found.add(consoleStream(session, replay, normalizer));
        if (session.inmateLines().isPresent()) found.add(inmate(session, replay));
        return found.stream().flatMap(Optional::stream).toList();
    }

    private static Optional<Difference> statuses(SessionFile session, List<ReplayedCommand> replay) {
        for (int i = 0; i < replay.size(); i++) {
            int want = session.commands().get(i).status();
            int got = replay.get(i).status();
            if (want != got) {
                return Optional.of(new Difference(session.name(), i, replay.get(i).line(), status(want), status(got),
                        "the exit status differs"));
            }
        }
        return Optional.empty();
    }

    private static String status(int s) {
        return s == SessionFile.TIMEOUT ? "(the shell never came back)" : "exit status " + s;
    }

    /** The root's lines of the whole session, in order, each with the command it came under. */
    private static Optional<Difference> lines(SessionFile session, List<ReplayedCommand> replay, LineNormalizer normalizer) {
        Side real = new Side();
        Side warden = new Side();
        for (int i = 0; i < replay.size(); i++) {
            SessionFile.Command c = session.commands().get(i);
            if (!c.outputCompared()) continue;
            List<String> recorded = new ArrayList<>();
            for (String l : c.output()) if (!isInmate(session, l)) recorded.add(l);
            List<String> ours = splitLines(rootText(session, replay.get(i)));
            StatMask mask = StatMask.of(c.line(), recorded);
            real.add(i, mask.apply(waived(session, recorded)));
            warden.add(i, mask.apply(waived(session, ours)));
        }
        List<String> a = normalizer.root(real.lines);
        List<String> b = normalizer.root(warden.lines);
        for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
            String x = k < a.size() ? a.get(k) : "(nothing more)";
            String y = k < b.size() ? b.get(k) : "(nothing more)";
            if (!x.equals(y)) {
                int cmd = k < real.commands.size() ? real.commands.get(k) : warden.commands.get(Math.min(k, warden.commands.size() - 1));
                return Optional.of(new Difference(session.name(), cmd, session.commands().get(cmd).line(),
                        k < a.size() ? raw(real, k) : x, k < b.size() ? raw(warden, k) : y,
                        "line " + (k + 1) + " of the root's output differs"));
            }
        }
        return Optional.empty();
    }

    /**
     * The root's text with the inmate's woven in by character (c-uart-demo): the whole session at
     * once, each command's output exactly as the console showed it (an unfinished last line is
     * continued by the next command's output), against Warden's root text of the same commands.
     */
    private static Optional<Difference> interleaved(SessionFile session, List<ReplayedCommand> replay,
                                                    LineNormalizer normalizer) {
        StringBuilder recorded = new StringBuilder();
        StringBuilder ours = new StringBuilder();
        List<Integer> commandAt = new ArrayList<>(); // the command each character of the recorded text came under
        for (int i = 0; i < replay.size(); i++) {
            SessionFile.Command c = session.commands().get(i);
            if (!c.outputCompared()) continue;
            StatMask mask = StatMask.of(c.line(), c.output());
            String real = comparable(session, normalizer, mask, c.output(), c.endsWithNewline());
            String text = rootText(session, replay.get(i));
            ours.append(comparable(session, normalizer, mask, splitLines(text), text.isEmpty() || text.endsWith("\n")));
            recorded.append(real);
            for (int k = 0; k < real.length(); k++) commandAt.add(i);
        }
        String recordedText = recorded.toString();
        int at = InterleaveMatcher.firstMismatch(recordedText, ours.toString(), session.inmateLines().orElseThrow());
        if (at < 0) return Optional.empty();
        int cmd = commandAt.isEmpty() ? 0 : commandAt.get(Math.min(at, commandAt.size() - 1));
        int lineStart = recordedText.lastIndexOf('\n', Math.max(0, Math.min(at, recordedText.length()) - 1)) + 1;
        int lineEnd = recordedText.indexOf('\n', Math.min(at, recordedText.length()));
        String line = recordedText.substring(lineStart, lineEnd < 0 ? recordedText.length() : lineEnd);
        return Optional.of(new Difference(session.name(), cmd, session.commands().get(cmd).line(),
                line.isEmpty() ? "(end)" : line, "(no way of taking Warden's root output and "
                + "inmate lines of the form " + session.inmateLines().get().pattern() + " apart gives this line)",
                "the real transcript is not Warden's root output interleaved with the inmate's"));
    }

    /** One command's lines waived, masked and normalized, joined as the console showed them. */
    private static String comparable(SessionFile session, LineNormalizer normalizer, StatMask mask, List<String> lines,
                                     boolean endsWithNewline) {
        List<String> kept = normalizer.root(mask.apply(waived(session, lines)));
        if (kept.isEmpty()) return "";
        return String.join("\n", kept) + (endsWithNewline ? "\n" : "");
    }

    /** With the shell on a console of its own: the kernel's and hypervisor's lines of the session, in order. */
    private static Optional<Difference> consoleStream(SessionFile session, List<ReplayedCommand> replay,
                                                      LineNormalizer normalizer) {
        StringBuilder text = new StringBuilder();
        for (ReplayedCommand r : replay) text.append(r.textBy(w -> w == Writer.KERNEL || w == Writer.HYPERVISOR));
        List<String> ours = normalizer.root(waived(session, splitLines(text.toString())));
        List<String> real = normalizer.root(waived(session, session.consoleStream()));
        for (int k = 0; k < Math.max(real.size(), ours.size()); k++) {
            String x = k < real.size() ? real.get(k) : "(nothing more)";
            String y = k < ours.size() ? ours.get(k) : "(nothing more)";
            if (!x.equals(y)) {
                return Optional.of(new Difference(session.name(), replay.size() - 1, "(the serial console)", x, y,
                        "line " + (k + 1) + " of the kernel's and hypervisor's lines on the serial console differs"));
            }
        }
        return Optional.empty();
    }

    /** The inmate's lines of the whole session, as their own stream. */
    private static Optional<Difference> inmate(SessionFile session, List<ReplayedCommand> replay) {
        Pattern form = session.inmateLines().orElseThrow();
        StringBuilder text = new StringBuilder();
        for (ReplayedCommand r : replay) text.append(r.textBy(w -> Writer.isCore((char) w)));
        List<String> ours = splitLines(text.toString());
        if (session.characterInterleave()) {
            for (String l : ours) {
                if (!form.matcher(l).matches()) {
                    return Optional.of(new Difference(session.name(), replay.size() - 1, "(the inmate)",
                            "lines of the form " + form.pattern(), l, "the inmate printed a line of another form"));
                }
            }
            return ours.isEmpty() ? Optional.of(new Difference(session.name(), replay.size() - 1, "(the inmate)",
                    "lines of the form " + form.pattern(), "(nothing)", "the inmate printed nothing")) : Optional.empty();
        }
        List<String> real = new ArrayList<>();
        for (SessionFile.Command c : session.commands()) for (String l : c.output()) if (form.matcher(l).matches()) real.add(l);
        List<String> a = LineNormalizer.inmate(real);
        List<String> b = LineNormalizer.inmate(ours);
        for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
            String x = k < a.size() ? a.get(k) : "(nothing more)";
            String y = k < b.size() ? b.get(k) : "(nothing more)";
            if (!x.equals(y)) {
                return Optional.of(new Difference(session.name(), replay.size() - 1, "(the inmate)", x, y,
                        "line " + (k + 1) + " of the inmate's output differs"));
            }
        }
        return Optional.empty();
    }

    /** What the root's side printed in a command's window: all but the cells' CPUs, and with its own console only the shell. */
    private static String rootText(SessionFile session, ReplayedCommand r) {
        if (session.shellOnOwnConsole()) return r.textBy(w -> w == Writer.MODELED);
        return r.textBy(w -> !Writer.isCore((char) w));
    }

    private static boolean isInmate(SessionFile session, String line) {
        return session.inmateLines().map(p -> p.matcher(line).matches()).orElse(false);
    }

    private static List<String> waived(SessionFile session, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (session.waivers().stream().noneMatch(w -> w.lines().matcher(l).matches())) out.add(l);
        }
        return out;
    }

    static List<String> splitLines(String text) {
        if (text.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static String raw(Side s, int k) {
        return s.lines.get(k);
    }

    /** One side's lines and the command each came under. */
    private static final class Side {
        final List<String> lines = new ArrayList<>();
        final List<Integer> commands = new ArrayList<>();

        void add(int command, List<String> l) {
            for (String line : l) {
                lines.add(line);
                commands.add(command);
            }
        }
    }

    /**
     * Exit counters that count time rather than behaviour: every counter of the root cell (its
     * kernel is Warden's model, whose exits are not a real kernel's), and a cell's interrupt
     * counters and total when the real cell took interrupts: their number is the time waited, so
     * a count above zero is masked, and zero stays zero.
     */
    record StatMask(boolean all, boolean interrupts) {
        static StatMask of(String command, List<String> recorded) {
            Matcher m = JH_CELL.matcher(command);
            if (!m.matches()) return new StatMask(false, false);
            if (m.group(1).equals("0")) return new StatMask(true, true);
            for (String l : recorded) {
                Matcher s = STAT.matcher(l);
                if (s.matches() && s.group(2).equals("virt_irq") && !s.group(3).equals("0")) return new StatMask(false, true);
            }
            return new StatMask(false, false);
        }

        List<String> apply(List<String> lines) {
            if (!all && !interrupts) return lines;
            List<String> out = new ArrayList<>();
            for (String l : lines) {
                Matcher s = STAT.matcher(l);
                boolean timing = all || List.of("virt_irq", "virt_sgi", "maintenance", "total").contains(s.matches() ? s.group(2) : "");
                // how many interrupts is the time waited; that there were any is behaviour
                boolean masked = s.matches() && timing && (all || !s.group(3).equals("0"));
                out.add(masked ? s.group(1) + "*" : l);
            }
            return out;
        }
    }
}
