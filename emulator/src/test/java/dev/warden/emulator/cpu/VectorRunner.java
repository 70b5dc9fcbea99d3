package dev.warden.emulator.cpu;

import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.bus.Ram;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs instruction vectors ("WORD X0 X1 X2 X3 NZCV", hex) on the core and prints the results in
 * the format of the QEMU harness (firmware-fixtures/oracle/vectors/harness.c), either on the
 * interpreter or as translated code: then each vector is followed by an undefined word, so that
 * its translation is that one instruction, made the first time it runs.
 */
final class VectorRunner {

    private static final long CODE = 0x40000000L;
    private static final long VBAR = 0x40800000L;

    private record Vector(int word, long[] x, int nzcv) { }

    static List<String> run(List<String> vectorLines) {
        return run(vectorLines, false);
    }

    static List<String> run(List<String> vectorLines, boolean translated) {
        List<Vector> vectors = new ArrayList<>();
        int lineNumber = 0;
        for (String line : vectorLines) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.trim().split("\\s+");
            if (f.length != 6) throw new IllegalArgumentException("vectors line " + lineNumber + ": expected 6 hex fields, got: " + line);
            long[] x = new long[4];
            for (int i = 0; i < 4; i++) x[i] = Long.parseUnsignedLong(f[i + 1], 16);
            vectors.add(new Vector((int) Long.parseLong(f[0], 16), x, Integer.parseInt(f[5], 16)));
        }
        PhysicalBus bus = new PhysicalBus();
        Ram ram = bus.addRam("ram", CODE, 16L << 20);
        int stride = translated ? 8 : 4;
        for (int i = 0; i < vectors.size(); i++) ram.write(CODE + (long) stride * i, 4, vectors.get(i).word & 0xffffffffL);
        Cpu cpu = new Cpu(0, new PhysicalBusPort(bus));
        cpu.setTranslation(translated);
        cpu.setTranslationThreshold(1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            Vector v = vectors.get(i);
            long pc = CODE + (long) stride * i;
            cpu.reset(pc, (long) v.nzcv << 28 | 0x3c5);
            for (int k = 0; k < 4; k++) cpu.setX(k, v.x[k]);
            // x4..x30 hold a pattern, so a write to the wrong register shows.
            for (int k = 4; k < 31; k++) cpu.setX(k, 0x5a5a000000000000L | k);
            cpu.writeSystemRegister(SysReg.VBAR_EL1, VBAR);
            cpu.run(1);
            Registers regs = cpu.registers();
            if (regs.pc() == VBAR + 0x200 && (regs.esr() >>> 26) == 0) {
                out.add(String.format("%08x UNDEF", v.word));
                continue;
            }
            if (regs.pc() != pc + 4) {
                out.add(String.format("%08x PC %x", v.word, regs.pc()));
                continue;
            }
            for (int k = 4; k < 31; k++) {
                if (regs.x(k) != (0x5a5a000000000000L | k)) out.add(String.format("%08x CLOBBERED x%d", v.word, k));
            }
            out.add(String.format("%08x %016x %016x %016x %016x %x", v.word, regs.x(0), regs.x(1), regs.x(2), regs.x(3), regs.nzcv()));
        }
        return out;
    }

    private VectorRunner() { }
}
