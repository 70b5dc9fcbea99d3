package dev.warden.hypervisor.core;

import dev.warden.emulator.el2.ModeledCpu;

/**
 * The register state of a cell CPU at a trap, for the fault report: an emulated core gives its
 * real registers, a modeled CPU (the root kernel) the registers its modeled code set.
 */
public interface CpuContext {

    int cpuId();

    long pc();

    long sp();

    long spsr();

    long esr();

    long x(int index);

    /** A modeled CPU at a trap with syndrome {@code esr}. */
    static CpuContext of(ModeledCpu cpu, long esr) {
        return new CpuContext() {
            @Override public int cpuId() { return cpu.index(); }
            @Override public long pc() { return cpu.pc(); }
            @Override public long sp() { return cpu.sp(); }
            @Override public long spsr() { return cpu.pstate(); }
            @Override public long esr() { return esr; }
            @Override public long x(int index) { return cpu.x(index); }
        };
    }
}
