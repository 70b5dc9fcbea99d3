package dev.warden.hypervisor.arch;

import dev.warden.emulator.cpu.Cpu;
import dev.warden.emulator.cpu.DataAccess;
import dev.warden.emulator.cpu.Outcome;
import dev.warden.emulator.cpu.TrapHandler;
import dev.warden.config.MemoryRegion;
import dev.warden.hypervisor.control.Hypercalls;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.CpuStat;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.hypervisor.mmio.MmioAccess;

/**
 * What the hypervisor does when a cell's core leaves to EL2 (jailhouse-facts §3.5, §4.8, §4.10):
 * data aborts go to the cell's MMIO emulation or park the core, {@code hvc #0x4a48} is a
 * hypercall and any other HVC a forbidden access, SMC is PSCI/SMCCC, and a system register the
 * hypervisor does not emulate is an unhandled trap.
 */
final class CellTraps implements TrapHandler {

    static final int EC_HVC64 = 0x16;
    static final int EC_SMC64 = 0x17;
    static final int EC_SYS64 = 0x18;
    static final int EC_IABT_LOW = 0x20;
    static final int EC_DABT_LOW = 0x24;

    private final Hypervisor hv;
    private final Cell cell;
    private final int cpuId;
    private final Hypercalls hypercalls;
    private final Psci psci;

    CellTraps(Hypervisor hv, Cell cell, int cpuId, CellCpus cpus) {
        this.hv = hv;
        this.cell = cell;
        this.cpuId = cpuId;
        this.hypercalls = new Hypercalls(hv);
        this.psci = new Psci(hv, cell, cpus);
    }

    @Override
    public Outcome hvc(Cpu cpu, int imm) {
        if (imm != Hypercalls.HVC_IMMEDIATE) {
            hv.statistics().exit(cpuId, CpuStat.TOTAL);
            hv.park(cell, context(cpu, EC_HVC64, imm), null, true, EC_HVC64);
            return Outcome.STOP;
        }
        cpu.setX(0, hypercalls.call(cell, cpuId, cpu.x(0), cpu.x(1), cpu.x(2)));
        return Outcome.RESUME;
    }

    @Override
    public Outcome smc(Cpu cpu, int imm) {
        Psci.Result r = psci.call(cpu.x(0), cpu.x(1), cpu.x(2), cpu.x(3), cpuId);
        if (r.unhandled()) {
            hv.park(cell, context(cpu, EC_SMC64, imm), r.message(), false, EC_SMC64);
            return Outcome.STOP;
        }
        if (r.parksCaller()) return Outcome.STOP;
        cpu.setX(0, r.value());
        return Outcome.RESUME;
    }

    @Override
    public Outcome dataAbort(Cpu cpu, DataAccess access) {
        // no exit counted here: the core's fast path leaves for device memory the cell maps too,
        // which the real stage 2 never traps; Hypervisor.access counts the accesses that do
        MmioAccess a = new MmioAccess(access.address, access.size, access.write, access.value);
        // the fault status code is where the cell's stage-2 walk of the address stops
        long esr = ((long) EC_DABT_LOW << 26) | (1L << 25) | access.syndrome()
                | cell.stage2().faultStatus(access.address, access.write ? MemoryRegion.WRITE : MemoryRegion.READ);
        if (hv.access(cell, new EmulatedCpuContext(cpuId, cpu, esr), a) == Hypervisor.AccessOutcome.PARKED) {
            return Outcome.STOP;
        }
        access.value = a.value();
        return Outcome.RESUME;
    }

    /** A physical interrupt for this CPU: an exit to the hypervisor, which injects it (vmexits_virt_irq). */
    @Override
    public void interruptArrived(Cpu cpu) {
        hv.statistics().exit(cpuId, CpuStat.VIRT_IRQ);
    }

    /** Executing memory the cell does not own: "FATAL: instruction abort at ..." and the CPU is parked. */
    @Override
    public Outcome instructionAbort(Cpu cpu, long address) {
        hv.statistics().exit(cpuId, CpuStat.TOTAL);
        hv.park(cell, context(cpu, EC_IABT_LOW, 0), String.format("FATAL: instruction abort at 0x%x", address), true,
                EC_IABT_LOW);
        return Outcome.STOP;
    }

    @Override
    public Outcome unknownSysreg(Cpu cpu, int key, boolean write, int register) {
        hv.statistics().exit(cpuId, CpuStat.TOTAL);
        hv.park(cell, context(cpu, EC_SYS64, 0), null, false, EC_SYS64);
        return Outcome.STOP;
    }

    private EmulatedCpuContext context(Cpu cpu, int ec, int iss) {
        return new EmulatedCpuContext(cpuId, cpu, ((long) ec << 26) | (1L << 25) | (iss & 0xffff));
    }
}
