package dev.warden.rootcell.jailhouse;

import dev.warden.config.CpuSet;
import dev.warden.rootcell.linux.RootFs;
import java.util.BitSet;
import java.util.Optional;

/**
 * /sys/devices/jailhouse as the driver publishes it (driver/sysfs.c; jailhouse-facts §2.4): enabled,
 * the page pools, the console, and a folder per cell (by id) with name, state, CPU masks and lists
 * and exit statistics. Every value the hypervisor knows is asked of it with a hypercall when the
 * file is read (HYPERVISOR_GET_INFO, CELL_GET_STATE, CPU_GET_INFO), as the driver does.
 */
final class JailhouseSysfs {

    static final String ROOT = "/sys/devices/jailhouse";
    /** The driver's names of the comm-region cell states, by state code. */
    static final String[] STATES = {"running", "running/locked", "shut down", "failed", "Comm ABI mismatch"};
    static final String[] STATS = {"vmexits_total", "vmexits_mmio", "vmexits_management", "vmexits_hypercall",
            "vmexits_maintenance", "vmexits_virt_irq", "vmexits_virt_sgi", "vmexits_psci", "vmexits_smccc"};
    static final int MAX_CELLS = 16;

    private final JailhouseDriver driver;
    private final RootFs fs;
    private final int cpuCount;

    JailhouseSysfs(JailhouseDriver driver, RootFs fs, int cpuCount) {
        this.driver = driver;
        this.fs = fs;
        this.cpuCount = cpuCount;
    }

    void publish() {
        fs.put(ROOT + "/enabled", () -> (driver.enabled() ? "1" : "0") + "\n");
        fs.put(ROOT + "/mem_pool_size", () -> driver.info(0) + "\n");
        fs.put(ROOT + "/mem_pool_used", () -> driver.info(1) + "\n");
        fs.put(ROOT + "/remap_pool_size", () -> driver.info(2) + "\n");
        fs.put(ROOT + "/remap_pool_used", () -> driver.info(3) + "\n");
        fs.put(ROOT + "/console", () -> {
            try {
                return driver.console();
            } catch (DriverError e) {
                return "";
            }
        });
        fs.put(ROOT + "/core", () -> "");
        fs.put(ROOT + "/uevent", () -> "");
        fs.put(ROOT + "/module/refcnt", () -> (driver.enabled() ? "1" : "0") + "\n");
        for (int id = 0; id < MAX_CELLS; id++) publishCell(id);
    }

    /** Removes the files again (rmmod). */
    void unpublish() {
        fs.remove(ROOT);
    }

    /** Cell folders exist only while the cell does: each file looks the cell up when read. */
    private void publishCell(int id) {
        String dir = ROOT + "/cells/" + id;
        fs.putIf(dir + "/name", () -> cell(id).map(c -> c.name() + "\n"));
        fs.putIf(dir + "/state", () -> cell(id).map(c -> state(id) + "\n"));
        fs.putIf(dir + "/cpus_assigned", () -> cell(id).map(c -> mask(c.cpus()) + "\n"));
        fs.putIf(dir + "/cpus_assigned_list", () -> cell(id).map(c -> CpuSet.format(c.cpus()) + "\n"));
        fs.putIf(dir + "/cpus_failed", () -> cell(id).map(c -> mask(failed(c)) + "\n"));
        fs.putIf(dir + "/cpus_failed_list", () -> cell(id).map(c -> CpuSet.format(failed(c)) + "\n"));
        for (int s = 0; s < STATS.length; s++) {
            int stat = s;
            fs.putIf(dir + "/statistics/" + STATS[s], () -> cell(id).map(c -> sum(c, stat) + "\n"));
            for (int cpu = 0; cpu < cpuCount; cpu++) {
                int n = cpu;
                fs.putIf(dir + "/statistics/cpu" + cpu + "/" + STATS[s],
                        () -> cell(id).filter(c -> c.cpus().get(n)).map(c -> statistic(n, stat) + "\n"));
            }
        }
    }

    private Optional<DriverCell> cell(int id) {
        return driver.enabled() ? driver.cell(id) : Optional.empty();
    }

    private String state(int id) {
        long code = driver.cellState(id);
        return code >= 0 && code < STATES.length ? STATES[(int) code] : "invalid";
    }

    private BitSet failed(DriverCell cell) {
        BitSet out = new BitSet();
        BitSet cpus = cell.cpus();
        for (int c = cpus.nextSetBit(0); c >= 0; c = cpus.nextSetBit(c + 1)) {
            if (driver.cpuInfo(c, 0) == 2) out.set(c);
        }
        return out;
    }

    private long statistic(int cpu, int stat) {
        return Math.max(0, driver.cpuInfo(cpu, 1000 + stat));
    }

    private long sum(DriverCell cell, int stat) {
        long total = 0;
        BitSet cpus = cell.cpus();
        for (int c = cpus.nextSetBit(0); c >= 0; c = cpus.nextSetBit(c + 1)) total += statistic(c, stat);
        return total;
    }

    /** Linux's %*pb: the mask in hex, without leading zeros beyond the CPU count. */
    static String mask(BitSet cpus) {
        long bits = cpus.isEmpty() ? 0 : cpus.toLongArray()[0];
        return Long.toHexString(bits);
    }
}
