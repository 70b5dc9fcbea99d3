package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The same session gives the same transcripts, byte for byte and stamp for stamp: boot, enable,
 * a real inmate running on an emulated core with timer interrupts, and a fault that parks it.
 */
class DeterminismTest {

    private static Map<String, String> session() {
        try (Lab lab = JailhouseFlowTest.bootedAndLoggedIn("k3-am654-idk",
                BootRequest.defaults().overlays(List.of("k3-am654-idk-jailhouse.dtbo")))) {
            JailhouseFlowTest.run(lab, "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell");
            JailhouseFlowTest.run(lab, "jailhouse cell create /usr/share/jailhouse/cells/k3-am654-idk-inmate-demo.cell");
            JailhouseFlowTest.run(lab, "jailhouse cell load inmate-demo /usr/share/jailhouse/inmates/gic-demo.bin");
            JailhouseFlowTest.run(lab, "jailhouse cell start inmate-demo");
            lab.board().runFor(300_000_000L);
            JailhouseFlowTest.run(lab, "devmem 0x8e0000000");
            lab.board().runFor(10_000_000L);
            Map<String, String> transcripts = new TreeMap<>();
            for (Console c : lab.board().consoles().values()) transcripts.put(c.name(), c.stampedTranscript());
            return transcripts;
        }
    }

    @Test
    void twoRunsOfTheSameSessionPrintTheSameBytesAtTheSameVirtualTimes() {
        Map<String, String> first = session();
        Map<String, String> second = session();

        assertThat(second).isEqualTo(first);
        assertThat(first.get("mcu_uart0")).contains("Timer fired, jitter:");
        assertThat(first.get("main_uart0")).contains("Parking CPU 2 (Cell: \"k3-am654-idk\")");
    }
}
