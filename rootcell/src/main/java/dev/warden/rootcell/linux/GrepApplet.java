package dev.warden.rootcell.linux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * busybox grep [-cilLnqsvxwhHEF] [-e PATTERN]... [PATTERN] [FILE]...: lines of the files (standard
 * input without files) that match any pattern, basic regular expressions unless -E or -F. Exit
 * status 0 when a line was selected, 1 when none, 2 on an error (a missing file, a bad pattern), as
 * the recordings show ({@code grep} without a match returns 1).
 */
final class GrepApplet {

    static final String USAGE = "grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...";
    static final String SUMMARY = "Search for PATTERN in FILEs (or stdin)";

    private GrepApplet() {}

    static void register(ShellInterpreter shell) {
        shell.register("grep", GrepApplet::grep);
    }

    static int grep(Invocation call) {
        Options o;
        try {
            o = Options.parse(call.operands(), "cilLnqsvxwhHEFe:");
        } catch (Options.Error e) {
            return Usage.bad(call, e, USAGE, SUMMARY, 2);
        }
        List<String> operands = new ArrayList<>(o.operands());
        List<String> patterns = new ArrayList<>(o.values('e'));
        if (patterns.isEmpty()) {
            if (operands.isEmpty()) return Usage.show(call, USAGE, SUMMARY, 2);
            patterns.add(operands.remove(0));
        }
        List<Pattern> compiled = new ArrayList<>();
        for (String p : patterns) {
            // a pattern with newlines is several patterns, as grep reads it
            for (String one : p.split("\n", -1)) {
                try {
                    compiled.add(compile(one, o));
                } catch (PosixRegex.BadRegex e) {
                    call.error("bad regex '" + one + "'");
                    return 2;
                }
            }
        }
        List<String> files = operands.isEmpty() ? List.of("-") : operands;
        boolean names = o.has('H') || (files.size() > 1 && !o.has('h'));
        boolean anySelected = false;
        boolean error = false;
        StringBuilder out = new StringBuilder();
        for (String f : files) {
            byte[] content;
            String label = f.equals("-") ? "(standard input)" : f;
            if (f.equals("-")) {
                content = call.stdin();
            } else {
                String path = call.resolve(f);
                Optional<byte[]> c = call.fs().read(path);
                if (c.isEmpty()) {
                    if (call.fs().isDirectory(path)) continue; // busybox passes over a folder without a word
                    if (!o.has('s')) {
                        call.out().print(out.toString());
                        out.setLength(0);
                        call.error(f + ": " + FileError.ENOENT.strerror());
                    }
                    error = true;
                    continue;
                }
                content = c.get();
            }
            int count = 0;
            String text = new String(content, StandardCharsets.ISO_8859_1);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (text.endsWith("\n") || text.isEmpty()) lines.remove(lines.size() - 1);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                boolean matches = false;
                for (Pattern p : compiled) {
                    if (p.matcher(line).find()) {
                        matches = true;
                        break;
                    }
                }
                if (matches == o.has('v')) continue;
                count++;
                anySelected = true;
                if (o.has('q')) {
                    call.out().print(out.toString());
                    return 0;
                }
                if (o.has('c') || o.has('l') || o.has('L')) continue;
                if (names) out.append(label).append(':');
                if (o.has('n')) out.append(n + 1).append(':');
                out.append(line).append('\n');
            }
            if (o.has('l') && count > 0) out.append(label).append('\n');
            else if (o.has('L') && count == 0) out.append(label).append('\n');
            else if (o.has('c') && !o.has('l') && !o.has('L')) {
                if (names) out.append(label).append(':');
                out.append(count).append('\n');
            }
        }
        call.out().print(out.toString());
        if (error) return 2;
        return anySelected ? 0 : 1;
    }

    /** One pattern, with -F (fixed string), -E (extended), -i, -x (whole line) and -w (whole word). */
    private static Pattern compile(String pattern, Options o) throws PosixRegex.BadRegex {
        int flags = o.has('i') ? Pattern.CASE_INSENSITIVE : 0;
        String java = o.has('F') ? Pattern.quote(pattern)
                : o.has('E') ? PosixRegex.translateExtended(pattern) : PosixRegex.translateBasic(pattern);
        if (o.has('x')) java = "^(?:" + java + ")$";
        else if (o.has('w')) java = "(?<![\\w])(?:" + java + ")(?![\\w])";
        try {
            return Pattern.compile(java, flags);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new PosixRegex.BadRegex(pattern);
        }
    }
}
