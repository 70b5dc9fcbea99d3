package dev.warden.emulator.cpu;

/**
 * A snapshot of the register file for dumps and traces: x0..x30, the current SP, PC, PSTATE
 * (NZCV, DAIF, EL, SPSel in SPSR layout) and the EL1 exception registers.
 */
public record Registers(long[] x, long sp, long pc, long pstate, long elr, long spsr, long esr, long far) {

    public long x(int n) { return x[n]; }

    public int nzcv() { return (int) (pstate >>> 28) & 0xf; }

    public int exceptionLevel() { return (int) (pstate >>> 2) & 3; }
}
