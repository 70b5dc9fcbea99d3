package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.hypervisor.core.CellState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The seed's own board (-Preal-kernel): on the AM654 IDK with the Jailhouse overlay, the root
 * cell enables the hypervisor and {@code jailhouse cell linux} boots Debian's arm64 kernel and the
 * busybox initramfs in TI's linux-demo cell with the seed script's command line; Warden's cores 2
 * and 3 run it, its log and its login come out of MCU UART0, the cell's own UART (the secondary
 * console), where root logs in and `mount` lists the seed's file systems.
 */
@EnabledIfSystemProperty(named = "warden.realKernel", matches = "true")
class RealKernelInAm654CellTest {

    static final long SECOND = 1_000_000_000L;
    static final String CELL = "k3-am654-idk-linux-demo";
    static final String COMMAND = "jailhouse cell linux /usr/share/jailhouse/cells/k3-am654-idk-linux-demo.cell "
            + "/root/debian/Image -d /boot/dtb/ti/inmate-k3-am654-idk.dtb -i /root/debian/initramfs.cpio.gz "
            + "-c \"console=ttyS1,115200n8 earlycon=ns16550a,mmio32,0x40a00000\"";

    private static Lab lab;
    /** The primary console from the `jailhouse cell linux` command on. */
    private static String root;
    /** The secondary console: the inmate's. */
    private static String inmate;

    @BeforeAll
    static void bootTheKernelInTheCell() throws IOException {
        Path cache = Path.of(System.getProperty("warden.linuxCache", System.getProperty("user.home") + "/.cache/warden/linux"));
        assertThat(cache.resolve("Image")).as("run firmware-fixtures/linux/real/fetch-debian-kernel.sh first").exists();
        lab = JailhouseFlowTest.bootedAndLoggedIn("k3-am654-idk", BootRequest.defaults().overlays(List.of("k3-am654-idk-jailhouse.dtbo")));
        lab.linux().fs().putBytes("/root/debian/Image", Files.readAllBytes(cache.resolve("Image")));
        lab.linux().fs().putBytes("/root/debian/initramfs.cpio.gz", Files.readAllBytes(cache.resolve("initramfs.cpio.gz")));
        if (lab.driver().isEmpty()) JailhouseFlowTest.run(lab, "insmod /root/jailhouse.ko");
        JailhouseFlowTest.run(lab, "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell");

        Console primary = lab.console(ConsoleRole.PRIMARY);
        Console secondary = lab.console(ConsoleRole.SECONDARY);
        int from = primary.length();
        long wall = System.nanoTime();
        long virtualStart = lab.board().clock().now();
        JailhouseFlowTest.run(lab, COMMAND);
        int prompt = lab.waitFor(ConsoleRole.SECONDARY, "warden login: ", 0, 5 * SECOND);
        long bootVirtual = lab.board().clock().now() - virtualStart;
        long bootWall = System.nanoTime() - wall;
        long bootInstructions = 0;
        for (int cpu = 2; cpu < 4; cpu++) bootInstructions += lab.board().cpus().core(cpu).map(c -> c.instructionCount()).orElse(0L);
        assertThat(prompt).as("the inmate's login prompt within 5 s of virtual time; secondary console:%n%s",
                tail(secondary.text())).isPositive();

        secondary.type("root\n");
        int shell = lab.waitFor(ConsoleRole.SECONDARY, "# ", prompt, SECOND);
        assertThat(shell).as("the inmate's shell prompt; secondary console:%n%s", tail(secondary.text())).isPositive();
        secondary.type("mount\n");
        lab.waitFor(ConsoleRole.SECONDARY, "# ", lab.waitFor(ConsoleRole.SECONDARY, "devpts on /dev/pts", shell, SECOND), SECOND);
        root = primary.text().substring(from);
        inmate = secondary.text();
        // the figures of the closing note (not asserted: wall time depends on the machine)
        System.out.printf("real kernel in the AM654 cell: %d instructions on the cell's CPUs, %.3f s virtual, %.1f s wall "
                + "from `jailhouse cell linux` to the login prompt%n", bootInstructions, bootVirtual / 1e9, bootWall / 1e9);
    }

    @AfterAll
    static void close() {
        if (lab != null) lab.close();
    }

    @Test
    void theRootCellAndTheHypervisorCreateAndStartTheCell() {
        assertThat(root).containsSubsequence(
                "Adding virtual PCI device 00:00.0 to cell \"" + CELL + "\"",
                "Created cell \"" + CELL + "\"",
                "Created Jailhouse cell \"" + CELL + "\"",
                "Cell \"" + CELL + "\" can be loaded",
                "Started cell \"" + CELL + "\"");
        assertThat(root).doesNotContain("Unhandled", "Parking CPU");
        assertThat(lab.hypervisor().orElseThrow().cellNamed(CELL).orElseThrow().state()).isEqualTo(CellState.RUNNING);
    }

    @Test
    void theInmateKernelLogsOnTheCellsUartFromItsFirstLine() {
        assertThat(inmate).startsWith("[    0.000000] Booting Linux on physical CPU 0x0000000100 ");
        assertThat(inmate).containsSubsequence(
                "] Machine model: Texas Instruments AM654 Inmate Model",
                "] Kernel command line: console=ttyS1,115200n8 earlycon=ns16550a,mmio32,0x40a00000",
                "] CPU1: Booted secondary processor 0x0000000101",
                "] smp: Brought up 1 node, 2 CPUs",
                "] 40a00000.serial: ttyS1 at MMIO 0x40a00000",
                "] Run /init as init process",
                "warden login: ");
        assertThat(inmate).doesNotContain("Kernel panic");
    }

    /** The seed's secondary-terminal check, on the seed's board. */
    @Test
    void rootLogsInOnTheSecondaryConsoleAndMountListsTheSeedsFileSystems() {
        String session = inmate.substring(inmate.indexOf("warden login: "));
        SeedMountLines.assertLoginAndMount(session);
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
