package dev.warden.emulator.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bare-metal oracle of the real kernel (-Preal-kernel): Debian's arm64 kernel and the busybox
 * initramfs that firmware-fixtures/linux/real/fetch-debian-kernel.sh put in the cache boot on
 * Warden's QEMU virt machine with the tree QEMU made for it, and the console shows QEMU's kernel
 * log (firmware-fixtures/linux/real/qemu-virt-boot.log) line for line, timestamps aside, up to
 * the login prompt; then root logs in and `mount` lists what the seed's does.
 */
@EnabledIfSystemProperty(named = "warden.realKernel", matches = "true")
class RealKernelBootTest {

    private static final Path REAL = Path.of("..", "firmware-fixtures", "linux", "real");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\[ *\\d+\\.\\d+\\] ");
    /**
     * QEMU's Cortex-A53 runs AArch32 at EL0 and EL1; Warden's core reports AArch64 only
     * (IdRegisters), so the kernel does not print these two lines on Warden.
     */
    static final List<String> ONLY_ON_QEMU = List.of(
            "CPU features: detected: 32-bit EL0 Support",
            "CPU features: detected: 32-bit EL1 Support");

    private static String console;
    private static BareMetalMachine.RunResult result;

    @BeforeAll
    static void boot() throws IOException {
        Path cache = Path.of(System.getProperty("warden.linuxCache", System.getProperty("user.home") + "/.cache/warden/linux"));
        assertThat(cache.resolve("Image")).as("run firmware-fixtures/linux/real/fetch-debian-kernel.sh first").exists();
        BareMetalMachine machine = new BareMetalMachine(256L << 20, false);
        machine.bootLinux(Files.readAllBytes(cache.resolve("Image")), Files.readAllBytes(REAL.resolve("qemu-virt-a53.dtb")),
                Files.readAllBytes(cache.resolve("initramfs.cpio.gz")), "console=ttyAMA0");
        ConsoleScript script = new ConsoleScript(machine::type, machine::requestStop)
                .typeAfter("login: ", "root\r").typeAfter("# ", "mount\r").stopAt("# ");
        StringBuilder out = new StringBuilder();
        machine.onUartByte(b -> {
            out.append((char) b);
            script.onByte(b);
        });
        result = machine.run(6_000_000_000L);
        console = out.toString().replace("\r", "");
        System.out.printf("real kernel boot: %d instructions, %.3f s virtual%n", result.instructions(), result.virtualNanos() / 1e9);
    }

    @Test
    void theKernelLogIsQemusLineForLineUpToTheLoginPrompt() throws IOException {
        assertThat(result.stop()).as("the session reached its last prompt").isEqualTo(BareMetalMachine.Stop.REQUESTED);
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(REAL.resolve("qemu-virt-boot.log"), StandardCharsets.ISO_8859_1)) {
            String bare = TIMESTAMP.matcher(line).replaceFirst("");
            if (!ONLY_ON_QEMU.contains(bare)) expected.add(bare);
        }
        String boot = console.substring(0, console.indexOf("login: ") + "login: ".length());
        List<String> actual = new ArrayList<>();
        for (String line : boot.split("\n", -1)) actual.add(TIMESTAMP.matcher(line).replaceFirst(""));
        assertThat(String.join("\n", actual)).isEqualTo(String.join("\n", expected));
    }

    /**
     * The seed's `mount` lines as Linux 6.1 prints them: the same file systems, mount points and
     * options, with what 6.1 adds (inode64 on tmpfs-like file systems, relatime on /run).
     */
    @Test
    void rootLogsInAndMountListsTheSeedsFileSystems() {
        String session = console.substring(console.indexOf("login: "));
        assertThat(session).contains("login: root\n", "root login on 'console'", "BusyBox v1.35.0", "mount\n");
        assertThat(session).contains(
                "proc on /proc type proc (rw,relatime)\n",
                "sysfs on /sys type sysfs (rw,relatime)\n",
                "debugfs on /sys/kernel/debug type debugfs (rw,relatime)\n",
                "configfs on /sys/kernel/config type configfs (rw,relatime)\n",
                "tmpfs on /run type tmpfs (rw,nosuid,nodev,relatime,mode=755,inode64)\n",
                "tmpfs on /var/volatile type tmpfs (rw,relatime,size=51200k,inode64)\n",
                "devpts on /dev/pts type devpts (rw,relatime,gid=5,mode=620,ptmxmode=000)\n");
        assertThat(session).containsPattern("rootfs on / type rootfs \\(rw,size=\\d+k,nr_inodes=\\d+,inode64\\)\n");
        assertThat(session).containsPattern("devtmpfs on /dev type devtmpfs \\(rw,relatime,size=\\d+k,nr_inodes=\\d+,mode=755,inode64\\)\n");
    }
}
