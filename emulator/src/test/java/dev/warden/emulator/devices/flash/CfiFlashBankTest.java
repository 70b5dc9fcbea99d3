package dev.warden.emulator.devices.flash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** QEMU 7.2's answers, as firmware-fixtures/oracle/stray-read/stray-read.uart.txt recorded them. */
class CfiFlashBankTest {

    private final CfiFlashBank flash = new CfiFlashBank();

    @Test
    void anUnprogrammedBankReadsZeroAtEveryWidth() {
        assertThat(flash.read(0x0, 4)).isZero();
        assertThat(flash.read(0x1000, 8)).isZero();
        assertThat(flash.read(0x3ffffff, 1)).isZero();
    }

    @Test
    void readDeviceIdAnswersOnBothLanesUntilReadArray() {
        flash.write(0x0, 4, 0x90);
        assertThat(flash.read(0x0, 4)).isEqualTo(0x00890089L);
        assertThat(flash.read(0x4, 4)).isEqualTo(0x00180018L);
        assertThat(flash.read(0x1000, 4)).isEqualTo(0x00890089L);
        flash.write(0x0, 4, 0xff);
        assertThat(flash.read(0x0, 4)).isZero();
    }

    @Test
    void cfiQueryShowsQryAndIgnoresOtherCommandsUntilReset() {
        flash.write(0x0, 2, 0x98);
        flash.write(0x0, 4, 0x90);
        assertThat(flash.read(0x40, 4)).isEqualTo(0x00510051L);
        assertThat(flash.read(0x42, 2)).isEqualTo(0x0051L);
        assertThat(flash.read(0x44, 1)).isEqualTo(0x52L);
        assertThat(flash.read(0x48, 4)).isEqualTo(0x00590059L);
        flash.write(0x0, 4, 0x00);
        assertThat(flash.read(0x40, 4)).isEqualTo(0x00510051L);
        flash.write(0x0, 4, 0xff);
        assertThat(flash.read(0x40, 4)).isZero();
    }

    @Test
    void programStoresTheWordAndEraseSetsTheBlockToOnes() {
        flash.write(0x2000, 4, 0x00400040);
        flash.write(0x2000, 4, 0x12345678);
        assertThat(flash.read(0x2000, 4)).as("status after programming").isEqualTo(0x00800080L);
        flash.write(0x0, 4, 0xff);
        assertThat(flash.read(0x2000, 4)).isEqualTo(0x12345678L);
        flash.write(0x40000, 4, 0x20);
        flash.write(0x40004, 4, 0xd0);
        flash.write(0x0, 4, 0xff);
        assertThat(flash.read(0x40000, 4)).isEqualTo(0xffffffffL);
        assertThat(flash.read(0x7fff8, 8)).isEqualTo(-1L);
        assertThat(flash.read(0x80000, 4)).isZero();
        assertThat(flash.read(0x2000, 4)).isEqualTo(0x12345678L);
    }

    @Test
    void anUnknownCommandLeavesReadArrayMode() {
        flash.write(0x0, 4, 0x70);
        assertThat(flash.read(0x0, 4)).isEqualTo(0x00800080L);
        flash.write(0x1000, 4, 0x12345678);
        assertThat(flash.read(0x0, 4)).isZero();
    }
}
