package dev.warden.lab.oracle;

/**
 * What one command of a session printed on Warden's board: the text after its echo up to the
 * next prompt, the writer of every character ({@link dev.warden.emulator.console.Writer} tags), and
 * its exit status ({@link SessionFile#TIMEOUT} when the shell never came back).
 */
public record ReplayedCommand(String line, String text, String writers, int status) {

    /** The characters whose writer passes {@code keep}, in order. */
    public String textBy(java.util.function.IntPredicate keep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) if (keep.test(writers.charAt(i))) sb.append(text.charAt(i));
        return sb.toString();
    }
}
