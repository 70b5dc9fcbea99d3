package dev.warden.emulator.cpu;

/** What the core does after a hook has handled an exit. */
public enum Outcome {
    /** The hook emulated the instruction; execution continues with the next one. */
    RESUME,
    /** The hook completed the instruction but wants {@link Cpu#run} to return now (e.g. to reschedule). */
    RESUME_AND_EXIT,
    /** The instruction does not complete; {@link Cpu#run} returns with the PC still on it (parking, power-off). */
    STOP,
    /** The guest sees the architectural Undefined Instruction exception (EC 0x00). */
    UNDEFINED,
    /** The guest sees a synchronous external abort for the access (data aborts only). */
    EXTERNAL_ABORT
}
