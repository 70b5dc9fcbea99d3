package dev.warden.emulator.devices.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What QEMU 7.2's virt ECAM gave a bare-metal read (-nic none: only the host bridge). */
class EcamHostTest {

    private final EcamHost host = new EcamHost(List.of(PciFunction.parse("00:00.0", "1b36:0008", 0x060000)));

    @Test
    void theHostBridgeIdentifiesItselfAndEverythingElseReadsAllOnes() {
        assertThat(host.read(0x0, 4)).isEqualTo(0x00081b36L);
        assertThat(host.read(0x2, 2)).isEqualTo(0x0008L);
        assertThat(host.read(0x0, 1)).isEqualTo(0x36L);
        assertThat(host.read(0x8, 4)).isEqualTo(0x06000000L);
        assertThat(host.read(0x34, 4)).isZero();
        assertThat(host.read(0x100, 4)).as("no extended configuration space").isEqualTo(0xffffffffL);
        assertThat(host.read(0x8000, 4)).as("00:01.0").isEqualTo(0xffffffffL);
        assertThat(host.read(0x100000, 4)).as("bus 1").isEqualTo(0xffffffffL);
    }

    @Test
    void theCommandRegisterKeepsItsEnables() {
        host.write(0x4, 4, 0x7);
        assertThat(host.read(0x4, 4)).isEqualTo(0x7L);
        host.write(0x0, 4, 0x12345678);
        assertThat(host.read(0x0, 4)).isEqualTo(0x00081b36L);
    }

    @Test
    void qemuVirtDefaultsHaveTheVirtioNetAt0001() {
        assertThat(EcamHost.qemuVirtDefaults().read(0x8000, 4)).isEqualTo(0x10001af4L);
    }

    @Test
    void badFunctionsAreNamed() {
        assertThatThrownBy(() -> PciFunction.parse("00:40.0", "1b36:0008", 0x060000)).hasMessageContaining("above 31");
        assertThatThrownBy(() -> PciFunction.parse("0:0.0", "1b36:0008", 0x060000)).hasMessageContaining("'BB:DD.F'");
        assertThatThrownBy(() -> PciFunction.parse("00:00.0", "1b36", 0x060000)).hasMessageContaining("'VVVV:DDDD'");
    }
}
