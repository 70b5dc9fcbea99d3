package dev.warden.emulator.devices.misc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.devices.virtio.VirtioMmioTransports;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small QEMU virt devices answer as QEMU 7.2 did to a bare-metal probe. */
class QemuVirtDevicesTest {

    @Test
    void pl031AndPl061HaveTheirPrimeCellIds() {
        Pl031Rtc rtc = new Pl031Rtc(() -> 5_500_000_000L);
        RegisterFile gpio = new RegisterFile(PrimeCellIds.registers(PrimeCellIds.PL061, Map.of()));

        assertThat(new long[] {rtc.read(0xfe0, 4), rtc.read(0xfe4, 4), rtc.read(0xfe8, 4), rtc.read(0xfec, 4)})
                .containsExactly(0x31, 0x10, 0x14, 0x00);
        assertThat(new long[] {gpio.read(0xfe0, 4), gpio.read(0xfe8, 4), gpio.read(0xff0, 4), gpio.read(0xffc, 4)})
                .containsExactly(0x61, 0x04, 0x0d, 0xb1);
        assertThat(rtc.read(0x0c, 4)).as("RTCCR: started").isEqualTo(1);
        assertThat(rtc.read(0x00, 4)).as("virtual seconds").isEqualTo(5);
    }

    @Test
    void fwCfgStreamsTheSelectedItem() {
        FwCfgMmio fw = new FwCfgMmio(16);

        fw.write(0x8, 2, 0x0000);
        assertThat(fw.read(0x0, 1)).isEqualTo('Q');
        assertThat(fw.read(0x0, 1)).isEqualTo('E');
        fw.write(0x8, 2, 0x0000);
        assertThat(fw.read(0x0, 4)).isEqualTo(0x554d4551L);
        assertThat(fw.read(0x0, 4)).isZero();
        fw.write(0x8, 2, 0x0100);
        assertThat(fw.read(0x0, 4)).isEqualTo(3);
        fw.write(0x8, 2, 0x0500);
        assertThat(fw.read(0x0, 4)).isEqualTo(16);
        assertThat(fw.read(0x10, 8)).isEqualTo(0x47464320554d4551L);
        assertThat(fw.read(0x14, 4)).isEqualTo(0x47464320L);
    }

    @Test
    void emptyVirtioTransportsSayVirtVersion1NoDevice() {
        VirtioMmioTransports t = new VirtioMmioTransports();

        assertThat(t.read(0x3e00, 4)).isEqualTo(0x74726976L);
        assertThat(t.read(0x0, 1)).isEqualTo(0x76L);
        assertThat(t.read(0x4, 4)).isEqualTo(1);
        assertThat(t.read(0x8, 4)).isZero();
        assertThat(t.read(0xc, 4)).isEqualTo(0x554d4551L);
    }
}
