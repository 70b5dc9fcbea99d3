package dev.warden.emulator.devices.uart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class Uart8250Test {

    @Test
    void transmitsThroughThrAndKeepsTheDivisorBehindDlab() {
        Uart8250 uart = new Uart8250("main_uart0", 2, level -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        uart.attach(out::write);

        uart.write(3 << 2, 4, 0x83);      // LCR: DLAB
        uart.write(0, 4, 0x1a);           // DLL
        uart.write(1 << 2, 4, 0x00);      // DLM
        uart.write(3 << 2, 4, 0x03);      // 8N1, DLAB off
        uart.write(0, 4, 'o');
        uart.write(0, 4, 'k');

        assertThat(out.toString()).isEqualTo("ok");
        assertThat(uart.divisor()).isEqualTo(0x1a);
        assertThat(uart.read(5 << 2, 4) & 0x60).isEqualTo(0x60);
    }

    @Test
    void receivedBytesRaiseDataReadyAndTheRxInterrupt() {
        AtomicBoolean irq = new AtomicBoolean();
        Uart8250 uart = new Uart8250("u", 2, irq::set);
        uart.write(1 << 2, 4, 0x01);      // IER: receive data interrupt

        uart.receive("hi".getBytes());

        assertThat(irq).isTrue();
        assertThat(uart.read(5 << 2, 4) & 1).isEqualTo(1);
        assertThat(uart.read(2 << 2, 4) & 0x0f).isEqualTo(0x04);
        assertThat((char) uart.read(0, 4)).isEqualTo('h');
        assertThat((char) uart.read(0, 4)).isEqualTo('i');
        assertThat(uart.read(5 << 2, 4) & 1).isZero();
        assertThat(irq).isFalse();
    }
}
