package dev.warden.lab;

import static dev.warden.lab.JailhouseFlowTest.SECOND;
import static dev.warden.lab.JailhouseFlowTest.bootedAndLoggedIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference rig's command lines (shared/reference-rig/recordings/*.steps.txt) typed at the QEMU
 * virt board's root shell, compared with what the real busybox printed there.
 */
class RootShellSessionTest {

    static Lab qemu() {
        return bootedAndLoggedIn("qemu-arm64-virt", BootRequest.defaults().overlays(List.of("qemu-arm64-virt-jailhouse.dtbo")));
    }

    /** What a command printed: the console between its echo and the next prompt. */
    static String out(Lab lab, String command) {
        String all = JailhouseFlowTest.run(lab, command);
        String prompt = "root@" + lab.board().profile().boot().login().hostname() + ":~# ";
        String body = all.substring(all.indexOf('\n') + 1);
        return body.endsWith(prompt) ? body.substring(0, body.length() - prompt.length()) : body;
    }

    static int status(Lab lab) {
        return lab.linux().shell().orElseThrow().lastStatus();
    }

    @Test
    void jBadConfigsDamagesCopiesOfTheConfigurationsInTmp() {
        try (Lab lab = qemu()) {
            out(lab, "cd /root");
            out(lab, "insmod jailhouse.ko");
            out(lab, "cd /tmp");
            assertThat(out(lab, "head -c 100 /etc/jailhouse/qemu-arm64.cell > sys-trunc.cell")).isEmpty();
            assertThat(out(lab, "cp /etc/jailhouse/qemu-arm64.cell sys-rev13.cell")).isEmpty();
            assertThat(out(lab, "printf '\\015\\000' | dd of=sys-rev13.cell bs=1 seek=6 conv=notrunc"))
                    .isEqualTo("2+0 records in\n2+0 records out\n");
            out(lab, "cp /etc/jailhouse/qemu-arm64.cell sys-sig.cell");
            assertThat(out(lab, "printf 'JHSYX' | dd of=sys-sig.cell bs=1 seek=0 conv=notrunc"))
                    .isEqualTo("5+0 records in\n5+0 records out\n");
            assertThat(out(lab, "ls -l *.cell")).isEqualTo("""
                    -rw-r--r--    1 0        0             1024 Jan  1 00:00 sys-rev13.cell
                    -rw-r--r--    1 0        0             1024 Jan  1 00:00 sys-sig.cell
                    -rw-r--r--    1 0        0              100 Jan  1 00:00 sys-trunc.cell
                    """);
            assertThat(out(lab, "hexdump -C sys-rev13.cell | head -1"))
                    .isEqualTo("00000000  4a 48 53 59 53 02 0d 00  01 00 00 00 00 00 c0 7f  |JHSYS...........|\n");
            assertThat(out(lab, "hexdump -C sys-sig.cell | head -1"))
                    .isEqualTo("00000000  4a 48 53 59 58 02 0e 00  01 00 00 00 00 00 c0 7f  |JHSYX...........|\n");
            assertThat(out(lab, "jailhouse enable sys-trunc.cell")).endsWith("JAILHOUSE_ENABLE: Invalid argument\n");
            assertThat(status(lab)).isEqualTo(1);
            assertThat(out(lab, "jailhouse enable sys-rev13.cell")).contains("Configuration revision mismatch")
                    .endsWith("JAILHOUSE_ENABLE: Invalid argument\n");
            assertThat(out(lab, "jailhouse enable sys-sig.cell")).contains("Not a system configuration");
            assertThat(out(lab, "jh-pool")).isEqualTo("""
                    enabled: 0
                    mem_pool_size: 0
                    mem_pool_used: 0
                    remap_pool_size: 0
                    remap_pool_used: 0
                    """);
        }
    }

    @Test
    void aEnableSysfsIomemCpusAndTheKernelLog() {
        try (Lab lab = qemu()) {
            assertThat(out(lab, "grep -c ^processor /proc/cpuinfo")).isEqualTo("16\n");
            assertThat(out(lab, "cat /sys/devices/system/cpu/online")).isEqualTo("0-15\n");
            out(lab, "cd /root");
            out(lab, "insmod jailhouse.ko");
            assertThat(out(lab, "insmod jailhouse.ko")).isEqualTo("insmod: can't insert 'jailhouse.ko': File exists\n");
            assertThat(status(lab)).isEqualTo(17);
            out(lab, "jailhouse enable /etc/jailhouse/qemu-arm64.cell");
            assertThat(status(lab)).isZero();
            assertThat(out(lab, "jh-pool")).isEqualTo("""
                    enabled: 1
                    mem_pool_size: 994
                    mem_pool_used: 144
                    remap_pool_size: 131072
                    remap_pool_used: 528
                    """);
            assertThat(out(lab, "jh-cell 0 stats")).startsWith("""
                    name: qemu-arm64
                    state: running
                    cpus_assigned_list: 0-15
                    cpus_failed_list:\s
                    vmexits_hypercall:\s""").contains("\nvmexits_virt_sgi: ");
            assertThat(out(lab, "ls /sys/devices/jailhouse /sys/devices/jailhouse/cells/0")).isEqualTo("""
                    /sys/devices/jailhouse:
                    cells            console          core             enabled          mem_pool_size    mem_pool_used    module           remap_pool_size  remap_pool_used  uevent

                    /sys/devices/jailhouse/cells/0:
                    cpus_assigned       cpus_assigned_list  cpus_failed         cpus_failed_list    name                state               statistics
                    """);
            assertThat(out(lab, "grep -i jailhouse /proc/iomem")).isEqualTo("7fc00000-7fffffff : Jailhouse hypervisor\n");
            assertThat(out(lab, "ls /sys/bus/pci/devices/")).isEqualTo("0000:00:00.0\n");
            assertThat(out(lab, "rmmod jailhouse")).isEqualTo("rmmod: can't unload module 'jailhouse': Resource temporarily unavailable\n");
            assertThat(status(lab)).isEqualTo(1);
            assertThat(out(lab, "dmesg | grep -i jailhouse")).contains("jailhouse: loading out-of-tree module taints kernel.\n")
                    .contains("The Jailhouse is opening.\n");
            assertThat(out(lab, "grep -i nothing-like-this /proc/iomem")).isEmpty();
            assertThat(status(lab)).isEqualTo(1);
        }
    }

    @Test
    void bGicDemoSleepsWhileTheCellRunsThenReadsItsStatistics() {
        try (Lab lab = qemu()) {
            out(lab, "cd /root");
            out(lab, "insmod jailhouse.ko");
            out(lab, "jailhouse enable /etc/jailhouse/qemu-arm64.cell");
            out(lab, "jailhouse cell create /etc/jailhouse/qemu-arm64-inmate-demo.cell");
            assertThat(out(lab, "jh-cell 1")).isEqualTo("""
                    name: inmate-demo
                    state: shut down
                    cpus_assigned_list: 1
                    cpus_failed_list:\s
                    """);
            assertThat(out(lab, "cat /sys/devices/system/cpu/online")).isEqualTo("0,2-15\n");
            out(lab, "jailhouse cell load inmate-demo /usr/libexec/jailhouse/demos/gic-demo.bin");
            out(lab, "jailhouse cell start inmate-demo");
            var c = lab.console(dev.warden.emulator.board.ConsoleRole.PRIMARY);
            int start = c.length();
            c.type("sleep 3\n");
            long before = lab.board().clock().now();
            assertThat(lab.waitFor(dev.warden.emulator.board.ConsoleRole.PRIMARY, "sleep 3\n", start, SECOND)).isPositive();
            int end = lab.waitFor(dev.warden.emulator.board.ConsoleRole.PRIMARY, "root@demo:~# ", start, 10 * SECOND);
            assertThat(end).isPositive();
            // three seconds of board time, the command's start-up latency aside; the cell ran meanwhile
            assertThat(lab.board().clock().now() - before).isBetween(3 * SECOND, 3 * SECOND + SECOND / 100);
            assertThat(c.text().substring(start, end)).contains("Timer fired");
            String stats = out(lab, "jh-cell 1 cpustats");
            assertThat(stats).contains("state: running\n", "cpu1/vmexits_total:", "\nvmexits_virt_irq:");
            assertThat(stats.lines().filter(l -> l.startsWith("cpu1/")).count()).isEqualTo(9);
            assertThat(stats.lines().filter(l -> l.startsWith("vmexits_")).count()).isEqualTo(9);
        }
    }

    @Test
    void poweroffPrintsTheKernelsLastWordAndTheBoardStops() {
        try (Lab lab = qemu()) {
            var c = lab.console(dev.warden.emulator.board.ConsoleRole.PRIMARY);
            int start = c.length();
            c.type("poweroff -f\n");
            assertThat(lab.waitFor(dev.warden.emulator.board.ConsoleRole.PRIMARY, "] reboot: Power down\n", start, SECOND)).isPositive();
            lab.board().runFor(SECOND);
            assertThat(lab.board().isPoweredOff()).isTrue();
            assertThat(c.text().substring(start)).doesNotContain("root@");
        }
    }
}
