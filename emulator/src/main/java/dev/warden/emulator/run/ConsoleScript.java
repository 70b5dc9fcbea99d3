package dev.warden.emulator.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Talks to a guest over its console the way a person at a terminal does: waits until the output
 * shows a text, then types a reply; after the last step it can stop the run when the output shows
 * a final text. It sees each byte the guest transmits, as the guest transmits it, so the replies
 * arrive at the same instruction in every run.
 */
public final class ConsoleScript {

    /** Wait for {@code expect}, then type {@code reply} (null: stop the run there). */
    public record Step(String expect, String reply) { }

    private final List<Step> steps = new ArrayList<>();
    private final Consumer<String> type;
    private final Runnable stop;
    private final StringBuilder seen = new StringBuilder();
    private int next;
    private boolean finished;

    /**
     * @param type types text on the console (into the UART's receiver)
     * @param stop ends the run
     */
    public ConsoleScript(Consumer<String> type, Runnable stop) {
        this.type = type;
        this.stop = stop;
    }

    public ConsoleScript typeAfter(String expect, String reply) {
        steps.add(new Step(expect, reply));
        return this;
    }

    public ConsoleScript stopAt(String expect) {
        steps.add(new Step(expect, null));
        return this;
    }

    /** Whether the last step's text appeared (a run stopped by it ended where it was meant to). */
    public boolean finished() {
        return finished;
    }

    /** Feed one transmitted byte. */
    public void onByte(int b) {
        if (next >= steps.size()) return;
        seen.append((char) (b & 0xff));
        Step step = steps.get(next);
        int length = step.expect().length();
        if (seen.length() < length || !seen.substring(seen.length() - length).equals(step.expect())) {
            if (seen.length() > 4 * 4096) seen.delete(0, seen.length() - 4096); // keeps more than any text waited for
            return;
        }
        seen.setLength(0);
        next++;
        if (step.reply() != null) {
            type.accept(step.reply());
        } else {
            finished = true;
            stop.run();
        }
        if (next == steps.size() && step.reply() != null) finished = true;
    }
}
