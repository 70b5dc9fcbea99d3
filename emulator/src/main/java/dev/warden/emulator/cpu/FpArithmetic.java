package dev.warden.emulator.cpu;

import java.math.BigDecimal;

/**
 * Scalar floating point in single and double precision: arithmetic, fused multiply-add,
 * compares, conditional select and compare, conversions to and from integers and between the
 * two precisions, rounding to integral, and FMOV in all its forms. Java's float and double give
 * IEEE 754 results with round-to-nearest-even; what the architecture adds is done here: its NaN
 * rules (signalling NaNs quieted, the first NaN operand propagated, the default NaN for invalid
 * operations and with FPCR.DN) and the cumulative exception flags in FPSR (IOC, DZC, OFC, UFC
 * with tininess detected before rounding, IXC), found by exact arithmetic on the operands.
 * Other rounding modes and flush-to-zero (FPCR.RMode, FPCR.FZ) are not modeled: with them set
 * the instruction still rounds to nearest. Half precision is not implemented.
 */
final class FpArithmetic {

    static final int IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16;
    private static final long DEFAULT_NAN64 = 0x7ff8000000000000L;
    private static final int DEFAULT_NAN32 = 0x7fc00000;

    private final Cpu cpu;

    FpArithmetic(Cpu cpu) {
        this.cpu = cpu;
    }

    private RuntimeException undefined(int w) {
        return cpu.undefinedInstruction(w);
    }

    private void raise(int flags) {
        cpu.fpsr |= flags;
    }

    private boolean defaultNan() {
        return ((cpu.fpcr >>> 25) & 1) != 0;
    }

    // ================================================================ register access

    private long read(int n, boolean dbl) {
        long bits = cpu.v[2 * n];
        return dbl ? bits : bits & 0xffffffffL;
    }

    private void write(int d, boolean dbl, long bits) {
        cpu.v[2 * d] = dbl ? bits : bits & 0xffffffffL;
        cpu.v[2 * d + 1] = 0;
    }

    private long x(int n) {
        return n == 31 ? 0 : cpu.r[n];
    }

    private void setX(int d, long value) {
        if (d != 31) cpu.r[d] = value;
    }

    // ================================================================ decode

    /** FCVT between half precision and single or double (type 3 is half; opcode 7 converts to half). */
    private void halfConversion(int w, int type, int opcode) {
        int d = w & 31, n = (w >>> 5) & 31;
        if (type == 3) { // from half
            if (opcode != 4 && opcode != 5) throw undefined(w);
            long h = cpu.v[2 * n] & 0xffff;
            write(d, opcode == 5, fromHalf(h, opcode == 5));
            return;
        }
        boolean dbl = type == 1;
        long a = read(n, dbl);
        cpu.v[2 * d] = toHalf(a, dbl);
        cpu.v[2 * d + 1] = 0;
    }

    private long fromHalf(long h, boolean dbl) {
        long sign = (h >>> 15) & 1;
        int exp = (int) (h >>> 10) & 0x1f;
        long frac = h & 0x3ff;
        if (exp == 0x1f) {
            if (frac == 0) return dbl ? sign << 63 | 0x7ff0000000000000L : sign << 31 | 0x7f800000L;
            if ((frac & 0x200) == 0) raise(IOC);
            if (defaultNan()) return defaultNanBits(dbl);
            return dbl ? sign << 63 | 0x7ff8000000000000L | (frac << 42) : sign << 31 | 0x7fc00000L | (frac << 13);
        }
        double value = (exp == 0 ? frac * 0x1p-24 : (1024 + frac) * Math.scalb(1.0, exp - 25));
        if (sign != 0) value = -value;
        return bits(value, dbl);
    }

    private long toHalf(long a, boolean dbl) {
        if (isNan(a, dbl)) {
            if (isSignalling(a, dbl)) raise(IOC);
            if (defaultNan()) return 0x7e00;
            long sign = dbl ? a >>> 63 : (a >>> 31) & 1;
            long payload = dbl ? (a >>> 42) & 0x1ff : (a >>> 13) & 0x1ff;
            return sign << 15 | 0x7e00 | payload;
        }
        double x = value(a, dbl);
        long sign = Double.doubleToRawLongBits(x) < 0 ? 0x8000 : 0;
        double m = Math.abs(x);
        if (Double.isInfinite(m)) return sign | 0x7c00;
        if (m == 0) return sign;
        // Round to a multiple of the half-precision quantum at this magnitude (to nearest, even).
        int e = Math.getExponent(m);
        double quantum = e < -14 ? 0x1p-24 : Math.scalb(1.0, e - 10);
        double q = Math.rint(m / quantum) * quantum; // m / quantum is exact (a power of two)
        if (q != m) raise(IXC);
        if (q >= 65520.0 || q > 65504.0) {
            raise(OFC | IXC);
            return sign | 0x7c00;
        }
        if (m < 0x1p-14 && q != m) raise(UFC);
        if (q < 0x1p-14) return sign | (long) (q / 0x1p-24);
        int he = Math.getExponent(q);
        long frac = (long) (q / Math.scalb(1.0, he - 10)) - 1024;
        return sign | (long) (he + 15) << 10 | frac;
    }

    void execute(int w) {
        if ((w >>> 31) != 0 && ((w >>> 21) & 1) == 0 && ((w >>> 24) & 1) == 0) throw undefined(w);
        int type = (w >>> 22) & 3;
        if (((w >>> 24) & 1) != 0) {
            if ((w >>> 29) != 0 || type >= 2) throw undefined(w);
            threeSource(w, type == 1);
            return;
        }
        if (((w >>> 21) & 1) == 0) {
            throw undefined(w); // conversions to and from fixed point: not implemented
        }
        int op3 = (w >>> 10) & 0x3f;
        if (op3 == 0) {
            integerConversion(w);
            return;
        }
        if ((op3 & 0x1f) == 0x10 && (w >>> 29) == 0) {
            int opcode = (w >>> 15) & 0x3f;
            if ((type == 3 && (opcode == 4 || opcode == 5)) || (type < 2 && opcode == 7)) {
                halfConversion(w, type, opcode);
                return;
            }
        }
        if ((w >>> 29) != 0 || type >= 2) throw undefined(w);
        boolean dbl = type == 1;
        if ((op3 & 0x1f) == 0x10) oneSource(w, dbl);
        else if ((op3 & 0xf) == 0x8) compare(w, dbl);
        else if ((op3 & 0x7) == 0x4) immediate(w, dbl);
        else if ((op3 & 0x3) == 0x1) conditionalCompare(w, dbl);
        else if ((op3 & 0x3) == 0x2) twoSource(w, dbl);
        else conditionalSelect(w, dbl);
    }

    static long expandImm32(long imm8) {
        long sign = (imm8 >>> 7) & 1, b6 = (imm8 >>> 6) & 1;
        long exp = ((b6 ^ 1) << 7) | (b6 != 0 ? 0x7c : 0) | ((imm8 >>> 4) & 3);
        return sign << 31 | exp << 23 | (imm8 & 0xf) << 19;
    }

    static long expandImm64(long imm8) {
        long sign = (imm8 >>> 7) & 1, b6 = (imm8 >>> 6) & 1;
        long exp = ((b6 ^ 1) << 10) | (b6 != 0 ? 0x3fc : 0) | ((imm8 >>> 4) & 3);
        return sign << 63 | exp << 52 | (imm8 & 0xf) << 48;
    }

    private void immediate(int w, boolean dbl) {
        if (((w >>> 5) & 31) != 0) throw undefined(w);
        long imm8 = (w >>> 13) & 0xff;
        write(w & 31, dbl, dbl ? expandImm64(imm8) : expandImm32(imm8));
    }

    // ================================================================ NaNs

    private static boolean isNan(long bits, boolean dbl) {
        return dbl ? Double.isNaN(Double.longBitsToDouble(bits)) : Float.isNaN(Float.intBitsToFloat((int) bits));
    }

    private static boolean isSignalling(long bits, boolean dbl) {
        return isNan(bits, dbl) && ((bits >>> (dbl ? 51 : 22)) & 1) == 0;
    }

    private long quiet(long bits, boolean dbl) {
        if (defaultNan()) return dbl ? DEFAULT_NAN64 : DEFAULT_NAN32;
        return bits | (dbl ? 1L << 51 : 1L << 22);
    }

    private long defaultNanBits(boolean dbl) {
        return dbl ? DEFAULT_NAN64 : DEFAULT_NAN32;
    }

    /** What {@link #processNans} returns when no operand is a NaN: +0.0, never a NaN. */
    private static final long NONE = 0;

    /** The architecture's choice among NaN operands (first signalling, else first quiet), or NONE when none is a NaN. */
    private long processNans(boolean dbl, long... ops) {
        for (long o : ops) {
            if (isSignalling(o, dbl)) {
                raise(IOC);
                return quiet(o, dbl);
            }
        }
        for (long o : ops) if (isNan(o, dbl)) return quiet(o, dbl);
        return NONE;
    }

    private static double value(long bits, boolean dbl) {
        return dbl ? Double.longBitsToDouble(bits) : Float.intBitsToFloat((int) bits);
    }

    private static long bits(double value, boolean dbl) {
        return dbl ? Double.doubleToRawLongBits(value) : Float.floatToRawIntBits((float) value) & 0xffffffffL;
    }

    // ================================================================ arithmetic

    private void twoSource(int w, boolean dbl) {
        int opcode = (w >>> 12) & 15;
        if (opcode > 8) throw undefined(w);
        int d = w & 31, n = (w >>> 5) & 31, m = (w >>> 16) & 31;
        long a = read(n, dbl), b = read(m, dbl);
        write(d, dbl, arithmetic(opcode, a, b, dbl));
    }

    private long arithmetic(int opcode, long a, long b, boolean dbl) {
        if (opcode >= 4 && opcode <= 7) return minMax(opcode, a, b, dbl);
        long nan = processNans(dbl, a, b);
        if (nan != NONE) return opcode == 8 ? nan ^ (dbl ? Long.MIN_VALUE : 0x80000000L) : nan;
        double x = value(a, dbl), y = value(b, dbl);
        double r;
        switch (opcode) {
            case 0: case 8: r = dbl ? x * y : (float) x * (float) y; break;
            case 1: r = dbl ? x / y : (float) x / (float) y; break;
            case 2: r = dbl ? x + y : (float) x + (float) y; break;
            default: r = dbl ? x - y : (float) x - (float) y; break;
        }
        if (Double.isNaN(r)) {
            raise(IOC);
            return opcode == 8 ? defaultNanBits(dbl) ^ (dbl ? Long.MIN_VALUE : 0x80000000L) : defaultNanBits(dbl);
        }
        if (opcode == 1 && y == 0 && !Double.isInfinite(x)) raise(DZC);
        else flagsOf(r, dbl, exact(opcode, x, y), x, y, opcode);
        long result = bits(r, dbl);
        return opcode == 8 ? result ^ (dbl ? Long.MIN_VALUE : 0x80000000L) : result;
    }

    /** The exact result of a finite operation as a BigDecimal, or null when an operand is infinite. */
    private static BigDecimal exact(int opcode, double x, double y) {
        if (Double.isInfinite(x) || Double.isInfinite(y)) return null;
        BigDecimal a = new BigDecimal(x), b = new BigDecimal(y);
        switch (opcode) {
            case 0: case 8: return a.multiply(b);
            case 1: return null; // checked by multiplying back in flagsOf
            case 2: return a.add(b);
            default: return a.subtract(b);
        }
    }

    /** Sets IXC, OFC and UFC for a rounded result {@code r} of finite operands. */
    private void flagsOf(double r, boolean dbl, BigDecimal exact, double x, double y, int opcode) {
        if (Double.isInfinite(x) || Double.isInfinite(y)) return;
        if (Double.isInfinite(r)) {
            raise(OFC | IXC);
            return;
        }
        boolean inexact;
        boolean tiny;
        double minNormal = dbl ? Double.MIN_NORMAL : Float.MIN_NORMAL;
        if (opcode == 1) { // division: r * y == x exactly?
            BigDecimal back = new BigDecimal(r).multiply(new BigDecimal(y));
            inexact = back.compareTo(new BigDecimal(x)) != 0;
            tiny = x != 0 && new BigDecimal(Math.abs(x)).compareTo(new BigDecimal(minNormal).multiply(new BigDecimal(Math.abs(y)))) < 0;
        } else {
            inexact = exact.compareTo(new BigDecimal(r)) != 0;
            tiny = exact.signum() != 0 && exact.abs().compareTo(new BigDecimal(minNormal)) < 0;
        }
        if (inexact) raise(IXC);
        if (tiny && inexact) raise(UFC);
    }

    private long minMax(int opcode, long a, long b, boolean dbl) {
        boolean numeric = opcode >= 6; // FMAXNM/FMINNM: a quiet NaN loses to a number
        if (numeric) {
            boolean an = isNan(a, dbl) && !isSignalling(a, dbl), bn = isNan(b, dbl) && !isSignalling(b, dbl);
            if (an && !bn && !isNan(b, dbl)) a = b;
            else if (bn && !an && !isNan(a, dbl)) b = a;
        }
        long nan = processNans(dbl, a, b);
        if (nan != NONE) return nan;
        double x = value(a, dbl), y = value(b, dbl);
        boolean max = opcode == 4 || opcode == 6;
        if (x == y && x == 0) {
            boolean aNeg = (dbl ? a : a << 32) < 0, bNeg = (dbl ? b : b << 32) < 0;
            return max ? (aNeg && bNeg ? a : (aNeg ? b : a)) : (aNeg ? a : b);
        }
        return (max ? x > y : x < y) ? a : b;
    }

    private void threeSource(int w, boolean dbl) {
        int d = w & 31, n = (w >>> 5) & 31, m = (w >>> 16) & 31, ra = (w >>> 10) & 31;
        boolean o1 = ((w >>> 21) & 1) != 0, o0 = ((w >>> 15) & 1) != 0;
        long a = read(ra, dbl), x = read(n, dbl), y = read(m, dbl);
        long signBit = dbl ? Long.MIN_VALUE : 0x80000000L;
        if (o0 != o1) x ^= signBit;        // FMSUB, FNMADD: the product negated
        if (o1) a ^= signBit;              // FNMADD, FNMSUB: the addend negated
        double px = value(x, dbl), py = value(y, dbl);
        boolean invalidProduct = (Double.isInfinite(px) && py == 0) || (px == 0 && Double.isInfinite(py));
        if (isNan(a, dbl) && !isSignalling(a, dbl) && invalidProduct && !isNan(x, dbl) && !isNan(y, dbl)) {
            raise(IOC);
            write(d, dbl, defaultNanBits(dbl));
            return;
        }
        // A NaN operand propagates as negated (the sign flip comes before the fused operation).
        long nan = processNans(dbl, a, x, y);
        if (nan != NONE) {
            write(d, dbl, nan);
            return;
        }
        double z = value(a, dbl);
        double r = dbl ? Math.fma(px, py, z) : Math.fma((float) px, (float) py, (float) z);
        if (Double.isNaN(r)) {
            raise(IOC);
            write(d, dbl, defaultNanBits(dbl));
            return;
        }
        if (!Double.isInfinite(px) && !Double.isInfinite(py) && !Double.isInfinite(z)) {
            BigDecimal exact = new BigDecimal(px).multiply(new BigDecimal(py)).add(new BigDecimal(z));
            flagsOf(r, dbl, exact, px, py, 0);
        }
        write(d, dbl, bits(r, dbl));
    }

    private void oneSource(int w, boolean dbl) {
        int opcode = (w >>> 15) & 0x3f;
        int d = w & 31, n = (w >>> 5) & 31;
        long a = read(n, dbl);
        long signBit = dbl ? Long.MIN_VALUE : 0x80000000L;
        switch (opcode) {
            case 0: write(d, dbl, a); return;                  // FMOV
            case 1: write(d, dbl, a & ~signBit); return;       // FABS
            case 2: write(d, dbl, a ^ signBit); return;        // FNEG
            case 3: { // FSQRT
                long nan = processNans(dbl, a);
                if (nan != NONE) { write(d, dbl, nan); return; }
                double x = value(a, dbl);
                if (x < 0) { raise(IOC); write(d, dbl, defaultNanBits(dbl)); return; }
                double r = dbl ? Math.sqrt(x) : (float) Math.sqrt(x);
                if (!Double.isInfinite(x) && new BigDecimal(r).multiply(new BigDecimal(r)).compareTo(new BigDecimal(x)) != 0) raise(IXC);
                write(d, dbl, bits(r, dbl));
                return;
            }
            case 4: case 5: { // FCVT to single or double
                boolean toDouble = opcode == 5;
                if (toDouble == dbl) throw undefined(w);
                write(d, toDouble, convertPrecision(a, dbl));
                return;
            }
            case 8: case 9: case 10: case 11: case 12: case 14: case 15: { // FRINTN/P/M/Z/A/X/I
                long nan = processNans(dbl, a);
                if (nan != NONE) { write(d, dbl, nan); return; }
                double x = value(a, dbl);
                double r;
                switch (opcode) {
                    case 9: r = Math.ceil(x); break;
                    case 10: r = Math.floor(x); break;
                    case 11: r = x < 0 ? Math.ceil(x) : Math.floor(x); break;
                    case 12: r = Double.isInfinite(x) ? x : (x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5)); break;
                    default: r = Math.rint(x); break; // N, X and I with FPCR's round-to-nearest
                }
                if (r == 0 && (dbl ? a : a << 32) < 0) r = -0.0;
                if (opcode == 14 && r != x && !Double.isInfinite(x)) raise(IXC);
                write(d, dbl, bits(r, dbl));
                return;
            }
            default: throw undefined(w);
        }
    }

    private long convertPrecision(long a, boolean fromDouble) {
        if (isNan(a, fromDouble)) {
            if (isSignalling(a, fromDouble)) raise(IOC);
            if (defaultNan()) return fromDouble ? DEFAULT_NAN32 : DEFAULT_NAN64;
            if (fromDouble) {
                long sign = a >>> 63;
                return sign << 31 | 0x7fc00000L | ((a >>> 29) & 0x3fffff);
            }
            long sign = (a >>> 31) & 1;
            return sign << 63 | 0x7ff8000000000000L | ((a & 0x3fffffL) << 29);
        }
        if (!fromDouble) return Double.doubleToRawLongBits(Float.intBitsToFloat((int) a)); // exact
        double x = Double.longBitsToDouble(a);
        float r = (float) x;
        if (Float.isInfinite(r) && !Double.isInfinite(x)) {
            raise(OFC | IXC);
        } else if (!Double.isInfinite(x) && (double) r != x) {
            raise(IXC);
            if (x != 0 && Math.abs(x) < Float.MIN_NORMAL) raise(UFC);
        }
        return Float.floatToRawIntBits(r) & 0xffffffffL;
    }

    // ================================================================ compares and selects

    private void compare(int w, boolean dbl) {
        int opc2 = w & 31;
        if ((opc2 & 7) != 0) throw undefined(w);
        boolean withZero = (opc2 & 8) != 0, signalling = (opc2 & 16) != 0;
        int n = (w >>> 5) & 31, m = (w >>> 16) & 31;
        long a = read(n, dbl), b = withZero ? 0 : read(m, dbl);
        cpu.nzcv = compareFlags(a, b, dbl, signalling);
    }

    private int compareFlags(long a, long b, boolean dbl, boolean signalling) {
        if (isNan(a, dbl) || isNan(b, dbl)) {
            if (signalling || isSignalling(a, dbl) || isSignalling(b, dbl)) raise(IOC);
            return 0b0011;
        }
        double x = value(a, dbl), y = value(b, dbl);
        if (x == y) return 0b0110;
        return x < y ? 0b1000 : 0b0010;
    }

    private void conditionalCompare(int w, boolean dbl) {
        int n = (w >>> 5) & 31, m = (w >>> 16) & 31;
        boolean signalling = ((w >>> 4) & 1) != 0;
        int cond = (w >>> 12) & 15;
        if (cpu.condition(cond)) cpu.nzcv = compareFlags(read(n, dbl), read(m, dbl), dbl, signalling);
        else cpu.nzcv = w & 15;
    }

    private void conditionalSelect(int w, boolean dbl) {
        int d = w & 31, n = (w >>> 5) & 31, m = (w >>> 16) & 31;
        int cond = (w >>> 12) & 15;
        write(d, dbl, cpu.condition(cond) ? read(n, dbl) : read(m, dbl));
    }

    // ================================================================ integers

    private void integerConversion(int w) {
        boolean sf = (w >>> 31) != 0;
        int type = (w >>> 22) & 3;
        int rmode = (w >>> 19) & 3;
        int opcode = (w >>> 16) & 7;
        int d = w & 31, n = (w >>> 5) & 31;
        if (((w >>> 29) & 1) != 0) throw undefined(w);
        if (opcode == 6 || opcode == 7) { // FMOV between general and FP registers
            boolean toFp = opcode == 7;
            if (rmode == 0 && ((type == 0 && !sf) || (type == 1 && sf))) {
                if (toFp) write(d, type == 1, sf ? x(n) : x(n) & 0xffffffffL);
                else setX(d, type == 1 ? cpu.v[2 * n] : cpu.v[2 * n] & 0xffffffffL);
                return;
            }
            if (rmode == 1 && type == 2 && sf) { // the upper half: FMOV Xd, Vn.D[1] / FMOV Vd.D[1], Xn
                if (toFp) cpu.v[2 * d + 1] = x(n);
                else setX(d, cpu.v[2 * n + 1]);
                return;
            }
            throw undefined(w);
        }
        if (type >= 2) throw undefined(w);
        boolean dbl = type == 1;
        if (opcode == 2 || opcode == 3) { // SCVTF, UCVTF
            if (rmode != 0) throw undefined(w);
            long value = x(n);
            if (!sf) value = opcode == 2 ? (int) value : value & 0xffffffffL;
            write(d, dbl, fromInteger(value, opcode == 3 && sf, dbl));
            return;
        }
        if (opcode > 5 || (opcode >= 4 && rmode != 0)) throw undefined(w);
        // FCVT{N,P,M,Z}{S,U} (opcodes 0, 1 by rmode) and FCVTA{S,U} (opcodes 4, 5)
        boolean unsigned = (opcode & 1) != 0;
        int rounding = opcode >= 4 ? 4 : rmode; // 0 nearest-even, 1 +inf, 2 -inf, 3 zero, 4 nearest-away
        setX(d, toInteger(read(n, dbl), dbl, sf, unsigned, rounding));
    }

    private long fromInteger(long value, boolean unsigned64, boolean dbl) {
        BigDecimal exact = unsigned64 ? new BigDecimal(Long.toUnsignedString(value)) : BigDecimal.valueOf(value);
        double r;
        if (unsigned64 && value < 0) {
            // Above 2^63: halve with the low bit kept sticky, convert, double (exact in binary).
            long half = (value >>> 1) | (value & 1);
            r = dbl ? (double) half * 2 : (float) half * 2f;
        } else {
            r = dbl ? (double) value : (float) value;
        }
        if (new BigDecimal(r).compareTo(exact) != 0) raise(IXC);
        return bits(r, dbl);
    }

    private long toInteger(long a, boolean dbl, boolean sf, boolean unsigned, int rounding) {
        if (isNan(a, dbl)) {
            raise(IOC);
            return 0;
        }
        double x = value(a, dbl);
        double r;
        switch (rounding) {
            case 0: r = Math.rint(x); break;
            case 1: r = Math.ceil(x); break;
            case 2: r = Math.floor(x); break;
            case 3: r = x < 0 ? Math.ceil(x) : Math.floor(x); break;
            default: r = x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
        }
        if (rounding == 4 && Math.abs(x) >= 4503599627370496.0) r = x; // already integral; +0.5 would round
        BigDecimal v = Double.isInfinite(r) ? null : new BigDecimal(r);
        BigDecimal min, max;
        if (unsigned) {
            min = BigDecimal.ZERO;
            max = sf ? new BigDecimal("18446744073709551615") : BigDecimal.valueOf(0xffffffffL);
        } else {
            min = BigDecimal.valueOf(sf ? Long.MIN_VALUE : Integer.MIN_VALUE);
            max = BigDecimal.valueOf(sf ? Long.MAX_VALUE : Integer.MAX_VALUE);
        }
        long result;
        if (v == null || v.compareTo(max) > 0) {
            raise(IOC);
            result = unsigned ? (sf ? -1L : 0xffffffffL) : (sf ? Long.MAX_VALUE : Integer.MAX_VALUE);
            if (v == null && r < 0) result = unsigned ? 0 : (sf ? Long.MIN_VALUE : Integer.MIN_VALUE);
        } else if (v.compareTo(min) < 0) {
            raise(IOC);
            result = unsigned ? 0 : (sf ? Long.MIN_VALUE : Integer.MIN_VALUE);
        } else {
            if (r != x) raise(IXC);
            result = v.toBigInteger().longValue();
        }
        return sf ? result : result & 0xffffffffL;
    }
}
