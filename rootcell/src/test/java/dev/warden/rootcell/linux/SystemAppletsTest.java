package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel-facing applets and the kernel's own files. */
class SystemAppletsTest {

    private final ShellHarness sh = new ShellHarness();

    @Test
    void theOnlineCpusAreTheKernelsList() {
        sh.kernel.onlineCpus().addAll(java.util.List.of(0, 1, 2, 3));
        assertThat(sh.run("cat /sys/devices/system/cpu/online")).isEqualTo("0-3\n");
        sh.kernel.onlineCpus().remove(0);
        assertThat(sh.run("cat /sys/devices/system/cpu/online")).isEqualTo("1-3\n");
        sh.kernel.onlineCpus().remove(2);
        assertThat(sh.run("cat /sys/devices/system/cpu/online")).isEqualTo("1,3\n");
        assertThat(sh.run("ls /sys/devices/system/cpu")).contains("online");
    }

    @Test
    void thePciDevicesFolderExistsEvenEmpty() {
        assertThat(sh.run("ls /sys/bus/pci/devices/")).isEmpty();
        assertThat(sh.status()).isZero();
        assertThat(sh.run("ls /sys/bus/pci")).isEqualTo("devices\n");
    }

    @Test
    void insmodOfAMissingFile() {
        assertThat(sh.run("insmod /root/nothing.ko")).isEqualTo("insmod: can't read '/root/nothing.ko': No such file or directory\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("rmmod jailhouse")).isEqualTo("rmmod: can't unload module 'jailhouse': No such file or directory\n");
        assertThat(sh.status()).isEqualTo(1);
    }

    @Test
    void insmodOfAFileThatIsNoModuleIsAnExecFormatError(@TempDir Path host) throws Exception {
        Files.writeString(host.resolve("x.ko"), "not a module");
        sh.fs().mount("/root/x.ko", host.resolve("x.ko"));
        sh.run("cd /root");
        assertThat(sh.run("insmod x.ko")).isEqualTo("insmod: can't insert 'x.ko': Exec format error\n");
        assertThat(sh.status()).isEqualTo(8);
    }

    @Test
    void unameAndHostname() {
        assertThat(sh.run("uname")).isEqualTo("Linux\n");
        assertThat(sh.run("uname -a")).isEqualTo("Linux demo unknown #1 SMP PREEMPT aarch64 GNU/Linux\n");
        assertThat(sh.run("uname -nm")).isEqualTo("demo aarch64\n");
        assertThat(sh.run("hostname")).isEqualTo("demo\n");
    }

    @Test
    void poweroffStopsTheBoardAndTheShell() {
        sh.start("poweroff -f; echo never");
        assertThat(sh.board.isPoweredOff()).isTrue();
        assertThat(sh.finished()).isFalse();
        assertThat(sh.newOutput()).doesNotContain("never");
        long before = sh.board.clock().now();
        sh.board.scheduler().after(1000, "would fire on a live board", () -> {
            throw new AssertionError("an event ran after power-off");
        });
        sh.board.runFor(5_000);
        assertThat(sh.board.clock().now()).isEqualTo(before + 5_000);
    }
}
