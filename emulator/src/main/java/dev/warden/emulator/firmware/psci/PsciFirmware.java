package dev.warden.emulator.firmware.psci;

import dev.warden.emulator.cpu.Cpu;
import dev.warden.emulator.cpu.Outcome;

import java.util.HashSet;
import java.util.Set;

/**
 * PSCI firmware reached by SMC or HVC with the function ID in x0 and arguments in x1..x3, the
 * result in x0 (SMC Calling Convention). Implements PSCI_VERSION, CPU_ON, CPU_OFF, AFFINITY_INFO,
 * MIGRATE_INFO_TYPE, SYSTEM_OFF, SYSTEM_RESET and PSCI_FEATURES; anything else answers
 * NOT_SUPPORTED, as firmware does.
 */
public final class PsciFirmware {

    public static final int VERSION = 0x84000000;
    public static final int CPU_SUSPEND_64 = 0xc4000001;
    public static final int CPU_OFF = 0x84000002;
    public static final int CPU_ON_32 = 0x84000003;
    public static final int CPU_ON_64 = 0xc4000003;
    public static final int AFFINITY_INFO_32 = 0x84000004;
    public static final int AFFINITY_INFO_64 = 0xc4000004;
    public static final int MIGRATE_INFO_TYPE = 0x84000006;
    public static final int SYSTEM_OFF = 0x84000008;
    public static final int SYSTEM_RESET = 0x84000009;
    public static final int FEATURES = 0x8400000a;

    public static final int SUCCESS = 0;
    public static final int NOT_SUPPORTED = -1;
    public static final int INVALID_PARAMETERS = -2;
    public static final int DENIED = -3;
    public static final int ALREADY_ON = -4;
    public static final int ON_PENDING = -5;
    public static final int INTERNAL_FAILURE = -6;

    /** PSTATE a core starts in after CPU_ON: EL1h, DAIF masked (as firmware hands over to Linux). */
    public static final long ENTRY_PSTATE = 0x3c5;

    private static final Set<Integer> IMPLEMENTED = Set.of(VERSION, CPU_OFF, CPU_ON_32, CPU_ON_64, AFFINITY_INFO_32,
            AFFINITY_INFO_64, MIGRATE_INFO_TYPE, SYSTEM_OFF, SYSTEM_RESET, FEATURES);

    private final PsciPlatform platform;
    private final int version;
    private final Set<Cpu> poweredOff = new HashSet<>();

    /**
     * @param major PSCI major version reported (1)
     * @param minor minor version (0 for PSCI 1.0; QEMU 7.2's built-in firmware reports 1.1)
     */
    public PsciFirmware(PsciPlatform platform, int major, int minor) {
        this.platform = platform;
        this.version = major << 16 | minor;
    }

    public PsciFirmware(PsciPlatform platform) {
        this(platform, 1, 0);
    }

    /** True when {@code functionId} (x0) is a PSCI call, i.e. in the standard-secure-service range. */
    public static boolean isPsciCall(long functionId) {
        int id = (int) functionId;
        return (functionId >>> 32) == 0 && (id & 0xbfffffe0) == 0x84000000;
    }

    /** Handles the call the core made; sets x0 to the result. */
    public Outcome call(Cpu caller) {
        int function = (int) caller.x(0);
        long a1 = caller.x(1), a2 = caller.x(2), a3 = caller.x(3);
        switch (function) {
            case VERSION: return result(caller, version);
            case MIGRATE_INFO_TYPE: return result(caller, 2); // no Trusted OS that needs migrating
            case FEATURES: return result(caller, IMPLEMENTED.contains((int) a1) ? SUCCESS : NOT_SUPPORTED);
            case CPU_ON_32: return result(caller, cpuOn(a1 & 0xffffffffL, a2 & 0xffffffffL, a3 & 0xffffffffL));
            case CPU_ON_64: return result(caller, cpuOn(a1, a2, a3));
            case AFFINITY_INFO_32: case AFFINITY_INFO_64: return result(caller, affinityInfo(a1, (int) a2));
            case CPU_OFF:
                poweredOff.add(caller);
                caller.halt();
                return Outcome.RESUME_AND_EXIT;
            case SYSTEM_OFF:
                platform.systemOff(caller);
                caller.halt();
                return Outcome.RESUME_AND_EXIT;
            case SYSTEM_RESET:
                platform.systemReset(caller);
                return Outcome.RESUME_AND_EXIT;
            default: return result(caller, NOT_SUPPORTED);
        }
    }

    /** Marks a core as off for AFFINITY_INFO and CPU_ON (secondaries that were never started). */
    public void markOff(Cpu cpu) {
        poweredOff.add(cpu);
    }

    private int cpuOn(long mpidr, long entry, long context) {
        Cpu target = platform.cpu(mpidr & 0xff00ffffffL);
        if (target == null) return INVALID_PARAMETERS;
        if (!poweredOff.contains(target)) return ALREADY_ON;
        poweredOff.remove(target);
        target.reset(entry, ENTRY_PSTATE);
        target.setX(0, context);
        return SUCCESS;
    }

    private int affinityInfo(long mpidr, int lowestLevel) {
        if (lowestLevel != 0) return INVALID_PARAMETERS;
        Cpu target = platform.cpu(mpidr & 0xff00ffffffL);
        if (target == null) return INVALID_PARAMETERS;
        return poweredOff.contains(target) ? 1 : 0;
    }

    private static Outcome result(Cpu caller, long value) {
        caller.setX(0, value);
        return Outcome.RESUME;
    }
}
