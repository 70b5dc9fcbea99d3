package dev.warden.emulator.devices.misc;

import java.util.HashMap;
import java.util.Map;

/**
 * The identification registers every Arm PrimeCell has in the last 32 bytes of its 4 KiB window:
 * PeriphID0..3 (part number, designer 0x41, revision) at 0xfe0..0xfec and PCellID0..3 (0x0d, 0xf0,
 * 0x05, 0xb1) at 0xff0..0xffc. Linux's AMBA bus reads them to pick a driver.
 */
public final class PrimeCellIds {

    private static final long PERIPH_ID0 = 0xfe0, PCELL_ID0 = 0xff0;
    private static final int[] PCELL_ID = {0x0d, 0xf0, 0x05, 0xb1};

    /** PL031 real-time clock, as QEMU has it (revision 1). */
    public static final int[] PL031 = {0x31, 0x10, 0x14, 0x00};
    /** PL061 GPIO controller. */
    public static final int[] PL061 = {0x61, 0x10, 0x04, 0x00};

    private PrimeCellIds() {}

    /** The eight ID registers as reset values for a {@link RegisterFile}, plus {@code others}. */
    public static Map<Long, Long> registers(int[] periphId, Map<Long, Long> others) {
        Map<Long, Long> out = new HashMap<>(others);
        for (int i = 0; i < 4; i++) {
            out.put(PERIPH_ID0 + 4L * i, (long) periphId[i]);
            out.put(PCELL_ID0 + 4L * i, (long) PCELL_ID[i]);
        }
        return Map.copyOf(out);
    }

    /** The part number, designer and revision as Linux's amba_device puts them together (periphid). */
    public static long periphId(long id0, long id1, long id2, long id3) {
        return (id0 & 0xff) | (id1 & 0xff) << 8 | (id2 & 0xff) << 16 | (id3 & 0xff) << 24;
    }
}
