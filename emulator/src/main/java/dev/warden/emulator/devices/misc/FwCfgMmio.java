package dev.warden.emulator.devices.misc;

import dev.warden.emulator.bus.MmioDevice;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * QEMU's firmware configuration device, memory-mapped ({@code qemu,fw-cfg-mmio}): a 16-bit
 * big-endian selector at 0x8 picks an item, the data register at 0x0 then streams the item's bytes
 * in order (a wider read returns the next bytes as they lie in memory) and zeros past its end;
 * the DMA address register at 0x10 reads the signature "QEMU CFG". Modeled items: the signature
 * "QEMU" (0x0000), the interface ID (0x0001: 3, traditional and DMA interfaces) and the number of
 * CPUs (0x0005); every other item is empty. DMA transfers are not modeled (writes to 0x10 and
 * 0x14 are ignored).
 */
public final class FwCfgMmio implements MmioDevice {

    private static final long DATA = 0x00, SELECTOR = 0x08, DMA = 0x10;
    private static final byte[] DMA_SIGNATURE = "QEMU CFG".getBytes(StandardCharsets.ISO_8859_1);
    private static final int SIGNATURE = 0x0000, ID = 0x0001, NB_CPUS = 0x0005;
    private static final int ID_TRADITIONAL_AND_DMA = 3;

    private final Map<Integer, byte[]> items;
    private byte[] selected;
    private int position;

    public FwCfgMmio(int cpus) {
        items = Map.of(
                SIGNATURE, "QEMU".getBytes(StandardCharsets.ISO_8859_1),
                ID, littleEndian(ID_TRADITIONAL_AND_DMA, 4),
                NB_CPUS, littleEndian(cpus, 2));
        select(SIGNATURE);
    }

    @Override
    public long read(long offset, int size) {
        if (offset >= DATA && offset + size <= DATA + 8) {
            long v = 0;
            for (int i = 0; i < size; i++) {
                long b = position < selected.length ? selected[position] & 0xff : 0;
                position++;
                v |= b << (8 * i);
            }
            return v;
        }
        if (offset >= DMA && offset + size <= DMA + 8) {
            long v = 0;
            for (int i = 0; i < size; i++) v |= (DMA_SIGNATURE[(int) (offset - DMA) + i] & 0xffL) << (8 * i);
            return v;
        }
        return 0;
    }

    @Override
    public void write(long offset, int size, long value) {
        if (offset == SELECTOR && size == 2) select((int) (((value & 0xff) << 8) | ((value >>> 8) & 0xff)));
    }

    private void select(int key) {
        selected = items.getOrDefault(key, new byte[0]);
        position = 0;
    }

    private static byte[] littleEndian(long value, int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) out[i] = (byte) (value >>> (8 * i));
        return out;
    }
}
