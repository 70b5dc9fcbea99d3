package dev.warden.steps.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last fault the hypervisor reported, read from its console as a user reads it: the cause line
 * (either release's wording), the register dump and the parking line; and the faulting access,
 * which the memory map marks.
 */
public record LastFault(String dump, Optional<Access> access, int cpu, String cell) {

    /** The access that faulted: an address, its size in bytes (0 for an instruction fetch) and what it was. */
    public record Access(long address, int size, String kind) {}

    private static final Pattern PARKING = Pattern.compile("Parking CPU (\\d+) \\(Cell: \"([^\"]*)\"\\)");
    private static final Pattern[] CAUSES = {
        Pattern.compile("Unhandled data (read|write) at 0x([0-9a-f]+)\\((\\d+)\\)"),
        Pattern.compile("FATAL: Invalid MMIO (read|write), address: ([0-9a-f]+), size: (\\d+)"),
        Pattern.compile("FATAL: (instruction) abort at 0x([0-9a-f]+)()"),
    };
    private static final Pattern CAUSE_LINE = Pattern.compile(
            "(?m)^.*(Unhandled data|FATAL: Invalid MMIO|FATAL: instruction abort|MMIO access disabled|FATAL: (unhandled trap|forbidden access)).*$");

    /** The last fault on the console text, if the hypervisor reported one. */
    public static Optional<LastFault> in(String hypervisorConsole) {
        int dumpAt = hypervisorConsole.lastIndexOf("Cell state before exception:");
        if (dumpAt < 0) return Optional.empty();
        Matcher park = PARKING.matcher(hypervisorConsole);
        if (!park.find(dumpAt)) return Optional.empty();
        int parkEnd = hypervisorConsole.indexOf('\n', park.end());
        if (parkEnd < 0) parkEnd = hypervisorConsole.length();
        // the cause is the first of the fault's lines before the dump: search back a few lines only
        int windowStart = Math.max(0, hypervisorConsole.lastIndexOf("\n", Math.max(0, dumpAt - 400)));
        String before = hypervisorConsole.substring(windowStart, dumpAt);
        Matcher cause = CAUSE_LINE.matcher(before);
        int start = dumpAt;
        while (cause.find()) {
            start = windowStart + cause.start();
            break;
        }
        String dump = hypervisorConsole.substring(start, parkEnd).strip();
        return Optional.of(new LastFault(dump, access(dump), Integer.parseInt(park.group(1)), park.group(2)));
    }

    static Optional<Access> access(String dump) {
        for (Pattern p : CAUSES) {
            Matcher m = p.matcher(dump);
            if (m.find()) {
                int size = m.group(3).isEmpty() ? 0 : Integer.parseInt(m.group(3));
                return Optional.of(new Access(Long.parseUnsignedLong(m.group(2), 16), size, m.group(1)));
            }
        }
        return Optional.empty();
    }
}
