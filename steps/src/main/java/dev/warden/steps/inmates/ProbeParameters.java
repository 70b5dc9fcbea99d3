package dev.warden.steps.inmates;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * The parameter block of the mmio-probe inmate (firmware-fixtures/inmates/README.md): magic
 * "PRB1", a count, then one 24-byte entry per access. Written from lines such as
 * {@code read32 0x80000000}, {@code write8 0x40a00000 0x41}, {@code exec 0x81000000} (branch
 * there) and {@code hvc0} (an {@code hvc #0}).
 */
public final class ProbeParameters {

    static final int MAGIC = 0x31425250;
    static final int BLOCK_SIZE = 0x1000;
    static final int ENTRY = 24;
    static final int MAX_ENTRIES = 170;
    static final int OP_EXEC = 0x20;
    static final int OP_HVC0 = 0x21;
    private static final Map<String, Integer> OPS = Map.of(
            "read8", 0x01, "read16", 0x02, "read32", 0x04, "read64", 0x08,
            "write8", 0x11, "write16", 0x12, "write32", 0x14, "write64", 0x18);

    private ProbeParameters() {}

    public static byte[] of(List<String> accesses) {
        if (accesses.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " accesses fit the block, got " + accesses.size());
        }
        ByteBuffer b = ByteBuffer.allocate(8 + ENTRY * accesses.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(accesses.size());
        for (int i = 0; i < accesses.size(); i++) {
            String[] w = accesses.get(i).trim().split("\\s+");
            if (w[0].equals("hvc0") && w.length == 1) {
                b.putInt(OP_HVC0).putInt(0).putLong(0).putLong(0);
                continue;
            }
            if (w[0].equals("exec") && w.length == 2) {
                b.putInt(OP_EXEC).putInt(0).putLong(number(w[1], i)).putLong(0);
                continue;
            }
            Integer op = OPS.get(w[0]);
            boolean write = op != null && (op & 0x10) != 0;
            if (op == null || w.length != (write ? 3 : 2)) {
                throw new IllegalArgumentException("access " + (i + 1) + " '" + accesses.get(i) + "': expected "
                        + "'readN ADDRESS', 'writeN ADDRESS VALUE' (N = 8, 16, 32 or 64), 'exec ADDRESS' or 'hvc0'");
            }
            b.putInt(op).putInt(0).putLong(number(w[1], i)).putLong(write ? number(w[2], i) : 0);
        }
        return b.array();
    }

    private static long number(String text, int index) {
        try {
            return parse64(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("access " + (index + 1) + ": '" + text + "' is not a number (decimal or 0x hex)");
        }
    }

    /**
     * A 64-bit address or value as a step writes it: decimal (also negative), or {@code 0x} hex of up
     * to 64 bits, so that {@code 0xffff800000000000} is the pattern it shows (Long.decode stops at
     * 0x7fffffffffffffff).
     *
     * @throws NumberFormatException when it is neither
     */
    public static long parse64(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            String hex = t.substring(2);
            if (hex.isEmpty() || hex.charAt(0) == '+' || hex.charAt(0) == '-') throw new NumberFormatException(text);
            return Long.parseUnsignedLong(hex, 16);
        }
        return Long.decode(t);
    }
}
