package dev.warden.emulator.console;

import dev.warden.emulator.clock.VirtualClock;
import dev.warden.emulator.devices.uart.SerialPort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The far end of one serial line: everything the board transmits on it, as text and as lines
 * stamped with the virtual time at which each line began, plus a keyboard to type into it.
 * Carriage returns are dropped, so text compares the same as a pasted hardware transcript.
 */
public final class Console {

    /** One line of output and the virtual time (ns) of its first character. */
    public record Line(long timeNanos, String text) {
        public String stamped() {
            return String.format("[%5d.%06d] %s", timeNanos / 1_000_000_000L, (timeNanos / 1000) % 1_000_000, text);
        }
    }

    private final String name;
    private final String role;
    private final VirtualClock clock;
    private final SerialPort port;
    private final StringBuilder text = new StringBuilder();
    /** The writer of each character of {@link #text} ({@link Writer} tags). */
    private final StringBuilder writers = new StringBuilder();
    private final Writer writer;
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private long partialStart = -1;

    public Console(String name, String role, VirtualClock clock, SerialPort port) {
        this(name, role, clock, port, new Writer());
    }

    /** A console that tags every character with the board's current {@link Writer}. */
    public Console(String name, String role, VirtualClock clock, SerialPort port, Writer writer) {
        this.writer = writer;
        this.name = name;
        this.role = role;
        this.clock = clock;
        this.port = port;
        port.attach(this::accept);
    }

    public String name() { return name; }

    public String role() { return role; }

    private void accept(int b) {
        if (b == '\r') return;
        if (b == '\b') {
            // a terminal moves the cursor back; U-Boot's countdown overwrites its digit this way
            if (partial.length() > 0) {
                partial.setLength(partial.length() - 1);
                text.setLength(text.length() - 1);
                writers.setLength(writers.length() - 1);
            }
            return;
        }
        if (partialStart < 0) partialStart = clock.now();
        if (b == '\n') {
            lines.add(new Line(partialStart, partial.toString()));
            text.append('\n');
            writers.append(writer.current());
            partial.setLength(0);
            partialStart = -1;
            return;
        }
        char c = (char) (b & 0xff);
        partial.append(c);
        text.append(c);
        writers.append(writer.current());
    }

    /** Everything printed so far (without carriage returns). */
    public String text() {
        return text.toString();
    }

    /** The writer tag of every character of {@link #text()}, one per character. */
    public String writers() {
        return writers.toString();
    }

    public int length() {
        return text.length();
    }

    /** Position of {@code needle} at or after {@code from}, or -1. */
    public int indexOf(String needle, int from) {
        return text.indexOf(needle, from);
    }

    /** Completed lines, plus the unfinished last line (a prompt) if there is one. */
    public List<Line> lines() {
        List<Line> all = new ArrayList<>(lines);
        if (partialStart >= 0) all.add(new Line(partialStart, partial.toString()));
        return Collections.unmodifiableList(all);
    }

    /** The transcript with a virtual timestamp before every line, for reports and diffs. */
    public String stampedTranscript() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines()) sb.append(l.stamped()).append('\n');
        return sb.toString();
    }

    /** Types text into the board's receive FIFO, as a person at a terminal would. */
    public void type(String input) {
        port.receive(input.getBytes(StandardCharsets.ISO_8859_1));
    }

    public SerialPort port() {
        return port;
    }
}
