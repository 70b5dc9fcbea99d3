package dev.warden.hypervisor.arch;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.el2.CpuHalted;
import dev.warden.emulator.el2.El2;
import dev.warden.emulator.el2.El2Handler;
import dev.warden.emulator.el2.ModeledCpu;
import dev.warden.hypervisor.control.Hypercalls;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.CpuContext;
import dev.warden.hypervisor.core.CpuStat;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.hypervisor.core.RootCpuStalled;

/**
 * The hypervisor's exception vector for CPUs that run modeled code (the root-cell kernel, and a
 * modeled Linux inmate): hypercalls, SMCs and every memory access arrive here exactly as a real
 * kernel's traps would, so that the root cell's software needs no other way into the model.
 */
public final class ModeledTraps implements El2Handler {

    private final Hypervisor hv;
    private final El2 el2;
    private final Hypercalls hypercalls;
    private final Runnable disabled;

    /** @param disabled run when the last CPU has left through DISABLE */
    public ModeledTraps(Hypervisor hv, El2 el2, Runnable disabled) {
        this.hv = hv;
        this.el2 = el2;
        this.hypercalls = new Hypercalls(hv);
        this.disabled = disabled;
    }

    @Override
    public void hvc(ModeledCpu cpu, int imm) {
        Cell cell = cellOf(cpu);
        if (imm != Hypercalls.HVC_IMMEDIATE) {
            hv.statistics().exit(cpu.index(), CpuStat.TOTAL);
            hv.park(cell, context(cpu, CellTraps.EC_HVC64, imm), null, true, CellTraps.EC_HVC64);
            throw CpuHalted.parked(cpu.index(), cell.name());
        }
        long code = cpu.x(0);
        try {
            cpu.x(0, hypercalls.call(cell, cpu.index(), code, cpu.x(1), cpu.x(2)));
        } catch (RootCpuStalled stalled) {
            throw CpuHalted.stalled(cpu.index(), stalled.getMessage());
        }
        if (code == Hypercalls.DISABLE && cpu.x(0) == 0 && !hv.isEnabled()) disabled.run();
    }

    @Override
    public void smc(ModeledCpu cpu, int imm) {
        Cell cell = cellOf(cpu);
        Psci.Result r = new Psci(hv, cell, hv.modeledPower()).call(cpu.x(0), cpu.x(1), cpu.x(2), cpu.x(3), cpu.index());
        if (r.unhandled()) {
            hv.park(cell, context(cpu, CellTraps.EC_SMC64, imm), r.message(), false, CellTraps.EC_SMC64);
            throw CpuHalted.parked(cpu.index(), cell.name());
        }
        if (r.parksCaller()) throw CpuHalted.stalled(cpu.index(), "CPU " + cpu.index() + " is off (PSCI CPU_OFF)");
        cpu.x(0, r.value());
    }

    @Override
    public MemoryAccess memory(ModeledCpu cpu) {
        return hv.memoryOf(cellOf(cpu), cpu);
    }

    private Cell cellOf(ModeledCpu cpu) {
        Cell cell = hv.cellOfCpu(cpu.index()).orElseThrow(() ->
                CpuHalted.stalled(cpu.index(), "CPU " + cpu.index() + " belongs to no cell"));
        if (cell.failedCpus().get(cpu.index())) throw CpuHalted.parked(cpu.index(), cell.name());
        return cell;
    }

    private static CpuContext context(ModeledCpu cpu, int ec, int iss) {
        return CpuContext.of(cpu, ((long) ec << 26) | (1L << 25) | (iss & 0xffff));
    }
}
