package dev.warden.emulator.devices.uart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class Pl011Test {

    @Test
    void identifiesAsAPrimeCellPl011AndTransmits() {
        Pl011 uart = new Pl011("uart0", level -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        uart.attach(out::write);

        long periphId = 0;
        for (int i = 0; i < 4; i++) periphId |= uart.read(0xfe0 + 4L * i, 4) << (8 * i);
        uart.write(0, 4, 'A');

        assertThat(periphId & 0xfffff).isEqualTo(0x41011);
        assertThat(out.toString()).isEqualTo("A");
        assertThat(uart.read(0x18, 4) & 0x90).isEqualTo(0x90); // TX FIFO empty, RX FIFO empty
    }

    @Test
    void receiveRaisesTheMaskedRxInterrupt() {
        boolean[] irq = new boolean[1];
        Pl011 uart = new Pl011("uart0", level -> irq[0] = level);
        uart.write(0x38, 4, 0x10);

        uart.receive(new byte[] {'x'});

        assertThat(irq[0]).isTrue();
        assertThat(uart.read(0x18, 4) & 0x10).isZero();
        assertThat(uart.read(0, 4)).isEqualTo('x');
        assertThat(irq[0]).isFalse();
    }
}
