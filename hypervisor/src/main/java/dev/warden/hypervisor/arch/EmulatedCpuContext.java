package dev.warden.hypervisor.arch;

import dev.warden.emulator.cpu.Cpu;
import dev.warden.hypervisor.core.CpuContext;

/** The register state of an emulated core at a trap, for the fault report. */
record EmulatedCpuContext(int cpuId, Cpu cpu, long esr) implements CpuContext {

    @Override
    public long pc() { return cpu.pc(); }

    @Override
    public long sp() { return cpu.sp(); }

    @Override
    public long spsr() { return cpu.pstate(); }

    @Override
    public long x(int index) { return cpu.x(index); }
}
