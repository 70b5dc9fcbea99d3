package dev.warden.emulator.firmware.psci;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The board's PSCI firmware as modeled guests reach it (the root-cell Linux brings its CPUs up and
 * takes them down through it): power state per CPU, keyed by MPIDR, with PSCI's return codes.
 * Emulated cores use {@link PsciFirmware}; both speak for the same board.
 */
public final class ModeledPsci {

    private final List<Long> mpidrs;
    private final Set<Long> on = new HashSet<>();

    /** @param mpidrs the board's CPUs; the first is on at power-on, as the boot CPU is */
    public ModeledPsci(List<Long> mpidrs) {
        this.mpidrs = List.copyOf(mpidrs);
        if (!mpidrs.isEmpty()) on.add(mpidrs.get(0));
    }

    /** CPU_ON: SUCCESS, ALREADY_ON, or INVALID_PARAMETERS for an MPIDR the board does not have. */
    public int cpuOn(long mpidr) {
        if (!mpidrs.contains(mpidr)) return PsciFirmware.INVALID_PARAMETERS;
        return on.add(mpidr) ? PsciFirmware.SUCCESS : PsciFirmware.ALREADY_ON;
    }

    /** CPU_OFF issued on the CPU with this MPIDR. */
    public void cpuOff(long mpidr) {
        on.remove(mpidr);
    }

    /** AFFINITY_INFO: 0 on, 1 off, INVALID_PARAMETERS for an unknown MPIDR. */
    public int affinityInfo(long mpidr) {
        if (!mpidrs.contains(mpidr)) return PsciFirmware.INVALID_PARAMETERS;
        return on.contains(mpidr) ? 0 : 1;
    }
}
