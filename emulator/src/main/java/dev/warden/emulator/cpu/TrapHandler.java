package dev.warden.emulator.cpu;

/**
 * Exits from the core to whoever runs it (the board's firmware, or the hypervisor). Every method
 * has a default that behaves like a core without EL2 or EL3 firmware.
 */
public interface TrapHandler {

    /** {@code hvc #imm}; the PC already points past the instruction. */
    default Outcome hvc(Cpu cpu, int imm) { return Outcome.UNDEFINED; }

    /** {@code smc #imm}; the PC already points past the instruction. */
    default Outcome smc(Cpu cpu, int imm) { return Outcome.UNDEFINED; }

    /**
     * A data access nothing answered (stage-2 miss, no device). {@link Outcome#RESUME} completes it
     * with {@link DataAccess#value} for a read; {@link Outcome#STOP} leaves the CPU on the instruction
     * (a hypervisor parks the CPU); {@link Outcome#EXTERNAL_ABORT} raises a data abort in the guest.
     */
    default Outcome dataAbort(Cpu cpu, DataAccess access) { return Outcome.EXTERNAL_ABORT; }

    /**
     * An instruction fetch from an address (after stage 1) that no RAM backs: for a hypervisor, a
     * stage-2 miss. {@link Outcome#STOP} halts the core on the instruction (a hypervisor parks
     * it); anything else raises the guest's instruction abort.
     */
    default Outcome instructionAbort(Cpu cpu, long address) { return Outcome.EXTERNAL_ABORT; }

    /**
     * {@code wfi} with no interrupt pending. {@link Outcome#STOP} (the default) halts the core until
     * its IRQ line rises; {@link Outcome#RESUME} treats it as a NOP.
     */
    default Outcome waitForInterrupt(Cpu cpu) { return Outcome.STOP; }

    /**
     * The core's IRQ line rose. A hypervisor that routes physical interrupts to EL2 takes an exit
     * here whatever the guest's masks, and injects the interrupt; the core then takes it as usual.
     */
    default void interruptArrived(Cpu cpu) { }

    /** A system register neither the core nor a {@link SysregDevice} implements; default UNDEFINED. */
    default Outcome unknownSysreg(Cpu cpu, int key, boolean write, int register) { return Outcome.UNDEFINED; }

    TrapHandler NONE = new TrapHandler() { };
}
