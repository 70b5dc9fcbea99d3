package dev.warden.emulator.uboot;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of U-Boot's hush shell that board environments use: commands separated by {@code ;},
 * {@code &&} and {@code ||}; {@code for NAME in WORDS; do ...; done}; {@code if ...; then ...;
 * [else ...;] fi}. Words keep their quotes and {@code $} references; they are expanded only when
 * the command runs, as hush does, so {@code run} of a variable sees its current value.
 */
public final class HushScript {

    /** A parsed script: a list of steps joined by how the next one depends on the previous. */
    public sealed interface Node permits Command, Sequence, ForLoop, IfElse {}

    public record Command(List<String> words) implements Node {}

    public enum Join { ALWAYS, IF_OK, IF_FAILED }

    public record Sequence(List<Node> nodes, List<Join> joins) implements Node {}

    public record ForLoop(String variable, List<String> words, Node body) implements Node {}

    public record IfElse(Node condition, Node then, Node otherwise) implements Node {}

    private final List<String> tokens;
    private final String source;
    private int pos;

    private HushScript(List<String> tokens, String source) {
        this.tokens = tokens;
        this.source = source;
    }

    /** Parses a command line or an environment variable's script. */
    public static Node parse(String script) {
        HushScript p = new HushScript(tokenize(script), script);
        Node n = p.sequence(List.of());
        if (p.pos < p.tokens.size()) throw p.syntax("unexpected '" + p.tokens.get(p.pos) + "'");
        return n;
    }

    private UBootSyntaxException syntax(String what) {
        return new UBootSyntaxException("syntax error: " + what + " in: " + source);
    }

    private Node sequence(List<String> terminators) {
        List<Node> nodes = new ArrayList<>();
        List<Join> joins = new ArrayList<>();
        Join pending = Join.ALWAYS;
        while (pos < tokens.size()) {
            String t = tokens.get(pos);
            if (terminators.contains(t)) break;
            switch (t) {
                case ";" -> { pos++; pending = Join.ALWAYS; continue; }
                case "&&" -> { pos++; pending = Join.IF_OK; continue; }
                case "||" -> { pos++; pending = Join.IF_FAILED; continue; }
                default -> { }
            }
            nodes.add(statement());
            joins.add(pending);
            pending = Join.ALWAYS;
        }
        return new Sequence(nodes, joins);
    }

    private Node statement() {
        String t = tokens.get(pos);
        if (t.equals("for")) return forLoop();
        if (t.equals("if")) return ifElse();
        List<String> words = new ArrayList<>();
        while (pos < tokens.size() && !isOperator(tokens.get(pos))) words.add(tokens.get(pos++));
        return new Command(words);
    }

    private Node forLoop() {
        pos++;
        String var = next("a loop variable after 'for'");
        expect("in");
        List<String> words = new ArrayList<>();
        while (pos < tokens.size() && !tokens.get(pos).equals(";")) words.add(tokens.get(pos++));
        skipSeparators();
        expect("do");
        Node body = sequence(List.of("done"));
        expect("done");
        return new ForLoop(var, words, body);
    }

    private Node ifElse() {
        pos++;
        Node cond = sequence(List.of("then"));
        expect("then");
        Node then = sequence(List.of("else", "fi"));
        Node otherwise = new Sequence(List.of(), List.of());
        if (pos < tokens.size() && tokens.get(pos).equals("else")) {
            pos++;
            otherwise = sequence(List.of("fi"));
        }
        expect("fi");
        return new IfElse(cond, then, otherwise);
    }

    private void skipSeparators() {
        while (pos < tokens.size() && tokens.get(pos).equals(";")) pos++;
    }

    private String next(String what) {
        if (pos >= tokens.size()) throw syntax("expected " + what);
        return tokens.get(pos++);
    }

    private void expect(String keyword) {
        skipSeparators();
        String t = next("'" + keyword + "'");
        if (!t.equals(keyword)) throw syntax("expected '" + keyword + "', found '" + t + "'");
    }

    private static boolean isOperator(String t) {
        return t.equals(";") || t.equals("&&") || t.equals("||");
    }

    /** Splits into words and operators; quotes stay in the words until expansion. */
    static List<String> tokenize(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == quote) quote = 0;
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                word.append(c);
            } else if (c == ' ' || c == '\t' || c == '\n') {
                flush(word, out);
            } else if (c == ';') {
                flush(word, out);
                out.add(";");
            } else if ((c == '&' || c == '|') && i + 1 < script.length() && script.charAt(i + 1) == c) {
                flush(word, out);
                out.add(c == '&' ? "&&" : "||");
                i++;
            } else {
                word.append(c);
            }
        }
        if (quote != 0) throw new UBootSyntaxException("syntax error: unterminated quote in: " + script);
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }
}
