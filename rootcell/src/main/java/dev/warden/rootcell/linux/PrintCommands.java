package dev.warden.rootcell.linux;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

/**
 * sh's echo and printf. printf writes raw bytes: {@code printf '\015\000'} gives the two bytes 0x0d
 * 0x00, which is how a user patches a binary file with {@code dd}. Numbers that do not parse are
 * reported and count as 0, a missing argument is empty (0 for a number, NUL for %c), and the format
 * is used again while arguments remain, as busybox does.
 */
final class PrintCommands {

    private PrintCommands() {}

    static void register(ShellInterpreter shell) {
        shell.register("echo", PrintCommands::echo);
        shell.register("printf", PrintCommands::printf);
    }

    /** echo [-neE] ARGS: leading words made only of n, e, E are options; anything else is printed. */
    static int echo(Invocation call) {
        List<String> args = call.operands();
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.length() < 2 || a.charAt(0) != '-' || !a.substring(1).chars().allMatch(c -> "neE".indexOf(c) >= 0)) break;
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'n') newline = false;
                else escapes = c == 'e';
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean stopped = false;
        for (int k = i; k < args.size() && !stopped; k++) {
            if (k > i) out.write(' ');
            if (escapes) {
                stopped = escape(args.get(k), out, true);
            } else {
                out.writeBytes(bytes(args.get(k)));
            }
        }
        if (newline && !stopped) out.write('\n');
        call.out().write(out.toByteArray());
        return 0;
    }

    /** A format error: sh's message, status 1, nothing more printed. */
    private static final class BadFormat extends RuntimeException {
        BadFormat(String rest) {
            super(rest, null, false, false);
        }
    }

    static int printf(Invocation call) {
        List<String> args = call.operands();
        if (args.isEmpty()) {
            call.err().print(ShellInterpreter.SH + ": usage: printf FORMAT [ARGUMENT...]\n");
            return 2;
        }
        Formatter f = new Formatter(args.get(0), args.subList(1, args.size()), call);
        try {
            f.run();
        } catch (BadFormat e) {
            call.out().write(f.out.toByteArray());
            call.err().print(ShellInterpreter.SH + ": " + e.getMessage() + ": invalid format\n");
            return 1;
        }
        call.out().write(f.out.toByteArray());
        return f.status;
    }

    /** One printf run: the format, applied again and again while arguments remain. */
    private static final class Formatter {
        final String format;
        final List<String> args;
        final Invocation call;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int next;
        int status;
        boolean stopped;

        Formatter(String format, List<String> args, Invocation call) {
            this.format = format;
            this.args = args;
            this.call = call;
        }

        void run() {
            do {
                int before = next;
                once();
                if (next == before) break; // a format without conversions prints once
            } while (next < args.size() && !stopped);
        }

        private String arg() {
            return next < args.size() ? args.get(next++) : null;
        }

        private void once() {
            int i = 0;
            while (i < format.length() && !stopped) {
                char c = format.charAt(i);
                if (c == '\\') {
                    int end = escapeAt(format, i, out, false);
                    if (end < 0) {
                        stopped = true;
                        return;
                    }
                    i = end;
                } else if (c == '%') {
                    i = conversion(i);
                } else {
                    out.write(c);
                    i++;
                }
            }
        }

        /** One %... conversion starting at {@code start}; returns the index after it. */
        private int conversion(int start) {
            int i = start + 1;
            if (i < format.length() && format.charAt(i) == '%') {
                out.write('%');
                return i + 1;
            }
            StringBuilder spec = new StringBuilder("%");
            while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) spec.append(format.charAt(i++));
            i = number(i, spec);
            if (i < format.length() && format.charAt(i) == '.') {
                spec.append('.');
                i = number(i + 1, spec);
            }
            if (i >= format.length()) throw new BadFormat(format.substring(start));
            char conv = format.charAt(i);
            String a = arg();
            try {
                convert(conv, spec.toString(), a, start);
            } catch (java.util.IllegalFormatException e) {
                throw new BadFormat(format.substring(start)); // flags C's printf would ignore, Java refuses
            }
            return i + 1;
        }

        private void convert(char conv, String spec, String a, int start) {
            switch (conv) {
                case 's' -> out.writeBytes(bytes(String.format(Locale.ROOT, spec + "s", a == null ? "" : a)));
                case 'b' -> {
                    ByteArrayOutputStream expanded = new ByteArrayOutputStream();
                    if (escape(a == null ? "" : a, expanded, true)) stopped = true;
                    out.writeBytes(bytes(String.format(Locale.ROOT, spec + "s",
                            new String(expanded.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))));
                }
                case 'c' -> out.writeBytes(bytes(String.format(Locale.ROOT, spec + "c", a == null || a.isEmpty() ? '\0' : a.charAt(0))));
                case 'd', 'i' -> out.writeBytes(bytes(String.format(Locale.ROOT, spec + "d", integer(a))));
                case 'u' -> out.writeBytes(bytes(String.format(Locale.ROOT, spec + "s", Long.toUnsignedString(integer(a)))));
                case 'o', 'x', 'X' -> out.writeBytes(bytes(String.format(Locale.ROOT, spec + conv, integer(a))));
                case 'e', 'E', 'f', 'g', 'G' -> out.writeBytes(bytes(String.format(Locale.ROOT, spec + conv, real(a))));
                default -> throw new BadFormat(format.substring(start));
            }
        }

        /** Digits of a width or precision, or '*' taking it from the arguments. */
        private int number(int i, StringBuilder spec) {
            if (i < format.length() && format.charAt(i) == '*') {
                spec.append(integer(arg()));
                return i + 1;
            }
            while (i < format.length() && Character.isDigit(format.charAt(i))) spec.append(format.charAt(i++));
            return i;
        }

        /** An integer argument: decimal, 0x hex, 0 octal, or 'c for a character's code. */
        private long integer(String a) {
            if (a == null || a.isEmpty()) return 0;
            if (a.charAt(0) == '\'' || a.charAt(0) == '"') return a.length() > 1 ? a.charAt(1) : 0;
            String s = a.strip();
            boolean negative = s.startsWith("-");
            String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            try {
                long v;
                if (digits.startsWith("0x") || digits.startsWith("0X")) v = Long.parseUnsignedLong(digits.substring(2), 16);
                else if (digits.length() > 1 && digits.startsWith("0")) v = Long.parseLong(digits.substring(1), 8);
                else v = Long.parseLong(digits);
                return negative ? -v : v;
            } catch (NumberFormatException e) {
                call.err().print(ShellInterpreter.SH + ": invalid number '" + a + "'\n");
                status = 1;
                return 0;
            }
        }

        private double real(String a) {
            if (a == null || a.isEmpty()) return 0;
            try {
                return Double.parseDouble(a.strip());
            } catch (NumberFormatException e) {
                call.err().print(ShellInterpreter.SH + ": invalid number '" + a + "'\n");
                status = 1;
                return 0;
            }
        }
    }

    /**
     * Expands the backslash escapes of {@code s} into {@code out}.
     *
     * @param zeroPrefixed whether octal escapes are written \0NNN (echo -e, %b) rather than \NNN
     * @return whether a \c asked to stop all output
     */
    static boolean escape(String s, ByteArrayOutputStream out, boolean zeroPrefixed) {
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) != '\\') {
                out.write(s.charAt(i++));
                continue;
            }
            int end = escapeAt(s, i, out, zeroPrefixed);
            if (end < 0) return true;
            i = end;
        }
        return false;
    }

    /**
     * One escape at {@code s[i] == '\\'}: writes its byte and returns the index after it, or -1 for
     * \c. printf's format takes \NNN (up to three octal digits); echo -e and %b take \0NNN, and a
     * plain \NNN there too, as busybox does.
     */
    private static int escapeAt(String s, int i, ByteArrayOutputStream out, boolean zeroPrefixed) {
        if (i + 1 >= s.length()) {
            out.write('\\'); // a backslash at the very end stays
            return i + 1;
        }
        char c = s.charAt(i + 1);
        int j = i + 2;
        switch (c) {
            case 'a' -> out.write(7);
            case 'b' -> out.write(8);
            case 'e' -> out.write(27);
            case 'f' -> out.write(12);
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'v' -> out.write(11);
            case '\\' -> out.write('\\');
            case 'c' -> {
                return -1;
            }
            case 'x' -> {
                int v = 0;
                int n = 0;
                while (n < 2 && j < s.length() && Character.digit(s.charAt(j), 16) >= 0) {
                    v = v * 16 + Character.digit(s.charAt(j++), 16);
                    n++;
                }
                if (n == 0) {
                    out.write('\\');
                    out.write('x');
                } else {
                    out.write(v);
                }
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int k = i + 1;
                    if (zeroPrefixed && c == '0') k++; // \0NNN: the 0 only announces the digits
                    int v = 0;
                    int n = 0;
                    while (n < 3 && k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '7') {
                        v = v * 8 + (s.charAt(k++) - '0');
                        n++;
                    }
                    out.write(v & 0xff);
                    j = k;
                } else {
                    out.write('\\'); // an unknown escape stays as written
                    out.write(c);
                }
            }
        }
        return j;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
