package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference rig's jh-pool and jh-cell, against a sysfs published as the jailhouse driver does. */
class RigHelpersTest {

    private final ShellHarness sh = new ShellHarness();

    private void pools(String enabled, long size, long used, long remapSize, long remapUsed) {
        RootFs fs = sh.fs();
        fs.put("/sys/devices/jailhouse/enabled", () -> enabled + "\n");
        fs.put("/sys/devices/jailhouse/mem_pool_size", () -> size + "\n");
        fs.put("/sys/devices/jailhouse/mem_pool_used", () -> used + "\n");
        fs.put("/sys/devices/jailhouse/remap_pool_size", () -> remapSize + "\n");
        fs.put("/sys/devices/jailhouse/remap_pool_used", () -> remapUsed + "\n");
    }

    /** The inmate-demo cell of b-gic-demo on CPU 1 (and a CPU 10, to show the glob order). */
    private void cell(List<Integer> cpus) {
        RootFs fs = sh.fs();
        String dir = "/sys/devices/jailhouse/cells/1/";
        fs.put(dir + "name", () -> "inmate-demo\n");
        fs.put(dir + "state", () -> "running\n");
        fs.put(dir + "cpus_assigned", () -> "2\n");
        fs.put(dir + "cpus_assigned_list", () -> "1\n");
        fs.put(dir + "cpus_failed", () -> "0\n");
        fs.put(dir + "cpus_failed_list", () -> "\n");
        String[] names = {"vmexits_total", "vmexits_mmio", "vmexits_management", "vmexits_hypercall",
                "vmexits_maintenance", "vmexits_virt_irq", "vmexits_virt_sgi", "vmexits_psci", "vmexits_smccc"};
        long[] values = {41, 7, 2, 0, 0, 32, 0, 0, 0};
        for (int i = 0; i < names.length; i++) {
            long v = values[i];
            fs.put(dir + "statistics/" + names[i], () -> v * cpus.size() + "\n");
            for (int cpu : cpus) fs.put(dir + "statistics/cpu" + cpu + "/" + names[i], () -> v + "\n");
        }
    }

    @Test
    void jhPoolAsTheRecordingsShowIt() {
        pools("1", 994, 144, 131072, 528);
        assertThat(sh.run("jh-pool")).isEqualTo("""
                enabled: 1
                mem_pool_size: 994
                mem_pool_used: 144
                remap_pool_size: 131072
                remap_pool_used: 528
                """);
        assertThat(sh.status()).isZero();
    }

    @Test
    void jhPoolWithoutTheModuleShowsCatsComplaints() {
        assertThat(sh.run("jh-pool")).startsWith(
                "cat: can't open '/sys/devices/jailhouse/enabled': No such file or directory\nenabled: \n");
    }

    @Test
    void jhCellAndItsStatistics() {
        cell(List.of(1));
        assertThat(sh.run("jh-cell 1")).isEqualTo("""
                name: inmate-demo
                state: running
                cpus_assigned_list: 1
                cpus_failed_list:\s
                """);
        assertThat(sh.run("jh-cell 1 stats")).endsWith("""
                cpus_failed_list:\s
                vmexits_hypercall: 0
                vmexits_maintenance: 0
                vmexits_management: 2
                vmexits_mmio: 7
                vmexits_psci: 0
                vmexits_smccc: 0
                vmexits_total: 41
                vmexits_virt_irq: 32
                vmexits_virt_sgi: 0
                """);
        // b-gic-demo's jh-cell 1 cpustats, line for line
        assertThat(sh.run("jh-cell 1 cpustats")).isEqualTo("""
                name: inmate-demo
                state: running
                cpus_assigned_list: 1
                cpus_failed_list:\s
                cpu1/vmexits_hypercall:0
                cpu1/vmexits_maintenance:0
                cpu1/vmexits_management:2
                cpu1/vmexits_mmio:7
                cpu1/vmexits_psci:0
                cpu1/vmexits_smccc:0
                cpu1/vmexits_total:41
                cpu1/vmexits_virt_irq:32
                cpu1/vmexits_virt_sgi:0
                vmexits_hypercall:0
                vmexits_maintenance:0
                vmexits_management:2
                vmexits_mmio:7
                vmexits_psci:0
                vmexits_smccc:0
                vmexits_total:41
                vmexits_virt_irq:32
                vmexits_virt_sgi:0
                """);
    }

    @Test
    void cpuFoldersComeInGlobOrder() {
        cell(List.of(2, 10));
        String out = sh.run("jh-cell 1 cpustats");
        assertThat(out.indexOf("cpu10/vmexits_total:41")).isLessThan(out.indexOf("cpu2/vmexits_hypercall:0"));
        assertThat(out).contains("\nvmexits_total:82\n");
    }

    @Test
    void jhCellOfNoCellAndWithoutAnId() {
        assertThat(sh.run("jh-cell 7")).contains("cat: can't open '/sys/devices/jailhouse/cells/7/name': No such file or directory\n")
                .contains("name: \n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("jh-cell")).isEqualTo("usage: jh-cell ID [stats|cpustats]\n");
        assertThat(sh.status()).isEqualTo(1);
    }
}
