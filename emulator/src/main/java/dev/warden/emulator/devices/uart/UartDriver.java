package dev.warden.emulator.devices.uart;

import dev.warden.emulator.bus.MemoryAccess;
import java.nio.charset.StandardCharsets;

/**
 * The few lines of driver code that firmware and modeled guests use to talk over a UART: every
 * character is a real register access through the caller's memory path, so a UART the caller
 * may not touch faults exactly where a real driver's access would.
 */
public final class UartDriver {

    /** The register layout of the two UART families on our boards. */
    public enum Type { NS16550, PL011 }

    private final MemoryAccess memory;
    private final long base;
    private final Type type;
    private final int regShift;

    public UartDriver(MemoryAccess memory, long base, Type type, int regShift) {
        this.memory = memory;
        this.base = base;
        this.type = type;
        this.regShift = regShift;
    }

    public long base() { return base; }

    public Type type() { return type; }

    public void putc(int c) {
        if (type == Type.NS16550) {
            while ((memory.read(reg(Uart8250.LSR), 4) & Uart8250.LSR_THRE) == 0) { /* FIFO full */ }
            memory.write(reg(Uart8250.RBR_THR_DLL), 4, c & 0xff);
        } else {
            while ((memory.read(base + Pl011.FR, 4) & 0x20) != 0) { /* TXFF */ }
            memory.write(base + Pl011.DR, 4, c & 0xff);
        }
    }

    /** Writes text, turning each newline into CR LF as a tty does. */
    public void print(String text) {
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            if (b == '\n') putc('\r');
            putc(b);
        }
    }

    /** The next received byte, or -1 when the receive FIFO is empty. */
    public int getc() {
        if (type == Type.NS16550) {
            if ((memory.read(reg(Uart8250.LSR), 4) & Uart8250.LSR_DR) == 0) return -1;
            return (int) memory.read(reg(Uart8250.RBR_THR_DLL), 4) & 0xff;
        }
        if ((memory.read(base + Pl011.FR, 4) & Pl011.FR_RXFE) != 0) return -1;
        return (int) memory.read(base + Pl011.DR, 4) & 0xff;
    }

    /** Reads the identification a driver probes: MDR1 on TI's 8250, the PrimeCell ID on PL011. */
    public long probe() {
        return type == Type.NS16550 ? memory.read(reg(Uart8250.LSR), 4)
                : memory.read(base + 0xfe0, 4);
    }

    private long reg(int index) {
        return base + ((long) index << regShift);
    }
}
