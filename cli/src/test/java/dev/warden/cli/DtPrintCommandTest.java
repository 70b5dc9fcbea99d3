package dev.warden.cli;

import static dev.warden.cli.DtCliFixtures.fixture;
import static dev.warden.cli.DtCliFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code warden dt print} through WardenCli.execute. */
class DtPrintCommandTest {

    @Test
    void printsDtsExactlyAsDtcDoes() throws Exception {
        DtCliFixtures.Result r = run("dt", "print", fixture("dt-oracle/golden/overlay/j721e-jailhouse.dtb"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(Path.of(fixture("dt-oracle/golden/overlay/j721e-jailhouse.dts"))));
    }

    @Test
    void printsAsUbootFdtPrint() {
        DtCliFixtures.Result r = run("dt", "print", "--uboot", "--path", "/chosen",
                fixture("k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("chosen {\n"
                + "\tstdout-path = \"serial2:115200n8\";\n"
                + "\tbootargs = \"console=ttyS2,115200n8 earlycon=ns16550a,mmio32,0x02800000\";\n"
                + "};\n");
    }

    @Test
    void aTruncatedBlobIsReportedWithItsOffset() throws Exception {
        Path cut = Files.createTempFile("cut", ".dtb");
        byte[] full = Files.readAllBytes(Path.of(fixture("qemu-arm64-virt/boot/dtb/qemu-arm64-virt.dtb")));
        Files.write(cut, java.util.Arrays.copyOf(full, 100));
        DtCliFixtures.Result r = run("dt", "print", cut.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(cut + ": offset 0x64: expected " + full.length
                + " bytes (header totalsize), file has 100 (FDT_ERR_TRUNCATED)\n");
        Files.delete(cut);
    }
}
