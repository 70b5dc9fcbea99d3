package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.config.CpuSet;
import dev.warden.emulator.board.ConsoleRole;
import dev.warden.steps.ParameterTypes;
import dev.warden.steps.inmates.ProbeParameters;
import dev.warden.steps.inmates.PsciParameters;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of steps as a user types them into a .feature file: probe accesses with their
 * addresses and values, MPIDR lists, CPU and interrupt lists, virtual durations, console names.
 * Each either gives its clear IllegalArgumentException or a value that says what was written; a
 * 64-bit address or value written in hex is carried whole (the probe block holds what was typed).
 */
class StepArgumentsFuzzTest {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?) ?(ns|us|µs|ms|s)");

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void parse(FuzzedDataProvider in) {
        List<String> lines = new ArrayList<>();
        int n = in.consumeInt(0, 200);
        for (int i = 0; i < n && in.remainingBytes() > 0; i++) lines.add(in.consumeString(60));
        try {
            byte[] block = ProbeParameters.of(lines);
            ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(4) != lines.size()) throw new AssertionError("the block counts " + b.getInt(4) + " accesses");
            for (int i = 0; i < lines.size(); i++) {
                String[] w = lines.get(i).trim().split("\\s+");
                if (w.length >= 2 && !w[0].equals("hvc0")) {
                    long address = b.getLong(8 + 24 * i + 8);
                    if (!sameNumber(w[1], address)) {
                        throw new AssertionError("access '" + lines.get(i) + "' went into the block as 0x" + Long.toHexString(address));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            CleanErrors.requireMessage(e);
        }
        try {
            PsciParameters.of(lines);
        } catch (IllegalArgumentException e) {
            CleanErrors.requireMessage(e);
        }
        String text = in.consumeString(200);
        try {
            BitSet set = CpuSet.parse(text);
            BitSet again = CpuSet.parse(CpuSet.format(set));
            if (!again.equals(set)) throw new AssertionError("'" + text + "' does not format back to itself");
        } catch (IllegalArgumentException e) {
            CleanErrors.requireMessage(e);
        }
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long nanos = new ParameterTypes().duration(m.group(1), m.group(2));
            if (nanos < 0) throw new AssertionError("'" + text + "' is a negative duration: " + nanos);
        }
        try {
            ConsoleRole.parse(text);
        } catch (IllegalArgumentException e) {
            CleanErrors.requireMessage(e);
        }
    }

    /** Whether {@code written} (decimal or 0x hex, as typed) denotes the 64-bit pattern {@code value}. */
    private static boolean sameNumber(String written, long value) {
        String t = written.trim();
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) t = t.substring(1);
        java.math.BigInteger v;
        if (t.startsWith("0x") || t.startsWith("0X")) v = new java.math.BigInteger(t.substring(2), 16);
        else if (t.startsWith("#")) v = new java.math.BigInteger(t.substring(1), 16);
        else if (t.startsWith("0") && t.length() > 1) v = new java.math.BigInteger(t.substring(1), 8);
        else v = new java.math.BigInteger(t);
        if (negative) v = v.negate();
        return v.longValue() == value && v.bitLength() <= 64;
    }
}
