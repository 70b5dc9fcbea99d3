package dev.warden.emulator.el2;

import dev.warden.emulator.bus.MemoryAccess;

/** Software installed at EL2: it receives the traps of modeled code and translates its accesses. */
public interface El2Handler {

    /** {@code hvc #imm} on a modeled CPU: the result goes into the CPU's registers. */
    void hvc(ModeledCpu cpu, int imm);

    /** {@code smc #imm} on a modeled CPU (trapped to EL2, as Jailhouse traps it). */
    void smc(ModeledCpu cpu, int imm);

    /** The memory path of modeled code on the CPU: the stage-2 translation of the cell owning it. */
    MemoryAccess memory(ModeledCpu cpu);
}
