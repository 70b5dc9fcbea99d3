package dev.warden.rootcell.linux;

import dev.warden.rootcell.linux.ShellSyntax.Param;
import dev.warden.rootcell.linux.ShellSyntax.Part;
import dev.warden.rootcell.linux.ShellSyntax.Text;
import dev.warden.rootcell.linux.ShellSyntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns a parsed word into the arguments a program gets, as sh does when the command runs:
 * parameters are replaced by their values, then an unquoted {@code *}, {@code ?} or {@code [...]}
 * makes the word a pattern matched against the file system, path component by path component;
 * the matches come sorted, and a pattern that matches nothing stays as it was written. An
 * unquoted parameter that is empty disappears, while {@code ""} stays an empty argument.
 */
final class WordExpander {

    private final Function<String, String> parameters;
    private final RootFs fs;
    private final UnaryOperator<String> resolve;

    /**
     * @param parameters a parameter's value by name, null when unset
     * @param resolve    turns a relative path into an absolute one (the shell's working directory)
     */
    WordExpander(Function<String, String> parameters, RootFs fs, UnaryOperator<String> resolve) {
        this.parameters = parameters;
        this.fs = fs;
        this.resolve = resolve;
    }

    List<String> expand(Word word) {
        StringBuilder text = new StringBuilder();
        // for each character: may it act as a pattern character (it was not quoted)?
        StringBuilder active = new StringBuilder();
        boolean anyQuoted = false;
        for (Part part : word.parts()) {
            String piece;
            boolean quoted;
            if (part instanceof Text t) {
                piece = t.text();
                quoted = t.quoted();
            } else {
                Param p = (Param) part;
                String value = parameters.apply(p.name());
                piece = value == null ? "" : value;
                quoted = p.quoted();
            }
            anyQuoted |= quoted;
            text.append(piece);
            active.append((quoted ? "0" : "1").repeat(piece.length()));
        }
        if (text.length() == 0 && !anyQuoted) return List.of();
        String s = text.toString();
        boolean pattern = false;
        for (int i = 0; i < s.length(); i++) {
            if (active.charAt(i) == '1' && "*?[".indexOf(s.charAt(i)) >= 0) pattern = true;
        }
        if (!pattern) return List.of(s);
        List<String> matches = glob(s, active.toString());
        return matches.isEmpty() ? List.of(s) : matches;
    }

    /** Matches the pattern against the folders it walks through; results as the pattern spells them. */
    private List<String> glob(String s, String active) {
        boolean absolute = s.startsWith("/");
        List<String> found = new ArrayList<>();
        found.add(absolute ? "/" : "");
        int i = absolute ? 1 : 0;
        while (i <= s.length()) {
            int slash = s.indexOf('/', i);
            int end = slash < 0 ? s.length() : slash;
            String component = s.substring(i, end);
            String componentActive = active.substring(i, end);
            boolean last = slash < 0;
            List<String> nextFound = new ArrayList<>();
            for (String prefix : found) {
                if (!hasPattern(component, componentActive)) {
                    String candidate = prefix + component;
                    if (last ? fs.exists(resolve.apply(candidate)) : fs.isDirectory(resolve.apply(candidate))) {
                        nextFound.add(last ? candidate : candidate + "/");
                    }
                    continue;
                }
                Pattern regex = toRegex(component, componentActive);
                String dir = prefix.isEmpty() ? "." : prefix;
                for (String name : fs.list(resolve.apply(dir)).orElse(List.of())) {
                    // a leading dot is matched only by a leading dot in the pattern
                    if (name.startsWith(".") && !component.startsWith(".")) continue;
                    if (!regex.matcher(name).matches()) continue;
                    String candidate = prefix + name;
                    if (last) nextFound.add(candidate);
                    else if (fs.isDirectory(resolve.apply(candidate))) nextFound.add(candidate + "/");
                }
            }
            found = nextFound;
            if (found.isEmpty() || last) break;
            i = end + 1;
            if (i == s.length()) break; // a pattern ending in '/' matches folders only
        }
        List<String> out = new ArrayList<>(found);
        out.sort(null); // the C locale's byte order, as the board's busybox sorts
        return out;
    }

    private static boolean hasPattern(String component, String active) {
        for (int i = 0; i < component.length(); i++) {
            if (active.charAt(i) == '1' && "*?[".indexOf(component.charAt(i)) >= 0) return true;
        }
        return false;
    }

    /** A shell pattern as a regular expression: * and ? and [...] (with ! or ^ negating). */
    static Pattern toRegex(String component, String active) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < component.length()) {
            char c = component.charAt(i);
            boolean special = active.charAt(i) == '1';
            if (special && c == '*') {
                re.append("[^/]*");
            } else if (special && c == '?') {
                re.append("[^/]");
            } else if (special && c == '[') {
                int close = bracketEnd(component, i);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    re.append(bracket(component.substring(i + 1, close)));
                    i = close;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(re.toString());
    }

    private static int bracketEnd(String s, int open) {
        int i = open + 1;
        if (i < s.length() && (s.charAt(i) == '!' || s.charAt(i) == '^')) i++;
        if (i < s.length() && s.charAt(i) == ']') i++; // a ']' first is a member
        int close = s.indexOf(']', i);
        return close;
    }

    private static String bracket(String body) {
        StringBuilder re = new StringBuilder("[");
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            re.append('^');
            i = 1;
        }
        int first = i;
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '-' && i > first && i < body.length() - 1) re.append('-'); // a range; first or last: a member
            else re.append(c == '\\' || c == '[' || c == ']' || c == '&' || c == '^' || c == '-' ? "\\" + c : String.valueOf(c));
        }
        return re.append(']').toString();
    }
}
