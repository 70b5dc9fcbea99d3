package dev.warden.rootcell.linux;

import dev.warden.rootcell.linux.ShellSyntax.CommandList;
import dev.warden.rootcell.linux.ShellSyntax.Connector;
import dev.warden.rootcell.linux.ShellSyntax.Param;
import dev.warden.rootcell.linux.ShellSyntax.Part;
import dev.warden.rootcell.linux.ShellSyntax.Pipeline;
import dev.warden.rootcell.linux.ShellSyntax.Redirect;
import dev.warden.rootcell.linux.ShellSyntax.RedirectKind;
import dev.warden.rootcell.linux.ShellSyntax.SimpleCommand;
import dev.warden.rootcell.linux.ShellSyntax.Step;
import dev.warden.rootcell.linux.ShellSyntax.Text;
import dev.warden.rootcell.linux.ShellSyntax.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one command line the way busybox sh does for the subset Warden's shell speaks: words with
 * single and double quotes and backslash escapes, {@code $?}/{@code $NAME}/{@code ${NAME}},
 * {@code #} comments, pipes, {@code ;}, {@code &&}, {@code ||}, and the redirections {@code <},
 * {@code >}, {@code >>}, {@code N>} and {@code N>&M}. Mistakes are reported with sh's words
 * ("syntax error: unexpected "|"").
 */
final class CommandLineParser {

    /** A line the shell cannot run; the message is what sh prints after its name. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private enum Kind { WORD, OPERATOR, REDIRECT, END }

    private record Token(Kind kind, String text, Word word, int fd, RedirectKind redirect) {}

    private final String line;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();
    private int next;

    private CommandLineParser(String line) {
        this.line = line;
    }

    static CommandList parse(String line) throws SyntaxError {
        CommandLineParser p = new CommandLineParser(line);
        p.tokenize();
        return p.list();
    }

    // ---- grammar ----

    private CommandList list() throws SyntaxError {
        List<Step> steps = new ArrayList<>();
        Connector connector = Connector.ALWAYS;
        while (peek().kind() != Kind.END) {
            steps.add(new Step(connector, pipeline()));
            Token t = peek();
            if (t.kind() == Kind.END) break;
            String op = t.text();
            switch (op) {
                // a background job ('&') runs in the foreground here: the shell has no job control
                case ";", "&" -> connector = Connector.ALWAYS;
                case "&&" -> connector = Connector.IF_SUCCESS;
                case "||" -> connector = Connector.IF_FAILURE;
                default -> throw unexpected(t);
            }
            next++;
            if (peek().kind() == Kind.END && (op.equals("&&") || op.equals("||"))) {
                throw new SyntaxError("syntax error: unexpected end of file");
            }
        }
        return new CommandList(steps);
    }

    private Pipeline pipeline() throws SyntaxError {
        List<SimpleCommand> commands = new ArrayList<>();
        commands.add(command());
        while (peek().kind() == Kind.OPERATOR && peek().text().equals("|")) {
            next++;
            if (peek().kind() == Kind.END) throw new SyntaxError("syntax error: unexpected end of file");
            commands.add(command());
        }
        return new Pipeline(commands);
    }

    private SimpleCommand command() throws SyntaxError {
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.WORD) {
                words.add(t.word());
                next++;
            } else if (t.kind() == Kind.REDIRECT) {
                next++;
                Token target = peek();
                if (target.kind() == Kind.END) throw new SyntaxError("syntax error: unexpected end of file");
                if (target.kind() == Kind.REDIRECT) throw new SyntaxError("syntax error: unexpected redirection");
                if (target.kind() != Kind.WORD) throw unexpected(target);
                next++;
                redirects.add(new Redirect(t.fd(), t.redirect(), target.word()));
            } else {
                break;
            }
        }
        if (words.isEmpty() && redirects.isEmpty()) throw unexpected(peek());
        return new SimpleCommand(words, redirects);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private static SyntaxError unexpected(Token t) {
        if (t.kind() == Kind.END) return new SyntaxError("syntax error: unexpected end of file");
        return new SyntaxError("syntax error: unexpected \"" + t.text() + "\"");
    }

    // ---- tokens ----

    private void tokenize() throws SyntaxError {
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '#') {
                break; // a comment runs to the end of the line
            } else if (c == '|' || c == '&' || c == ';') {
                boolean doubled = pos + 1 < line.length() && line.charAt(pos + 1) == c;
                String op = doubled ? "" + c + c : "" + c;
                tokens.add(new Token(Kind.OPERATOR, op, null, -1, null));
                pos += op.length();
            } else if (c == '<' || c == '>') {
                redirect(c == '<' ? 0 : 1);
            } else if (Character.isDigit(c) && pos + 1 < line.length()
                    && (line.charAt(pos + 1) == '<' || line.charAt(pos + 1) == '>')) {
                pos++;
                redirect(c - '0');
            } else {
                tokens.add(new Token(Kind.WORD, null, word(), -1, null));
            }
        }
        tokens.add(new Token(Kind.END, "", null, -1, null));
    }

    private void redirect(int fd) {
        char c = line.charAt(pos++);
        RedirectKind kind;
        String text;
        if (c == '<') {
            kind = RedirectKind.READ;
            text = "<";
            if (pos < line.length() && line.charAt(pos) == '&') {
                kind = RedirectKind.DUPLICATE;
                text = "<&";
                pos++;
            }
        } else if (pos < line.length() && line.charAt(pos) == '>') {
            kind = RedirectKind.APPEND;
            text = ">>";
            pos++;
        } else if (pos < line.length() && line.charAt(pos) == '&') {
            kind = RedirectKind.DUPLICATE;
            text = ">&";
            pos++;
        } else {
            kind = RedirectKind.WRITE;
            text = ">";
            if (pos < line.length() && line.charAt(pos) == '|') pos++; // >| : no noclobber here anyway
        }
        tokens.add(new Token(Kind.REDIRECT, text, null, fd, kind));
    }

    /** One word: up to unquoted white space or an operator character. */
    private Word word() throws SyntaxError {
        WordBuilder w = new WordBuilder();
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || "|&;<>".indexOf(c) >= 0) break;
            if (c == '\\') {
                // an escaped character stands for itself; a lone backslash at the end stays as typed
                if (pos + 1 < line.length()) {
                    w.text(String.valueOf(line.charAt(pos + 1)), true);
                    pos += 2;
                } else {
                    w.text("\\", true);
                    pos++;
                }
            } else if (c == '\'') {
                int end = line.indexOf('\'', pos + 1);
                if (end < 0) throw new SyntaxError("syntax error: unterminated quoted string");
                w.text(line.substring(pos + 1, end), true);
                pos = end + 1;
            } else if (c == '"') {
                doubleQuoted(w);
            } else if (c == '$') {
                parameter(w, false);
            } else {
                w.text(String.valueOf(c), false);
                pos++;
            }
        }
        return w.build();
    }

    /** Inside double quotes a backslash escapes only $ ` " and \ itself; $ still expands. */
    private void doubleQuoted(WordBuilder w) throws SyntaxError {
        pos++;
        w.text("", true); // "" is an empty argument, not nothing
        while (true) {
            if (pos >= line.length()) throw new SyntaxError("syntax error: unterminated quoted string");
            char c = line.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < line.length() && "$`\"\\".indexOf(line.charAt(pos + 1)) >= 0) {
                w.text(String.valueOf(line.charAt(pos + 1)), true);
                pos += 2;
            } else if (c == '$') {
                parameter(w, true);
            } else {
                w.text(String.valueOf(c), true);
                pos++;
            }
        }
    }

    private void parameter(WordBuilder w, boolean quoted) {
        int start = pos + 1;
        if (start < line.length()) {
            char c = line.charAt(start);
            if ("?$#!@*-".indexOf(c) >= 0 || Character.isDigit(c)) {
                w.param(String.valueOf(c), quoted);
                pos = start + 1;
                return;
            }
            if (c == '{') {
                int end = line.indexOf('}', start);
                if (end > start + 1) {
                    w.param(line.substring(start + 1, end), quoted);
                    pos = end + 1;
                    return;
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int end = start;
                while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) end++;
                w.param(line.substring(start, end), quoted);
                pos = end;
                return;
            }
        }
        w.text("$", quoted); // a dollar that starts no parameter is just a dollar
        pos++;
    }

    /** Collects a word's parts, merging neighbouring text of the same quoting. */
    private static final class WordBuilder {
        private final List<Part> parts = new ArrayList<>();

        void text(String s, boolean quoted) {
            if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Text t && t.quoted() == quoted) {
                parts.set(parts.size() - 1, new Text(t.text() + s, quoted));
            } else {
                parts.add(new Text(s, quoted));
            }
        }

        void param(String name, boolean quoted) {
            parts.add(new Param(name, quoted));
        }

        Word build() {
            return new Word(List.copyOf(parts));
        }
    }
}
