package dev.warden.rootcell.linux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options as busybox applets read them (getopt): single-letter flags that may be
 * grouped ({@code -ci}), options with a value either attached or in the next word ({@code -c100},
 * {@code -c 100}), options and operands in any order, {@code --} ending the options and a lone
 * {@code -} being an operand (standard input).
 */
final class Options {

    /** A malformed command line; the message is getopt's ("invalid option -- 'z'"). */
    static final class Error extends Exception {
        Error(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<Character, List<String>> seen = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();

    private Options() {}

    /**
     * @param spec the letters accepted; a letter followed by ':' takes a value
     */
    static Options parse(List<String> args, String spec) throws Error {
        Options o = new Options();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
                o.operands.add(a);
                continue;
            }
            if (a.equals("--")) {
                optionsEnded = true;
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                int at = spec.indexOf(c);
                if (at < 0 || c == ':') throw new Error("invalid option -- '" + c + "'");
                boolean takesValue = at + 1 < spec.length() && spec.charAt(at + 1) == ':';
                if (!takesValue) {
                    o.seen.computeIfAbsent(c, k -> new ArrayList<>()).add("");
                    continue;
                }
                String value;
                if (j + 1 < a.length()) {
                    value = a.substring(j + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new Error("option requires an argument -- '" + c + "'");
                }
                o.seen.computeIfAbsent(c, k -> new ArrayList<>()).add(value);
                break;
            }
        }
        return o;
    }

    boolean has(char c) {
        return seen.containsKey(c);
    }

    /** The option's last value (later options override earlier ones), or null. */
    String value(char c) {
        List<String> v = seen.get(c);
        return v == null ? null : v.get(v.size() - 1);
    }

    List<String> values(char c) {
        return seen.getOrDefault(c, List.of());
    }

    /** The letters given, in the order they came first. */
    List<Character> letters() {
        return List.copyOf(seen.keySet());
    }

    List<String> operands() {
        return operands;
    }
}
