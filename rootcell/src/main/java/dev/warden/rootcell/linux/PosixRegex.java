package dev.warden.rootcell.linux;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * POSIX regular expressions, basic (grep's default) and extended (grep -E), translated into
 * java.util.regex. In a basic expression {@code ( ) { } | + ?} are plain characters and their
 * backslashed forms are the operators (the GNU extensions \| \+ \? included); {@code *} at the start
 * is a plain star; {@code ^} and {@code $} anchor only at the ends. Bracket expressions keep their
 * POSIX meaning: a backslash inside is a backslash, {@code ]} first is a member, [:alpha:] classes.
 */
final class PosixRegex {

    /** A pattern regcomp() refuses; grep reports it as "bad regex 'PATTERN'". */
    static final class BadRegex extends Exception {
        BadRegex(String pattern) {
            super(pattern, null, false, false);
        }
    }

    private PosixRegex() {}

    static Pattern compile(String posix, boolean extended, boolean ignoreCase) throws BadRegex {
        String java = extended ? translateExtended(posix) : translateBasic(posix);
        try {
            return Pattern.compile(java, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new BadRegex(posix);
        }
    }

    static String translateBasic(String s) throws BadRegex {
        StringBuilder re = new StringBuilder();
        int i = 0;
        boolean atStart = true; // where '*' is literal and '^' anchors
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean start = atStart;
            atStart = false;
            if (c == '\\') {
                if (i + 1 >= s.length()) throw new BadRegex(s); // a trailing backslash
                char n = s.charAt(i + 1);
                i += 2;
                switch (n) {
                    case '(' -> {
                        re.append('(');
                        atStart = true;
                    }
                    case ')' -> re.append(')');
                    case '{' -> re.append('{');
                    case '}' -> re.append('}');
                    case '|' -> {
                        re.append('|');
                        atStart = true;
                    }
                    case '+', '?' -> re.append(n);
                    case '<' -> re.append("\\b(?=\\w)");
                    case '>' -> re.append("\\b(?<=\\w)");
                    case 'w', 'W', 's', 'S', 'b', 'B' -> re.append('\\').append(n);
                    default -> re.append(literal(n));
                }
                continue;
            }
            switch (c) {
                case '^' -> re.append(start ? "^" : "\\^");
                case '$' -> re.append(atEnd(s, i + 1) ? "$" : "\\$");
                case '*' -> re.append(start ? "\\*" : "*");
                case '.' -> re.append('.');
                case '[' -> {
                    i = bracket(s, i, re);
                    continue;
                }
                default -> re.append(literal(c));
            }
            if (c == '^' && start) atStart = true; // "^*" : the star is still literal
            i++;
        }
        return re.toString();
    }

    static String translateExtended(String s) throws BadRegex {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length()) throw new BadRegex(s);
                char n = s.charAt(i + 1);
                i += 2;
                switch (n) {
                    case '<' -> re.append("\\b(?=\\w)");
                    case '>' -> re.append("\\b(?<=\\w)");
                    case 'w', 'W', 's', 'S', 'b', 'B' -> re.append('\\').append(n);
                    default -> re.append(literal(n));
                }
                continue;
            }
            switch (c) {
                case '[' -> {
                    i = bracket(s, i, re);
                    continue;
                }
                case '(', ')', '|', '*', '+', '?', '.', '^', '$', '{', '}' -> re.append(c);
                default -> re.append(literal(c));
            }
            i++;
        }
        return re.toString();
    }

    /** A character that stands for itself in java.util.regex (a following quantifier still applies to it). */
    private static String literal(char c) {
        if (Character.isLetterOrDigit(c) && c < 128) return String.valueOf(c);
        return c < 128 ? "\\" + c : String.format("\\x{%x}", (int) c);
    }

    /** Whether position {@code i} ends the expression or a group/alternative (where '$' anchors). */
    private static boolean atEnd(String s, int i) {
        return i >= s.length() || s.startsWith("\\)", i) || s.startsWith("\\|", i);
    }

    /** Translates the bracket expression starting at {@code s[open] == '['}; returns the index after it. */
    private static int bracket(String s, int open, StringBuilder re) throws BadRegex {
        int i = open + 1;
        StringBuilder set = new StringBuilder("[");
        if (i < s.length() && s.charAt(i) == '^') {
            set.append('^');
            i++;
        }
        boolean first = true;
        boolean member = false; // a '-' after a member (and before ']') makes a range
        while (true) {
            if (i >= s.length()) throw new BadRegex(s);
            char c = s.charAt(i);
            if (c == ']' && !first) break;
            first = false;
            if (c == '[' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                int end = s.indexOf(":]", i + 2);
                if (end < 0) throw new BadRegex(s);
                set.append(posixClass(s.substring(i + 2, end), s));
                i = end + 2;
                member = false;
                continue;
            }
            if (c == '-' && member && i + 1 < s.length() && s.charAt(i + 1) != ']') {
                set.append('-'); // a range: the next character ends it and is no member of its own
                member = false;
                i++;
                continue;
            }
            if ("\\[]&^-".indexOf(c) >= 0) set.append('\\');
            set.append(c);
            member = true;
            i++;
        }
        re.append(set).append(']');
        return i + 1;
    }

    private static String posixClass(String name, String pattern) throws BadRegex {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "\\p{Digit}";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s\\x0B";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            case "xdigit" -> "\\p{XDigit}";
            default -> throw new BadRegex(pattern);
        };
    }
}
