package dev.warden.emulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A bare-metal program that follows stray pointers into low memory reads what QEMU's virt board
 * gives it there (its empty CFI flash, whose chips take writes as commands) instead of taking an
 * external abort: stray-read.elf's whole UART output, recorded from QEMU by
 * firmware-fixtures/oracle/stray-read/record.sh, byte for byte.
 */
class StrayReadTest {

    private static final Path GOLDENS = Path.of(System.getProperty("warden.root", "..")).resolve("firmware-fixtures/oracle/stray-read");

    @Test
    void warden_run_image_prints_what_qemu_printed() throws Exception {
        BareMetalMachine machine = new BareMetalMachine();
        machine.load("stray-read.elf", Files.readAllBytes(GOLDENS.resolve("stray-read.elf")));

        BareMetalMachine.RunResult result = machine.run(10_000_000);

        String ours = new String(machine.uartOutput(), StandardCharsets.ISO_8859_1);
        assertThat(ours).doesNotContain("EXCEPTION");
        assertThat(ours).isEqualTo(Files.readString(GOLDENS.resolve("stray-read.uart.txt"), StandardCharsets.ISO_8859_1));
        assertThat(result.stop()).isEqualTo(BareMetalMachine.Stop.SYSTEM_OFF);
    }

    /**
     * The golden program is the committed mmio-probe with only its parameter block (file offset
     * 0x2000, one page) replaced: a rebuilt probe without a re-recorded golden fails here, in every
     * build, instead of only where QEMU runs (record.sh --check under -Poracles).
     */
    @Test
    void the_golden_is_the_committed_probe_with_its_parameters() throws Exception {
        byte[] golden = Files.readAllBytes(GOLDENS.resolve("stray-read.elf"));
        byte[] probe = Files.readAllBytes(GOLDENS.resolve("../../inmates/build/qemu-arm64-virt-standalone/mmio-probe.elf"));

        assertThat(golden).as("stray-read.elf against mmio-probe.elf: re-run firmware-fixtures/oracle/stray-read/record.sh")
                .hasSameSizeAs(probe);
        assertThat(java.util.Arrays.copyOfRange(golden, 0, 0x2000)).isEqualTo(java.util.Arrays.copyOfRange(probe, 0, 0x2000));
        assertThat(java.util.Arrays.copyOfRange(golden, 0x3000, golden.length)).isEqualTo(java.util.Arrays.copyOfRange(probe, 0x3000, probe.length));
    }
}
