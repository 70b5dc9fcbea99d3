package dev.warden.emulator.run;

import dev.warden.emulator.cpu.Registers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes the register file before each instruction in Warden's whole-program trace format v1
 * (firmware-fixtures/oracle/whole-program/README.md): one line per instruction, the PC and then
 * every field (x0..x30, sp, nzcv, daif, hex) that differs from the line before; a line identical
 * to the one before is dropped, as the converter of QEMU's log does.
 */
public final class TraceWriter {

    public static final String HEADER = "# warden whole-program trace v1";
    public static final String FORMAT_LINE = "# line: pc [field=value ...]; fields: x0..x30 sp nzcv daif; "
            + "values hex; a field is listed when it differs from the line before";
    private static final int FIELDS = 34;

    private final Writer out;
    private final long limit;
    private long[] previous;
    private long previousPc = -1;
    private long written;

    public TraceWriter(Writer out, String source, long limit) {
        this.out = out;
        this.limit = limit;
        emit(HEADER + "\n# source: " + source + "\n" + FORMAT_LINE + "\n");
    }

    /** Records the state before one instruction. */
    public void record(Registers regs) {
        long[] fields = new long[FIELDS];
        for (int i = 0; i < 31; i++) fields[i] = regs.x(i);
        fields[31] = regs.sp();
        fields[32] = regs.nzcv();
        fields[33] = (regs.pstate() >>> 6) & 0xf;
        if (previous != null && regs.pc() == previousPc && java.util.Arrays.equals(fields, previous)) return;
        if (written < limit) {
            StringBuilder line = new StringBuilder(Long.toHexString(regs.pc()));
            for (int i = 0; i < FIELDS; i++) {
                if (previous == null || previous[i] != fields[i]) {
                    line.append(' ').append(name(i)).append('=').append(Long.toHexString(fields[i]));
                }
            }
            emit(line.append('\n').toString());
            written++;
        }
        previous = fields;
        previousPc = regs.pc();
    }

    /** Writes the closing line; call once at the end. */
    public void finish() {
        emit("# end: " + written + " instructions\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long written() { return written; }

    private static String name(int field) {
        return field < 31 ? "x" + field : field == 31 ? "sp" : field == 32 ? "nzcv" : "daif";
    }

    private void emit(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
