package dev.warden.emulator.devices.uart;

import dev.warden.emulator.bus.InterruptLine;
import dev.warden.emulator.bus.MmioDevice;

/**
 * A 16550-compatible UART as TI K3 SoCs have it ("ti,am654-uart"): registers spaced by
 * {@code 1 << regShift} bytes, the divisor latch behind LCR.DLAB, and TI's MDR1 mode register at
 * index 8. Transmission is immediate (the FIFO never fills); reception goes through a FIFO.
 */
public final class Uart8250 implements MmioDevice, SerialPort {

    // register indexes (before shifting)
    static final int RBR_THR_DLL = 0;
    static final int IER_DLM = 1;
    static final int IIR_FCR = 2;
    static final int LCR = 3;
    static final int MCR = 4;
    static final int LSR = 5;
    static final int MSR = 6;
    static final int SCR = 7;
    static final int MDR1 = 8;

    static final int LCR_DLAB = 0x80;
    static final int LSR_DR = 0x01;
    static final int LSR_THRE = 0x20;
    static final int LSR_TEMT = 0x40;
    static final int IER_RDI = 0x01;
    static final int IER_THRI = 0x02;
    static final int IIR_NO_INT = 0x01;
    static final int IIR_THRI = 0x02;
    static final int IIR_RDI = 0x04;
    static final int IIR_FIFO_ENABLED = 0xc0;

    private final String name;
    private final int regShift;
    private final InterruptLine irq;
    private final ReceiveFifo rxFifo = new ReceiveFifo();
    private Listener listener = b -> { };

    private int ier;
    private int lcr = 0x03;
    private int mcr;
    private int scr;
    private int dll;
    private int dlm;
    private int fcr;
    private int mdr1 = 0x07; // TI: UART disabled until software picks 16x mode
    private boolean thrEmptyPending;

    public Uart8250(String name, int regShift, InterruptLine irq) {
        this.name = name;
        this.regShift = regShift;
        this.irq = irq;
    }

    @Override
    public String name() { return name; }

    @Override
    public long read(long offset, int size) {
        int reg = (int) (offset >> regShift);
        boolean dlab = (lcr & LCR_DLAB) != 0;
        int value = switch (reg) {
            case RBR_THR_DLL -> dlab ? dll : popRx();
            case IER_DLM -> dlab ? dlm : ier;
            case IIR_FCR -> iir();
            case LCR -> lcr;
            case MCR -> mcr;
            case LSR -> LSR_THRE | LSR_TEMT | (rxFifo.isEmpty() ? 0 : LSR_DR);
            case MSR -> 0xb0; // CTS, DSR, DCD asserted: a cable is attached
            case SCR -> scr;
            case MDR1 -> mdr1;
            default -> 0;
        };
        if (reg == IIR_FCR && (value & 0x0f) == IIR_THRI) {
            thrEmptyPending = false;
            updateIrq();
        }
        return value;
    }

    @Override
    public void write(long offset, int size, long value) {
        int reg = (int) (offset >> regShift);
        int v = (int) (value & 0xff);
        boolean dlab = (lcr & LCR_DLAB) != 0;
        switch (reg) {
            case RBR_THR_DLL -> {
                if (dlab) {
                    dll = v;
                } else {
                    listener.transmitted(v);
                    thrEmptyPending = true;
                }
            }
            case IER_DLM -> {
                if (dlab) {
                    dlm = v;
                } else {
                    ier = v & 0x0f;
                    if ((ier & IER_THRI) != 0) thrEmptyPending = true;
                }
            }
            case IIR_FCR -> {
                fcr = v;
                if ((v & 0x02) != 0) rxFifo.clear();
            }
            case LCR -> lcr = v;
            case MCR -> mcr = v;
            case SCR -> scr = v;
            case MDR1 -> mdr1 = v;
            default -> { }
        }
        updateIrq();
    }

    private int iir() {
        int fifo = (fcr & 1) != 0 ? IIR_FIFO_ENABLED : 0;
        if ((ier & IER_RDI) != 0 && !rxFifo.isEmpty()) return fifo | IIR_RDI;
        if ((ier & IER_THRI) != 0 && thrEmptyPending) return fifo | IIR_THRI;
        return fifo | IIR_NO_INT;
    }

    private int popRx() {
        int b = rxFifo.poll();
        updateIrq();
        return Math.max(b, 0);
    }

    private void updateIrq() {
        irq.set((iir() & IIR_NO_INT) == 0);
    }

    /** The baud-rate divisor the guest programmed (DLM:DLL). */
    public int divisor() {
        return (dlm << 8) | dll;
    }

    @Override
    public void attach(Listener l) {
        this.listener = l;
    }

    @Override
    public void receive(byte[] bytes) {
        rxFifo.add(bytes);
        updateIrq();
        rxFifo.notifyReady();
    }

    @Override
    public void onReceiveReady(Runnable callback) {
        rxFifo.onReady(callback);
    }
}
