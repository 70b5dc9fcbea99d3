package dev.warden.lab.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may legitimately differ between two runs of the same session, and nothing else
 * (shared/reference-rig/README.md, "What differs from run to run"), applied alike to the real
 * transcript and to Warden's, so that equal lines mean equal behaviour:
 * <ol>
 * <li>kernel timestamps;</li>
 * <li>which CPU runs the tool: the number in "on CPU n", the order of the " CPU n... OK" and
 *     " Releasing CPU n" lines (a run of them is put in CPU order), and the number of the root-cell
 *     CPU that a root fault parks;</li>
 * <li>"(polled N ms)";</li>
 * <li>gic-demo's jitter figures, and how many of its periodic lines fit in the time waited;</li>
 * </ol>
 * and two that follow from what Warden is: the registers of a root-cell CPU in a register dump
 * (the root kernel is Warden's model; its syndrome and PSTATE still count), and the registers of
 * an inmate's dump that hold addresses or values of the inmate binary's own layout (Warden's
 * inmates are its own programs; values outside the inmate's RAM, the syndrome and the PSTATE count).
 */
final class LineNormalizer {

    static final Pattern STAMP = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] ");
    static final Pattern ON_CPU = Pattern.compile("^(Initializing Jailhouse hypervisor .*) on CPU \\d+$");
    static final Pattern POLLED = Pattern.compile("\\(polled \\d+ ms\\)");
    static final Pattern CPU_OK = Pattern.compile("^ CPU (\\d+)\\.\\.\\. (OK|FAILED)$");
    static final Pattern RELEASING = Pattern.compile("^ Releasing CPU (\\d+)$");
    static final Pattern PARKING = Pattern.compile("^Parking CPU (\\d+) \\(Cell: \"(.*)\"\\)$");
    static final Pattern DUMP_START = Pattern.compile("^Cell state before exception:$");
    static final Pattern HEX = Pattern.compile("\\b([a-z0-9]+): ([0-9a-f]{16})\\b");
    static final Pattern JITTER = Pattern.compile("^Timer fired, jitter: .*");
    static final String MASK = "****************";

    private final String rootCell;
    private final long inmateRamStart;
    private final long inmateRamEnd;

    LineNormalizer(String rootCell, long inmateRamStart, long inmateRamEnd) {
        this.rootCell = rootCell;
        this.inmateRamStart = inmateRamStart;
        this.inmateRamEnd = inmateRamEnd;
    }

    /** The root's lines of one transcript, normalized. */
    List<String> root(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) out.add(line(l));
        sortRuns(out, CPU_OK);
        sortRuns(out, RELEASING);
        maskDumps(out);
        return out;
    }

    static String line(String l) {
        String s = STAMP.matcher(l).replaceFirst("[T] ");
        Matcher on = ON_CPU.matcher(s);
        if (on.matches()) s = on.group(1) + " on CPU *";
        return POLLED.matcher(s).replaceAll("(polled * ms)");
    }

    /** An inmate's lines: gic-demo's figures masked, repeats of one line counted once. */
    static List<String> inmate(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String s = JITTER.matcher(l).matches() ? "Timer fired, jitter: *" : l;
            if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) out.add(s);
        }
        return out;
    }

    /** A run of per-CPU lines in CPU order: which CPU runs first is the scheduler's. */
    private static void sortRuns(List<String> lines, Pattern perCpu) {
        int i = 0;
        while (i < lines.size()) {
            if (!perCpu.matcher(lines.get(i)).matches()) {
                i++;
                continue;
            }
            int j = i;
            while (j < lines.size() && perCpu.matcher(lines.get(j)).matches()) j++;
            List<String> run = new ArrayList<>(lines.subList(i, j));
            run.sort((a, b) -> Integer.compare(cpuOf(a, perCpu), cpuOf(b, perCpu)));
            for (int k = i; k < j; k++) lines.set(k, run.get(k - i));
            i = j;
        }
    }

    private static int cpuOf(String line, Pattern perCpu) {
        Matcher m = perCpu.matcher(line);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Register dumps: whose CPU it is decides which values count (see the class comment). */
    private void maskDumps(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!DUMP_START.matcher(lines.get(i)).matches()) continue;
            int end = i + 1;
            while (end < lines.size() && !PARKING.matcher(lines.get(end)).matches()) end++;
            if (end >= lines.size()) continue;
            Matcher park = PARKING.matcher(lines.get(end));
            park.matches();
            boolean root = park.group(2).equals(rootCell);
            if (root) lines.set(end, "Parking CPU * (Cell: \"" + rootCell + "\")");
            for (int k = i + 1; k < end; k++) lines.set(k, maskRegisters(lines.get(k), root));
            i = end;
        }
    }

    private String maskRegisters(String line, boolean root) {
        Matcher m = HEX.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String reg = m.group(1);
            long value = Long.parseUnsignedLong(m.group(2), 16);
            boolean layout = reg.equals("pc") || reg.equals("lr") || reg.equals("sp") || reg.equals("elr")
                    || (value >= inmateRamStart && value < inmateRamEnd);
            m.appendReplacement(sb, reg + ": " + (root || layout ? MASK : m.group(2)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
