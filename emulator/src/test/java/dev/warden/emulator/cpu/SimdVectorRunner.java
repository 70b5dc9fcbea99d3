package dev.warden.emulator.cpu;

import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.bus.Ram;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs FP/SIMD instruction vectors ("WORD X0 X1 V0 V1 V2 V3 NZCV FPCR", hex) on the core and
 * prints the results in the format of the QEMU harness (firmware-fixtures/oracle/vectors/
 * simd-harness.c): "WORD X0 X1 V0 V1 V2 V3 NZCV FPSR", or "WORD UNDEF". Translated, each vector
 * is followed by an undefined word, so its translation is that one instruction.
 */
final class SimdVectorRunner {

    private static final long CODE = 0x40000000L;
    private static final long VBAR = 0x40800000L;

    private SimdVectorRunner() { }

    static List<String> run(List<String> lines, boolean translated) {
        List<String[]> vectors = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.trim().split("\\s+");
            if (f.length != 9) throw new IllegalArgumentException("simd vectors line " + lineNumber + ": expected 9 hex fields, got: " + line);
            vectors.add(f);
        }
        PhysicalBus bus = new PhysicalBus();
        Ram ram = bus.addRam("ram", CODE, 16L << 20);
        int stride = translated ? 8 : 4;
        for (int i = 0; i < vectors.size(); i++) ram.write(CODE + (long) stride * i, 4, Long.parseLong(vectors.get(i)[0], 16));
        Cpu cpu = new Cpu(0, new PhysicalBusPort(bus));
        cpu.setTranslation(translated);
        cpu.setTranslationThreshold(1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            String[] f = vectors.get(i);
            int word = (int) Long.parseLong(f[0], 16);
            long pc = CODE + (long) stride * i;
            cpu.reset(pc, Long.parseLong(f[7], 16) << 28 | 0x3c5);
            cpu.writeSystemRegister(SysReg.VBAR_EL1, VBAR);
            cpu.writeSystemRegister(SysReg.CPACR_EL1, 3L << 20);
            cpu.setX(0, Long.parseUnsignedLong(f[1], 16));
            cpu.setX(1, Long.parseUnsignedLong(f[2], 16));
            for (int k = 0; k < 4; k++) {
                cpu.v[2 * k + 1] = Long.parseUnsignedLong(f[3 + k].substring(0, 16), 16);
                cpu.v[2 * k] = Long.parseUnsignedLong(f[3 + k].substring(16), 16);
            }
            // The other registers hold a pattern, so a write to the wrong register shows.
            for (int k = 2; k < 31; k++) cpu.setX(k, 0x5a5a000000000000L | k);
            for (int k = 4; k < 32; k++) {
                cpu.v[2 * k] = 0xa5a5000000000000L | k;
                cpu.v[2 * k + 1] = 0xa5a5100000000000L | k;
            }
            cpu.fpcr = Long.parseLong(f[8], 16);
            cpu.fpsr = 0;
            cpu.run(1);
            Registers regs = cpu.registers();
            if (regs.pc() == VBAR + 0x200 && (regs.esr() >>> 26) == 0) {
                out.add(String.format("%08x UNDEF", word));
                continue;
            }
            if (regs.pc() != pc + 4) {
                out.add(String.format("%08x PC %x ESR %x", word, regs.pc(), regs.esr()));
                continue;
            }
            for (int k = 2; k < 31; k++) {
                if (regs.x(k) != (0x5a5a000000000000L | k)) out.add(String.format("%08x CLOBBERED x%d", word, k));
            }
            for (int k = 4; k < 32; k++) {
                if (cpu.v[2 * k] != (0xa5a5000000000000L | k) || cpu.v[2 * k + 1] != (0xa5a5100000000000L | k)) {
                    out.add(String.format("%08x CLOBBERED v%d", word, k));
                }
            }
            StringBuilder s = new StringBuilder(String.format("%08x %016x %016x", word, regs.x(0), regs.x(1)));
            for (int k = 0; k < 4; k++) s.append(String.format(" %016x%016x", cpu.v[2 * k + 1], cpu.v[2 * k]));
            s.append(String.format(" %x %x", regs.nzcv(), cpu.fpsr));
            out.add(s.toString());
        }
        return out;
    }
}
