package dev.warden.hypervisor.arch;

import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.CpuPower;
import dev.warden.hypervisor.core.CpuStat;
import dev.warden.hypervisor.core.Hypervisor;

/**
 * PSCI and SMCCC as the hypervisor emulates them for a cell (jailhouse-facts §4.8): the owner bits
 * of the function ID pick SMCCC, SiP (not supported) or PSCI; any other owner is an unhandled trap.
 * CPU_ON only for the cell's own CPUs; CPU_OFF parks the caller until it is switched on again.
 * The same for emulated cores and for the modeled root kernel, which differ only in how a CPU is
 * powered ({@link CpuPower}).
 */
final class Psci {

    /** The answer to one SMC: a value for x0, or the caller parked, or an unhandled-trap message. */
    record Result(long value, boolean parksCaller, boolean unhandled, String message) {
        static Result of(long v) { return new Result(v, false, false, null); }

        static Result unhandled(String message) { return new Result(0, false, true, message); }
    }

    static final long SUCCESS = 0;
    static final long NOT_SUPPORTED = -1;
    static final long DENIED = -3;
    static final long ALREADY_ON = -4;

    private final Hypervisor hv;
    private final Cell cell;
    private final CpuPower power;

    Psci(Hypervisor hv, Cell cell, CpuPower power) {
        this.hv = hv;
        this.cell = cell;
        this.power = power;
    }

    /** One SMC of {@code caller} with the function ID in x0 and arguments in x1..x3. */
    Result call(long x0, long x1, long x2, long x3, int caller) {
        long fn = x0 & 0xffffffffL;
        int owner = (int) ((fn >> 24) & 0x3f);
        switch (owner) {
            case 0 -> {
                hv.statistics().exit(caller, CpuStat.SMCCC);
                return smccc(fn);
            }
            case 2 -> {
                hv.statistics().exit(caller, CpuStat.SMCCC);
                return Result.of(NOT_SUPPORTED);
            }
            case 4 -> {
                hv.statistics().exit(caller, CpuStat.PSCI);
                return psci(fn, x1, x2, x3, caller);
            }
            default -> {
                hv.statistics().exit(caller, CpuStat.TOTAL);
                return Result.unhandled(null);
            }
        }
    }

    private Result smccc(long fn) {
        if (fn == 0x80000000L) return Result.of(0x10001);   // SMCCC_VERSION 1.1
        if (fn == 0x80000001L) return Result.of(NOT_SUPPORTED);
        return Result.unhandled(String.format("Unhandled SMC arch trap %x", fn));
    }

    private Result psci(long fn, long x1, long x2, long x3, int caller) {
        boolean is32 = (fn & 0x40000000L) == 0;
        long arg1 = is32 ? x1 & 0xffffffffL : x1;
        long arg2 = is32 ? x2 & 0xffffffffL : x2;
        long arg3 = is32 ? x3 & 0xffffffffL : x3;
        switch ((int) (fn & 0xbfffffffL)) {
            case 0x84000000 -> { return Result.of(0x00010001); }               // PSCI_VERSION 1.1
            case 0x84000001 -> { return Result.of(SUCCESS); }                  // CPU_SUSPEND
            case 0x84000002 -> {                                                // CPU_OFF
                power.powerOff(caller);
                return new Result(0, true, false, null);
            }
            case 0x84000003 -> {                                                // CPU_ON
                int target = cpuWithMpidr(arg1 & 0xff00ffffffL);
                if (target < 0 || !cell.cpus().get(target)) return Result.of(DENIED);
                return Result.of(power.powerOn(target, arg2, arg3) ? SUCCESS : ALREADY_ON);
            }
            case 0x84000004 -> {                                                // AFFINITY_INFO
                int target = cpuWithMpidr(arg1 & 0xff00ffffffL);
                if (target < 0 || !cell.cpus().get(target)) return Result.of(DENIED);
                return Result.of(power.isOn(target) ? 0 : 1);
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

    private int cpuWithMpidr(long mpidr) {
        var cpus = hv.board().profile().cpus();
        for (int i = 0; i < cpus.size(); i++) if (cpus.get(i).mpidr() == mpidr) return i;
        return -1;
    }
}
