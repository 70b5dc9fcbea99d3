package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import org.junit.jupiter.api.Test;

/**
 * QEMU virt's linux-demo cell shares the only PL011 with the root cell and owns its interrupt:
 * once the cell's kernel enables that interrupt for one of its CPUs, what is typed on the console
 * is the cell's, and the root shell leaves it in the UART; while the interrupt is off (or reaches
 * a root CPU) the root shell reads it.
 */
class SharedConsoleTest {

    static final long GICD = 0x08000000L;
    static final int UART_SPI = 33;
    static final long MS = 1_000_000L;

    @Test
    void theRootShellLeavesTypedInputToTheCellWhoseCpuHasTheConsolesInterrupt() {
        try (Lab lab = JailhouseFlowTest.bootedAndLoggedIn("qemu-arm64-virt", BootRequest.defaults())) {
            JailhouseFlowTest.run(lab, "insmod /root/jailhouse.ko");
            JailhouseFlowTest.run(lab, "jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell");
            JailhouseFlowTest.run(lab, "jailhouse cell create /usr/share/jailhouse/cells/qemu-arm64-linux-demo.cell");
            // what the cell's kernel does as it opens its console: the UART's SPI to its CPU 2, enabled
            lab.board().bus().write(GICD + 0x6000 + UART_SPI * 8L, 8, 0x2);
            lab.board().bus().write(GICD + 0x100 + (UART_SPI / 32) * 4L, 4, 1L << (UART_SPI % 32));
            Console c = lab.console(ConsoleRole.PRIMARY);
            int typed = c.length();

            c.type("jailhouse cell list\n");
            lab.board().runFor(10 * MS);
            assertThat(c.text().substring(typed)).as("no echo, no command: the bytes wait in the UART").isEmpty();

            // the cell's kernel switches the interrupt off again: the root shell reads what waited
            lab.board().bus().write(GICD + 0x180 + (UART_SPI / 32) * 4L, 4, 1L << (UART_SPI % 32));
            c.type("\n");
            lab.waitFor(ConsoleRole.PRIMARY, "root@demo:~# ", typed, 100 * MS);
            assertThat(c.text().substring(typed)).startsWith("jailhouse cell list\n")
                    .contains("qemu-arm64-linux-demo   shut down         2-3");
        }
    }
}
