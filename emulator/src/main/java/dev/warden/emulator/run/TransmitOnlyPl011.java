package dev.warden.emulator.run;

import dev.warden.emulator.bus.MmioDevice;

import java.io.ByteArrayOutputStream;
import java.util.function.IntConsumer;

/**
 * The transmit side of a PL011, enough for bare-metal programs that print: DR writes go out at
 * once, FR always says "transmit FIFO empty, receive FIFO empty", control registers read back,
 * and the PrimeCell ID registers read as the real part does. Nothing is ever received.
 */
public final class TransmitOnlyPl011 implements MmioDevice {

    private static final int DR = 0x000, FR = 0x018, IBRD = 0x024, FBRD = 0x028, LCR_H = 0x02c, CR = 0x030,
            IFLS = 0x034, IMSC = 0x038;
    private static final int FR_RXFE = 0x10, FR_TXFE = 0x80;
    private static final int[] ID = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

    private final ByteArrayOutputStream transmitted = new ByteArrayOutputStream();
    private IntConsumer listener = b -> { };
    private int ibrd, fbrd, lcrH, cr = 0x300, ifls = 0x12, imsc;

    /** Called with every transmitted byte, in addition to collecting it. */
    public void onTransmit(IntConsumer listener) {
        this.listener = listener;
    }

    /** Everything transmitted so far. */
    public byte[] output() {
        return transmitted.toByteArray();
    }

    @Override
    public long read(long offset, int size) {
        int off = (int) offset;
        if (off >= 0xfe0 && off < 0x1000) return ID[(off - 0xfe0) >> 2];
        switch (off) {
            case FR: return FR_TXFE | FR_RXFE;
            case IBRD: return ibrd;
            case FBRD: return fbrd;
            case LCR_H: return lcrH;
            case CR: return cr;
            case IFLS: return ifls;
            case IMSC: return imsc;
            default: return 0;
        }
    }

    @Override
    public void write(long offset, int size, long value) {
        int v = (int) value;
        switch ((int) offset) {
            case DR:
                transmitted.write(v & 0xff);
                listener.accept(v & 0xff);
                break;
            case IBRD: ibrd = v & 0xffff; break;
            case FBRD: fbrd = v & 0x3f; break;
            case LCR_H: lcrH = v & 0xff; break;
            case CR: cr = v & 0xffff; break;
            case IFLS: ifls = v & 0x3f; break;
            case IMSC: imsc = v & 0x7ff; break;
            default: break;
        }
    }
}
