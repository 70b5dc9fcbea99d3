package dev.warden.hypervisor.setup;

import dev.warden.emulator.bus.MemoryAccess;

/**
 * The header at the start of the hypervisor image (struct jailhouse_header, arm64, 80 bytes;
 * jailhouse-facts §1.9) as it stands in hypervisor memory once the driver has copied the image
 * and filled in its fields: the sizes the build put there and what the driver added.
 */
public record HypervisorHeader(long base, long coreSize, long percpuSize, long entry, long consolePage,
                               int maxCpus, int onlineCpus) {

    static final int OFF_CORE_SIZE = 8;
    static final int OFF_PERCPU_SIZE = 16;
    static final int OFF_ENTRY = 24;
    static final int OFF_CONSOLE_PAGE = 32;
    static final int OFF_MAX_CPUS = 48;
    static final int OFF_ONLINE_CPUS = 52;

    public static HypervisorHeader read(MemoryAccess memory, long base) {
        return new HypervisorHeader(base, memory.read(base + OFF_CORE_SIZE, 8), memory.read(base + OFF_PERCPU_SIZE, 8),
                memory.read(base + OFF_ENTRY, 8), memory.read(base + OFF_CONSOLE_PAGE, 8),
                (int) memory.read(base + OFF_MAX_CPUS, 4), (int) memory.read(base + OFF_ONLINE_CPUS, 4));
    }

    /** Where the driver put the system configuration: after the core and every CPU's per-CPU area. */
    public long systemConfig() {
        return base + coreSize + (long) maxCpus * percpuSize;
    }

    /** The version string the image carries after its header ("JHVERSION=..."), if any. */
    public static String version(MemoryAccess memory, long base) {
        StringBuilder sb = new StringBuilder();
        for (long a = base + 80; a < base + 4096; a++) {
            int c = (int) memory.read(a, 1);
            if (c == 0) break;
            sb.append((char) c);
        }
        String text = sb.toString();
        int at = text.indexOf("JHVERSION=");
        if (at < 0) return "";
        int end = text.indexOf('\n', at);
        return text.substring(at + "JHVERSION=".length(), end < 0 ? text.length() : end);
    }
}
