package dev.warden.rootcell.linux;

import java.util.List;

/**
 * A command line as the shell's parser leaves it: pipelines joined by {@code ;}, {@code &&} and
 * {@code ||}; each pipeline a list of simple commands; each command its words and redirections.
 * Words stay unexpanded ({@code $?} is read when the command runs, not when the line is parsed)
 * and remember which of their characters were quoted, because quoted characters are never globbed.
 */
final class ShellSyntax {

    private ShellSyntax() {}

    /** A piece of a word. */
    sealed interface Part permits Text, Param {}

    /** Literal characters; {@code quoted} when they came from quotes or a backslash escape. */
    record Text(String text, boolean quoted) implements Part {}

    /** {@code $NAME}, {@code ${NAME}} or a special parameter such as {@code $?}. */
    record Param(String name, boolean quoted) implements Part {}

    record Word(List<Part> parts) {
        /** The word as written, quotes removed and parameters unexpanded (for messages). */
        String literal() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (p instanceof Text t) sb.append(t.text());
                else if (p instanceof Param v) sb.append('$').append(v.name());
            }
            return sb.toString();
        }
    }

    enum RedirectKind {
        /** {@code < FILE} */
        READ,
        /** {@code > FILE} */
        WRITE,
        /** {@code >> FILE} */
        APPEND,
        /** {@code >&N}: the descriptor becomes a copy of descriptor N */
        DUPLICATE
    }

    /** A redirection of descriptor {@code fd}; {@code target} is the file, or the descriptor number for DUPLICATE. */
    record Redirect(int fd, RedirectKind kind, Word target) {}

    record SimpleCommand(List<Word> words, List<Redirect> redirects) {}

    record Pipeline(List<SimpleCommand> commands) {}

    /** How a pipeline depends on the one before it. */
    enum Connector {
        /** {@code ;} or the start of the line: always runs */
        ALWAYS,
        /** {@code &&}: runs if the previous status was 0 */
        IF_SUCCESS,
        /** {@code ||}: runs if the previous status was not 0 */
        IF_FAILURE
    }

    record Step(Connector connector, Pipeline pipeline) {}

    record CommandList(List<Step> steps) {
        boolean isEmpty() { return steps.isEmpty(); }
    }
}
