package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The seed's Linux inmate for real (-Preal-kernel): on QEMU virt, the root cell's Linux enables
 * the hypervisor and {@code jailhouse cell linux} loads Debian's arm64 kernel and the busybox
 * initramfs from the cache (firmware-fixtures/linux/real/fetch-debian-kernel.sh) into the
 * linux-demo cell; Warden's cores 2 and 3 run the loader and the kernel behind the cell's stage-2
 * map. The cell shares the board's only PL011 with the root cell and owns its interrupt, so the
 * kernel's log and its login appear on the primary console, and what is typed there after the
 * kernel took the interrupt goes to the cell's shell.
 */
@EnabledIfSystemProperty(named = "warden.realKernel", matches = "true")
class RealKernelInCellTest {

    static final long SECOND = 1_000_000_000L;
    static final String CELL = "qemu-arm64-linux-demo";
    static final String COMMAND = "jailhouse cell linux /usr/share/jailhouse/cells/qemu-arm64-linux-demo-248m.cell "
            + "/root/debian/Image -d /boot/dtb/inmate-qemu-arm64.dtb -i /root/debian/initramfs.cpio.gz -c \"console=ttyAMA0\"";

    private static Lab lab;
    /** The primary console from the `jailhouse cell linux` command on. */
    private static String session;
    /** The inmate's session from its login prompt on. */
    private static String login;

    @BeforeAll
    static void bootTheKernelInTheCell() throws IOException {
        Path cache = Path.of(System.getProperty("warden.linuxCache", System.getProperty("user.home") + "/.cache/warden/linux"));
        assertThat(cache.resolve("Image")).as("run firmware-fixtures/linux/real/fetch-debian-kernel.sh first").exists();
        lab = JailhouseFlowTest.bootedAndLoggedIn("qemu-arm64-virt", BootRequest.defaults());
        lab.linux().fs().putBytes("/root/debian/Image", Files.readAllBytes(cache.resolve("Image")));
        lab.linux().fs().putBytes("/root/debian/initramfs.cpio.gz", Files.readAllBytes(cache.resolve("initramfs.cpio.gz")));
        JailhouseFlowTest.run(lab, "insmod /root/jailhouse.ko");
        JailhouseFlowTest.run(lab, "jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell");

        Console c = lab.console(ConsoleRole.PRIMARY);
        int from = c.length();
        long wall = System.nanoTime();
        long virtualStart = lab.board().clock().now();
        c.type(COMMAND + "\n");
        int prompt = lab.waitFor(ConsoleRole.PRIMARY, "warden login: ", from, 5 * SECOND);
        long bootVirtual = lab.board().clock().now() - virtualStart;
        long bootWall = System.nanoTime() - wall;
        long bootInstructions = cellInstructions();
        assertThat(prompt).as("the inmate's login prompt within 5 s of virtual time; console:%n%s",
                tail(c.text().substring(from))).isPositive();

        c.type("root\n");
        int shell = lab.waitFor(ConsoleRole.PRIMARY, "# ", prompt, SECOND);
        assertThat(shell).as("the inmate's shell prompt; console:%n%s", tail(c.text().substring(from))).isPositive();
        c.type("mount\n");
        lab.waitFor(ConsoleRole.PRIMARY, "# ", lab.waitFor(ConsoleRole.PRIMARY, "devpts on /dev/pts", shell, SECOND), SECOND);
        session = c.text().substring(from);
        login = c.text().substring(prompt - "warden login: ".length());
        // the figures of the closing note (not asserted: wall time depends on the machine)
        System.out.printf("real kernel in the cell: %d instructions on the cell's CPUs, %.3f s virtual, %.1f s wall "
                + "from `jailhouse cell linux` to the login prompt%n", bootInstructions, bootVirtual / 1e9, bootWall / 1e9);
    }

    @AfterAll
    static void close() {
        if (lab != null) lab.close();
    }

    private static long cellInstructions() {
        long n = 0;
        for (int cpu = 2; cpu < 4; cpu++) n += lab.board().cpus().core(cpu).map(c -> c.instructionCount()).orElse(0L);
        return n;
    }

    @Test
    void theRootCellAndTheHypervisorCreateAndStartTheCell() {
        assertThat(session).containsSubsequence(
                "psci: CPU2 killed",
                "psci: CPU3 killed",
                "Adding virtual PCI device 00:00.0 to cell \"" + CELL + "\"",
                "Created cell \"" + CELL + "\"",
                "Created Jailhouse cell \"" + CELL + "\"",
                "Cell \"" + CELL + "\" can be loaded",
                "Started cell \"" + CELL + "\"");
        assertThat(lab.hypervisor().orElseThrow().cellNamed(CELL).orElseThrow().state()).isEqualTo(dev.warden.hypervisor.core.CellState.RUNNING);
    }

    @Test
    void theInmateKernelBootsFromTheCellsTreeToItsInit() {
        assertThat(session).containsSubsequence(
                "Started cell \"" + CELL + "\"",
                "] Booting Linux on physical CPU 0x0000000002",
                "] Linux version 6.1.",
                "] Machine model: Jailhouse cell on QEMU ARM64",
                "] Kernel command line: console=ttyAMA0",
                "] smp: Bringing up secondary CPUs ...",
                "] CPU1: Booted secondary processor 0x0000000003",
                "] Run /init as init process",
                "warden login: ");
        assertThat(session).doesNotContain("Kernel panic", "Unhandled", "Parking CPU");
    }

    /** The seed's secondary-terminal check: root logs in on the cell's console and `mount` lists the seed's file systems. */
    @Test
    void rootLogsInOnTheCellsConsoleAndMountListsTheSeedsFileSystems() {
        SeedMountLines.assertLoginAndMount(login);
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
