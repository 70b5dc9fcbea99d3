package dev.warden.emulator.cpu;

/**
 * The A64 bit-mask immediate of logical instructions (N:immr:imms): a run of ones, rotated within
 * an element of 2..64 bits, the element repeated across the register.
 */
final class BitMasks {

    private BitMasks() { }

    /** The 64-bit mask, or 0 when the combination is reserved (0 is never a valid bit-mask immediate). */
    static long decode(int n, int immr, int imms, boolean sixtyFour) {
        int combined = (n << 6) | (~imms & 0x3f);
        if (combined == 0) return 0;
        int len = 31 - Integer.numberOfLeadingZeros(combined);
        if (len < 1) return 0;
        if (!sixtyFour && n == 1) return 0;
        int levels = (1 << len) - 1;
        int s = imms & levels;
        int r = immr & levels;
        if (s == levels) return 0;
        int esize = 1 << len;
        long welem = ones(s + 1);
        long elem = r == 0 ? welem : ((welem >>> r) | (welem << (esize - r))) & ones(esize);
        long result = 0;
        for (int i = 0; i < 64; i += esize) result |= elem << i;
        return sixtyFour ? result : result & 0xffffffffL;
    }

    static long ones(int n) {
        return n >= 64 ? -1L : (1L << n) - 1;
    }
}
