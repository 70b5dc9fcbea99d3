package dev.warden.emulator.devices.uart;

import dev.warden.emulator.bus.InterruptLine;
import dev.warden.emulator.bus.MmioDevice;

/**
 * Arm PrimeCell PL011 UART, as QEMU's virt board has it. Transmission is immediate; reception goes
 * through a FIFO; interrupts follow RIS & IMSC. The peripheral and PrimeCell ID registers read as
 * the real part does, so drivers that probe them bind.
 */
public final class Pl011 implements MmioDevice, SerialPort {

    static final int DR = 0x000;
    static final int RSR = 0x004;
    static final int FR = 0x018;
    static final int IBRD = 0x024;
    static final int FBRD = 0x028;
    static final int LCR_H = 0x02c;
    static final int CR = 0x030;
    static final int IFLS = 0x034;
    static final int IMSC = 0x038;
    static final int RIS = 0x03c;
    static final int MIS = 0x040;
    static final int ICR = 0x044;

    static final int FR_RXFE = 0x10;
    static final int FR_TXFE = 0x80;
    static final int INT_RX = 0x10;
    static final int INT_TX = 0x20;

    private static final int[] ID = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

    private final String name;
    private final InterruptLine irq;
    private final ReceiveFifo rxFifo = new ReceiveFifo();
    private Listener listener = b -> { };

    private int ibrd;
    private int fbrd;
    private int lcrH;
    private int cr = 0x300;
    private int ifls = 0x12;
    private int imsc;
    private int ris;

    public Pl011(String name, InterruptLine irq) {
        this.name = name;
        this.irq = irq;
    }

    @Override
    public String name() { return name; }

    @Override
    public long read(long offset, int size) {
        int off = (int) offset;
        if (off >= 0xfe0 && off < 0x1000) return ID[(off - 0xfe0) >> 2];
        return switch (off) {
            case DR -> {
                int b = rxFifo.poll();
                if (rxFifo.isEmpty()) ris &= ~INT_RX;
                updateIrq();
                yield Math.max(b, 0);
            }
            case RSR -> 0;
            case FR -> FR_TXFE | (rxFifo.isEmpty() ? FR_RXFE : 0);
            case IBRD -> ibrd;
            case FBRD -> fbrd;
            case LCR_H -> lcrH;
            case CR -> cr;
            case IFLS -> ifls;
            case IMSC -> imsc;
            case RIS -> ris;
            case MIS -> ris & imsc;
            default -> 0;
        };
    }

    @Override
    public void write(long offset, int size, long value) {
        int v = (int) value;
        switch ((int) offset) {
            case DR -> {
                listener.transmitted(v & 0xff);
                ris |= INT_TX;
            }
            case IBRD -> ibrd = v & 0xffff;
            case FBRD -> fbrd = v & 0x3f;
            case LCR_H -> lcrH = v & 0xff;
            case CR -> cr = v & 0xffff;
            case IFLS -> ifls = v & 0x3f;
            case IMSC -> imsc = v & 0x7ff;
            case ICR -> ris &= ~v;
            default -> { }
        }
        updateIrq();
    }

    private void updateIrq() {
        irq.set((ris & imsc) != 0);
    }

    @Override
    public void attach(Listener l) {
        this.listener = l;
    }

    @Override
    public void receive(byte[] bytes) {
        rxFifo.add(bytes);
        if (!rxFifo.isEmpty()) ris |= INT_RX;
        updateIrq();
        rxFifo.notifyReady();
    }

    @Override
    public void onReceiveReady(Runnable callback) {
        rxFifo.onReady(callback);
    }
}
