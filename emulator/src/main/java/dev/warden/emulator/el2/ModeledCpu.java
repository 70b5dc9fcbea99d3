package dev.warden.emulator.el2;

/**
 * The registers of a CPU that runs modeled code (the root-cell kernel has no emulated core): what
 * a hypercall passes in x0-x3 and returns in x0, and what a register dump shows when the
 * hypervisor parks the CPU. Modeled code sets pc, lr and the argument registers as the real code
 * would have them at the trapping instruction.
 */
public final class ModeledCpu {

    /** EL1h with interrupts masked: how the kernel runs its driver calls into EL2. */
    public static final long KERNEL_PSTATE = 0x800000c5L;

    private final int index;
    private final long[] x = new long[31];
    private long sp;
    private long pc;
    private long pstate = KERNEL_PSTATE;

    public ModeledCpu(int index) {
        this.index = index;
    }

    /** The board CPU index. */
    public int index() { return index; }

    public long x(int n) { return x[n]; }

    public ModeledCpu x(int n, long value) {
        x[n] = value;
        return this;
    }

    public long sp() { return sp; }

    public ModeledCpu sp(long value) {
        sp = value;
        return this;
    }

    public long pc() { return pc; }

    public ModeledCpu pc(long value) {
        pc = value;
        return this;
    }

    public long pstate() { return pstate; }

    public ModeledCpu pstate(long value) {
        pstate = value;
        return this;
    }

    /** Sets x0.. to the arguments of a call, the rest of the argument registers to zero. */
    public ModeledCpu call(long... args) {
        for (int i = 0; i < 8; i++) x[i] = i < args.length ? args[i] : 0;
        return this;
    }
}
