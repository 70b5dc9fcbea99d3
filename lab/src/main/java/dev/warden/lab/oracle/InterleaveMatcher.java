package dev.warden.lab.oracle;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a transcript of one shared UART is the root's text with an inmate's output woven in
 * character by character: every character is either the root's next one or continues an inmate
 * line (a line of the inmate's form, {@code inmate}), and the root's text is used up exactly. The
 * search follows every way of splitting at once; the ways stay few because the root's text and the
 * inmate's form rarely agree for long.
 */
final class InterleaveMatcher {

    /** A way of splitting so far: how much of the root's text is matched, and the inmate's unfinished line. */
    private record State(int root, String inmateLine) {}

    private InterleaveMatcher() {}

    /** -1 when {@code recorded} splits into {@code root} and inmate lines; else where every way failed. */
    static int firstMismatch(String recorded, String root, Pattern inmate) {
        Set<State> states = new HashSet<>();
        states.add(new State(0, ""));
        for (int i = 0; i < recorded.length(); i++) {
            char c = recorded.charAt(i);
            Set<State> next = new HashSet<>();
            for (State s : states) {
                if (s.root < root.length() && root.charAt(s.root) == c) next.add(new State(s.root + 1, s.inmateLine));
                if (c == '\n') {
                    if (!s.inmateLine.isEmpty() && inmate.matcher(s.inmateLine).matches()) next.add(new State(s.root, ""));
                } else if (viable(inmate, s.inmateLine + c)) {
                    next.add(new State(s.root, s.inmateLine + c));
                }
            }
            if (next.isEmpty()) return i;
            states = next;
        }
        for (State s : states) {
            if (s.root == root.length() && (s.inmateLine.isEmpty() || viable(inmate, s.inmateLine))) return -1;
        }
        return recorded.length();
    }

    /** Whether some continuation of {@code prefix} is an inmate line. */
    private static boolean viable(Pattern inmate, String prefix) {
        Matcher m = inmate.matcher(prefix);
        return m.matches() || m.hitEnd();
    }
}
