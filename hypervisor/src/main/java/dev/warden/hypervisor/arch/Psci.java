package dev.warden.hypervisor.arch;

import dev.warden.emulator.cpu.Cpu;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Hypervisor;

/**
 * PSCI and SMCCC as the hypervisor emulates them for a cell (jailhouse-facts §4.8): CPU_ON only for
 * the cell's own CPUs, CPU_OFF parks the caller until it is switched on again.
 */
final class Psci {

    /** The answer to one SMC: a value for x0, or the caller parked, or an unhandled-trap message. */
    record Result(long value, boolean parksCaller, String unhandled) {
        static Result of(long v) { return new Result(v, false, null); }
    }

    static final long SUCCESS = 0;
    static final long NOT_SUPPORTED = -1;
    static final long DENIED = -3;
    static final long ALREADY_ON = -4;

    private final Hypervisor hv;
    private final Cell cell;
    private final CellCpus cpus;

    Psci(Hypervisor hv, Cell cell, CellCpus cpus) {
        this.hv = hv;
        this.cell = cell;
        this.cpus = cpus;
    }

    Result call(Cpu cpu, int callerId) {
        long fn = cpu.x(0) & 0xffffffffL;
        int owner = (int) ((fn >> 24) & 0x3f);
        switch (owner) {
            case 0 -> { return smccc(fn); }
            case 2 -> { return Result.of(NOT_SUPPORTED); }
            case 4 -> { return psci(fn, cpu, callerId); }
            default -> { return new Result(0, false, null); }
        }
    }

    private Result smccc(long fn) {
        if (fn == 0x80000000L) return Result.of(0x10001);   // SMCCC_VERSION 1.1
        if (fn == 0x80000001L) return Result.of(NOT_SUPPORTED);
        return new Result(0, false, String.format("Unhandled SMC arch trap %x", fn));
    }

    private Result psci(long fn, Cpu cpu, int callerId) {
        boolean is32 = (fn & 0x40000000L) == 0;
        long arg1 = is32 ? cpu.x(1) & 0xffffffffL : cpu.x(1);
        long arg2 = is32 ? cpu.x(2) & 0xffffffffL : cpu.x(2);
        long arg3 = is32 ? cpu.x(3) & 0xffffffffL : cpu.x(3);
        switch ((int) (fn & 0xbfffffffL)) {
            case 0x84000000 -> { return Result.of(0x00010001); }               // PSCI_VERSION 1.1
            case 0x84000001 -> { return Result.of(SUCCESS); }                  // CPU_SUSPEND
            case 0x84000002 -> {                                                // CPU_OFF
                cpus.powerOff(callerId);
                return new Result(0, true, null);
            }
            case 0x84000003 -> {                                                // CPU_ON
                int target = cpus.cpuWithMpidr(arg1 & 0xff00ffffffL);
                if (target < 0 || !cell.cpus().get(target)) return Result.of(DENIED);
                return Result.of(cpus.powerOn(target, arg2, arg3) ? SUCCESS : ALREADY_ON);
            }
            case 0x84000004 -> {                                                // AFFINITY_INFO
                int target = cpus.cpuWithMpidr(arg1 & 0xff00ffffffL);
                if (target < 0 || !cell.cpus().get(target)) return Result.of(DENIED);
                return Result.of(cpus.isOn(target) ? 0 : 1);
            }
            case 0x8400000a -> {                                                // PSCI_FEATURES
                long f = arg1 & 0xbfffffffL;
                boolean known = f == 0x84000000L || f == 0x84000001L || f == 0x84000002L || f == 0x84000003L
                        || f == 0x84000004L || f == 0x8400000aL || (arg1 & 0xffffffffL) == 0x80000000L;
                return Result.of(known ? SUCCESS : NOT_SUPPORTED);
            }
            default -> { return Result.of(NOT_SUPPORTED); }
        }
    }
}
