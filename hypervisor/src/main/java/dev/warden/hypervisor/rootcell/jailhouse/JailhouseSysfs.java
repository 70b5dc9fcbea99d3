package dev.warden.hypervisor.rootcell.jailhouse;

import dev.warden.config.CpuSet;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.hypervisor.rootcell.linux.RootFs;
import java.util.BitSet;
import java.util.Optional;

/**
 * /sys/devices/jailhouse as the driver publishes it (jailhouse-facts §2.4): enabled, the page
 * pools, the console, and a folder per cell (by id) with name, state and CPU masks and lists.
 * The files are computed when read, so they always show the hypervisor's current state.
 */
final class JailhouseSysfs {

    static final String ROOT = "/sys/devices/jailhouse";

    private final JailhouseDriver driver;
    private final RootFs fs;

    JailhouseSysfs(JailhouseDriver driver, RootFs fs) {
        this.driver = driver;
        this.fs = fs;
    }

    void publish() {
        fs.put(ROOT + "/enabled", () -> (driver.hypervisor().isPresent() ? "1" : "0") + "\n");
        fs.put(ROOT + "/mem_pool_size", () -> pool(h -> h.pool().memPages()));
        fs.put(ROOT + "/mem_pool_used", () -> pool(h -> h.pool().memUsed()));
        fs.put(ROOT + "/remap_pool_size", () -> pool(h -> h.pool().remapPages()));
        fs.put(ROOT + "/remap_pool_used", () -> pool(h -> h.pool().remapUsed()));
        fs.put(ROOT + "/console", () -> driver.hypervisor().map(h -> h.console().ring()).orElse(""));
        for (int id = 0; id < 8; id++) publishCell(id);
    }

    private String pool(java.util.function.ToLongFunction<Hypervisor> f) {
        return driver.hypervisor().map(h -> f.applyAsLong(h)).orElse(0L) + "\n";
    }

    /** Cell folders exist only while the cell does: each file looks the cell up when read. */
    private void publishCell(int id) {
        String dir = ROOT + "/cells/" + id;
        fs.putIf(dir + "/name", () -> cell(id).map(c -> c.name() + "\n"));
        fs.putIf(dir + "/state", () -> cell(id).map(c -> c.state().text() + "\n"));
        fs.putIf(dir + "/cpus_assigned", () -> cell(id).map(c -> mask(c.cpus()) + "\n"));
        fs.putIf(dir + "/cpus_assigned_list", () -> cell(id).map(c -> CpuSet.format(c.cpus()) + "\n"));
        fs.putIf(dir + "/cpus_failed", () -> cell(id).map(c -> mask(c.failedCpus()) + "\n"));
        fs.putIf(dir + "/cpus_failed_list", () -> cell(id).map(c -> CpuSet.format(c.failedCpus()) + "\n"));
    }

    private Optional<Cell> cell(int id) {
        return driver.hypervisor().flatMap(h -> h.cell(id));
    }

    /** Linux's %*pb: the mask in hex, without leading zeros beyond the CPU count. */
    static String mask(BitSet cpus) {
        long bits = cpus.isEmpty() ? 0 : cpus.toLongArray()[0];
        return Long.toHexString(bits);
    }
}
