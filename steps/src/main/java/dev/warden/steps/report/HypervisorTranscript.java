package dev.warden.steps.report;

import dev.warden.emulator.console.Console;
import dev.warden.emulator.console.Writer;
import java.util.List;

/**
 * The hypervisor console on its own: the lines of the hypervisor's UART that the hypervisor wrote,
 * with their virtual timestamps. On boards whose hypervisor shares the root's UART (the AM654's
 * main_uart0) the console's transcript interleaves both; the console remembers the writer of every
 * character, so the hypervisor's part can be read alone.
 */
public final class HypervisorTranscript {

    private HypervisorTranscript() {}

    /** The stamped lines in which the hypervisor wrote anything, with only its characters. */
    public static String of(Console console) {
        String text = console.text();
        String writers = console.writers();
        List<Console.Line> lines = console.lines();
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (Console.Line line : lines) {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = text.length();
            StringBuilder own = new StringBuilder();
            boolean any = false;
            for (int i = pos; i < end && i < writers.length(); i++) {
                if (writers.charAt(i) == Writer.HYPERVISOR) {
                    own.append(text.charAt(i));
                    any = true;
                }
            }
            // an empty line the hypervisor printed (its newline is its own) stays, for the dump's layout
            boolean ownNewline = end < writers.length() && writers.charAt(end) == Writer.HYPERVISOR;
            if (any || ownNewline) out.append(new Console.Line(line.timeNanos(), own.toString()).stamped()).append('\n');
            pos = end + 1;
        }
        return out.toString();
    }
}
