package dev.warden.hypervisor.core;

/**
 * The register state of a cell CPU at a trap, for the fault report: an emulated core gives its
 * real registers, a modeled guest (the root Linux) gives the state of its modeled driver code.
 */
public interface CpuContext {

    int cpuId();

    long pc();

    long sp();

    long spsr();

    long esr();

    long x(int index);

    /** The state of a CPU that runs modeled code: all registers zero but the PC and the syndrome. */
    static CpuContext modeled(int cpu, long pc, long esr) {
        return new CpuContext() {
            @Override public int cpuId() { return cpu; }
            @Override public long pc() { return pc; }
            @Override public long sp() { return 0; }
            @Override public long spsr() { return 0x80000005L; }
            @Override public long esr() { return esr; }
            @Override public long x(int index) { return 0; }
        };
    }
}
