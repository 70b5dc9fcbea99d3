package dev.warden.emulator.el2;

/**
 * Modeled code learns that its CPU stopped under it: EL2 parked the CPU (a fault) or keeps it
 * spinning (a call that never returns). The modeled code unwinds to its top and never resumes on
 * that CPU, as real code would never get its instruction retired.
 */
public final class CpuHalted extends RuntimeException {

    private final int cpu;
    private final boolean parked;

    private CpuHalted(int cpu, boolean parked, String message) {
        super(message, null, false, false);
        this.cpu = cpu;
        this.parked = parked;
    }

    /** The CPU was parked by the hypervisor (it printed why). */
    public static CpuHalted parked(int cpu, String cell) {
        return new CpuHalted(cpu, true, "CPU " + cpu + " of cell \"" + cell + "\" was parked by the hypervisor");
    }

    /** The CPU spins in EL2 waiting for something that never comes. */
    public static CpuHalted stalled(int cpu, String why) {
        return new CpuHalted(cpu, false, why);
    }

    public int cpu() { return cpu; }

    public boolean parked() { return parked; }
}
