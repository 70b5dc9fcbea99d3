package dev.warden.emulator.cpu;

/**
 * NZCV for translated code, kept lazily as (kind, a, b): the operands of the last flag-setting
 * instruction, turned into the four bits only where something needs them (a condition whose
 * setter the translator cannot see, a region exit). The arithmetic is the interpreter's.
 */
final class Flags {

    /** Kinds of the lazy state. For {@link #NZCV}, {@code a} holds the bits (in 3..0). */
    static final int NZCV = 0, SUB64 = 1, SUB32 = 2, ADD64 = 3, ADD32 = 4, LOGIC64 = 5, LOGIC32 = 6;

    private static final long M32 = 0xffffffffL;

    private Flags() { }

    /** The NZCV bits of a lazy state. */
    static int nzcv(int kind, long a, long b) {
        switch (kind) {
            case SUB64: return add(a, ~b, 1, true);
            case SUB32: return add(a, ~b, 1, false);
            case ADD64: return add(a, b, 0, true);
            case ADD32: return add(a, b, 0, false);
            case LOGIC64: return (a < 0 ? 8 : 0) | (a == 0 ? 4 : 0);
            case LOGIC32: return ((a & 0x80000000L) != 0 ? 8 : 0) | (a == 0 ? 4 : 0);
            default: return (int) a;
        }
    }

    /** The flags of {@code a + b + carry}, as the interpreter's addFlags sets them. */
    static int add(long a, long b, int carry, boolean sf) {
        if (sf) {
            long res = a + b + carry;
            int c = carry == 0 ? (Long.compareUnsigned(res, a) < 0 ? 1 : 0) : (Long.compareUnsigned(res, a) <= 0 ? 1 : 0);
            int v = ((a ^ res) & (b ^ res)) < 0 ? 1 : 0;
            return (res < 0 ? 8 : 0) | (res == 0 ? 4 : 0) | c << 1 | v;
        }
        long sum = (a & M32) + (b & M32) + carry;
        int res = (int) sum;
        int v = (((int) a ^ res) & ((int) b ^ res)) < 0 ? 1 : 0;
        return (res < 0 ? 8 : 0) | (res == 0 ? 4 : 0) | (int) ((sum >>> 32) & 1) << 1 | v;
    }

    /** Whether condition {@code cond} (0..15) holds for the NZCV bits {@code f}. */
    static boolean holds(int cond, int f) {
        boolean result;
        switch (cond >>> 1) {
            case 0: result = (f & 4) != 0; break;
            case 1: result = (f & 2) != 0; break;
            case 2: result = (f & 8) != 0; break;
            case 3: result = (f & 1) != 0; break;
            case 4: result = (f & 6) == 2; break;
            case 5: result = ((f >>> 3) & 1) == (f & 1); break;
            case 6: result = ((f >>> 3) & 1) == (f & 1) && (f & 4) == 0; break;
            default: return true;
        }
        return (cond & 1) != 0 ? !result : result;
    }

    /** Condition of a lazy state whose kind is only known at run time. */
    static boolean holds(int cond, int kind, long a, long b) {
        return holds(cond, nzcv(kind, a, b));
    }

    /**
     * Condition after a 64-bit compare of {@code a} with {@code b} (SUBS), without computing NZCV;
     * {@code cond} is a constant at every call site, so the JIT keeps one comparison.
     */
    static boolean afterSub64(int cond, long a, long b) {
        switch (cond) {
            case 0: return a == b;
            case 1: return a != b;
            case 2: return Long.compareUnsigned(a, b) >= 0;
            case 3: return Long.compareUnsigned(a, b) < 0;
            case 8: return Long.compareUnsigned(a, b) > 0;
            case 9: return Long.compareUnsigned(a, b) <= 0;
            case 10: return a >= b;
            case 11: return a < b;
            case 12: return a > b;
            case 13: return a <= b;
            default: return holds(cond, add(a, ~b, 1, true));
        }
    }

    /** As {@link #afterSub64} for a 32-bit compare. */
    static boolean afterSub32(int cond, long a, long b) {
        int x = (int) a, y = (int) b;
        switch (cond) {
            case 0: return x == y;
            case 1: return x != y;
            case 2: return Integer.compareUnsigned(x, y) >= 0;
            case 3: return Integer.compareUnsigned(x, y) < 0;
            case 8: return Integer.compareUnsigned(x, y) > 0;
            case 9: return Integer.compareUnsigned(x, y) <= 0;
            case 10: return x >= y;
            case 11: return x < y;
            case 12: return x > y;
            case 13: return x <= y;
            default: return holds(cond, add(a, ~b, 1, false));
        }
    }
}
