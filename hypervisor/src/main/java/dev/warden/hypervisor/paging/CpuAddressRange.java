package dev.warden.hypervisor.paging;

import java.util.Collection;

/**
 * The physical address range the hypervisor sizes a cell's stage 2 for: the smallest
 * ID_AA64MMFR0_EL1.PARange among the root cell's CPUs (research/pagepool.md §2.1). The values are
 * the cores' (Cortex-A53: 40 bits; Cortex-A57 and Cortex-A72: 44 bits, as QEMU's models report them).
 */
public final class CpuAddressRange {

    private CpuAddressRange() { }

    public static int bitsOf(String core) {
        return switch (core) {
            case "cortex-a57", "cortex-a72" -> 44;
            case "cortex-a53" -> 40;
            default -> throw new IllegalArgumentException("no physical address range known for core '" + core + "'");
        };
    }

    public static int smallest(Collection<String> cores) {
        return cores.stream().mapToInt(CpuAddressRange::bitsOf).min().orElse(48);
    }
}
