package dev.warden.emulator.firmware.psci;

import dev.warden.emulator.cpu.Cpu;

/** What PSCI firmware needs from the board: powering cores and the system. */
public interface PsciPlatform {

    /** The core with this MPIDR affinity, or null when there is none. */
    Cpu cpu(long mpidr);

    /** Turns the system off (SYSTEM_OFF): the board stops. */
    void systemOff(Cpu caller);

    /** Resets the system (SYSTEM_RESET). */
    void systemReset(Cpu caller);
}
