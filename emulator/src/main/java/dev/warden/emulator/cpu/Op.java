package dev.warden.emulator.cpu;

/**
 * One pre-decoded instruction: a kind for the interpreter's switch and the operands already
 * extracted, so executing it never looks at the instruction word again. Register numbers are
 * indices into the core's register array: 0..30 general, {@link #ZR} reads as zero, {@link #SP}
 * the current stack pointer, {@link #SINK} absorbs writes to XZR.
 */
@dev.warden.emulator.snapshot.SharedOnFork
final class Op {
    static final int ZR = 31;
    static final int SP = 32;
    static final int SINK = 33;

    // Kinds. Grouped as the interpreter's switch is: keep the hot ones dense and first.
    static final int UNDEFINED = 0;
    static final int ADD_I = 1, SUB_I = 2, ADDS_I = 3, SUBS_I = 4;
    static final int AND_I = 5, ORR_I = 6, EOR_I = 7, ANDS_I = 8;
    static final int MOV_I = 9, MOVK = 10;
    static final int ADR = 11, ADRP = 12;
    static final int UBFX = 13, UBFIZ = 14, SBFX = 15, SBFIZ = 16, BFXIL = 17, BFI = 18, EXTR = 19;
    static final int B = 20, BL = 21, BCOND = 22, CBZ = 23, CBNZ = 24, TBZ = 25, TBNZ = 26, BR = 27, BLR = 28, RET = 29;
    static final int MOV_R = 30, AND_R = 31, ORR_R = 32, EOR_R = 33, ANDS_R = 34;
    static final int ADD_R = 35, SUB_R = 36, ADDS_R = 37, SUBS_R = 38;
    static final int ADD_X = 39, SUB_X = 40, ADDS_X = 41, SUBS_X = 42;
    static final int ADC = 43, ADCS = 44, SBC = 45, SBCS = 46;
    static final int CCMP = 47, CCMN = 48;
    static final int CSEL = 49, CSINC = 50, CSINV = 51, CSNEG = 52;
    static final int RBIT = 53, REV16 = 54, REV32 = 55, REV64 = 56, CLZ = 57, CLS = 58;
    static final int UDIV = 59, SDIV = 60, LSLV = 61, LSRV = 62, ASRV = 63, RORV = 64, CRC32 = 65;
    static final int MADD = 66, MSUB = 67, SMADDL = 68, SMSUBL = 69, UMADDL = 70, UMSUBL = 71, SMULH = 72, UMULH = 73;
    static final int LD_OFF = 74, LD_PRE = 75, LD_POST = 76, LD_REG = 77, LD_LIT = 78;
    static final int ST_OFF = 79, ST_PRE = 80, ST_POST = 81, ST_REG = 82;
    static final int LDP = 83, STP = 84;
    static final int LDX = 85, STX = 86, LDXP = 87, STXP = 88, LDAR = 89, STLR = 90;
    static final int NOP = 91, WFI = 92, ISB = 93, CLREX = 94;
    static final int SVC = 95, HVC = 96, SMC = 97, BRK = 98, ERET = 99;
    static final int MRS = 100, MSR = 101, SYS = 102, DAIFSET = 103, DAIFCLR = 104, SPSEL = 105;
    /**
     * A SUBS/ADDS (immediate or shifted register) followed by a B.cond in the next word, fused at
     * decode time: two instructions for one dispatch. The B.cond keeps its own Op, for branches
     * that land on it and for single-stepping.
     */
    static final int SUBS_I_BCOND = 106, SUBS_R_BCOND = 107, ADDS_I_BCOND = 108;
    /**
     * FP/SIMD loads and stores, and FP/SIMD data processing: {@link SimdUnit} decodes the word as
     * it executes it (an encoding it lacks raises the undefined-instruction exception there).
     */
    static final int V_MEM = 109, SIMD = 110;

    final int kind;
    final int word;
    int rd;
    int rn;
    int rm;
    int ra;
    /** Immediate operand, branch offset, or pre-computed constant. */
    long imm;
    /** Result mask: all ones for 64-bit forms, 0xffffffff for 32-bit forms. */
    long mask = -1L;
    /** Shift type (0 LSL, 1 LSR, 2 ASR, 3 ROR) or extend option, depending on the kind. */
    int shiftType;
    int shift;
    int cond;
    /** Memory access size in bytes; for pair kinds, the size of one element. */
    int size;
    /** Loads: 0 zero-extend, 32 sign-extend to 32 bits, 64 sign-extend to 64 bits. */
    int ext;
    /** Pairs and exclusives: pre/post/offset; also sets flags / invert operand / acquire-release. */
    int mode;
    boolean invert;
    boolean sf;
    /** Fused kinds: the condition and offset of the B.cond that follows. */
    int branchCond;
    long branchOffset;

    Op(int kind, int word) {
        this.kind = kind;
        this.word = word;
    }

    /** This flag-setting op with the B.cond {@code branch} fused into it, or null when they do not fuse. */
    Op fusedWith(Op branch) {
        if (branch.kind != BCOND) return null;
        int fusedKind;
        switch (kind) {
            case SUBS_I: fusedKind = SUBS_I_BCOND; break;
            case SUBS_R: fusedKind = SUBS_R_BCOND; break;
            case ADDS_I: fusedKind = ADDS_I_BCOND; break;
            default: return null;
        }
        Op f = new Op(fusedKind, word);
        f.rd = rd;
        f.rn = rn;
        f.rm = rm;
        f.imm = imm;
        f.mask = mask;
        f.shiftType = shiftType;
        f.shift = shift;
        f.sf = sf;
        f.branchCond = branch.cond;
        f.branchOffset = branch.imm;
        return f;
    }
}
