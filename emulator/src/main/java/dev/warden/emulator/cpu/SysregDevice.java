package dev.warden.emulator.cpu;

/**
 * System registers implemented outside the core (GIC CPU interface ICC_*, generic timer CNT*).
 * Registers are named by {@link SysReg#key} of (op0, op1, CRn, CRm, op2).
 */
public interface SysregDevice {

    /** True when this device implements the register {@code key}. */
    boolean handles(int key);

    long read(Cpu cpu, int key);

    /**
     * Writes the register. Returns {@link Outcome#RESUME}, or {@link Outcome#RESUME_AND_EXIT} when the
     * write changed something the board must react to before the core goes on (a timer deadline).
     */
    Outcome write(Cpu cpu, int key, long value);
}
