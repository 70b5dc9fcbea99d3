package dev.warden.emulator.cpu;

/**
 * Turns an A64 instruction word into an {@link Op}. Every encoding this core does not implement,
 * and every reserved combination of an implemented one, decodes to {@link Op#UNDEFINED}, which the
 * core turns into the architectural Undefined Instruction exception.
 */
final class Decoder {

    private Decoder() { }

    static Op decode(int w) {
        int op0 = (w >>> 25) & 0xf;
        Op op;
        if ((op0 & 0xe) == 0x8) op = dataImmediate(w);
        else if ((op0 & 0xe) == 0xa) op = branchSystem(w);
        else if ((op0 & 0x5) == 0x4) op = loadStore(w);
        else if ((op0 & 0x7) == 0x5) op = dataRegister(w);
        else if ((op0 & 0x7) == 0x7) op = new Op(Op.SIMD, w);
        else op = null;
        return op == null ? new Op(Op.UNDEFINED, w) : op;
    }

    private static int rd(int w) { return w & 31; }
    private static int rn(int w) { return (w >>> 5) & 31; }
    private static int rm(int w) { return (w >>> 16) & 31; }
    /** Register read where 31 means XZR. */
    private static int zr(int r) { return r; }
    /** Register write where 31 means XZR. */
    private static int zw(int r) { return r == 31 ? Op.SINK : r; }
    /** Register read or write where 31 means SP. */
    private static int sp(int r) { return r == 31 ? Op.SP : r; }

    private static long signExtend(long value, int bits) {
        return (value << (64 - bits)) >> (64 - bits);
    }

    // ---------------------------------------------------------------- data processing, immediate

    private static Op dataImmediate(int w) {
        boolean sf = (w >>> 31) != 0;
        long mask = sf ? -1L : 0xffffffffL;
        switch ((w >>> 23) & 7) {
            case 0: case 1: {
                long imm = signExtend(((long) ((w >>> 5) & 0x7ffff) << 2) | ((w >>> 29) & 3), 21);
                Op op = new Op(sf ? Op.ADRP : Op.ADR, w);
                op.rd = zw(rd(w));
                op.imm = sf ? imm << 12 : imm;
                return op;
            }
            case 2: {
                boolean sub = ((w >>> 30) & 1) != 0;
                boolean s = ((w >>> 29) & 1) != 0;
                long imm = (w >>> 10) & 0xfff;
                if (((w >>> 22) & 1) != 0) imm <<= 12;
                Op op = new Op(sub ? (s ? Op.SUBS_I : Op.SUB_I) : (s ? Op.ADDS_I : Op.ADD_I), w);
                op.rn = sp(rn(w));
                op.rd = s ? zw(rd(w)) : sp(rd(w));
                op.imm = imm;
                op.mask = mask;
                op.sf = sf;
                return op;
            }
            case 4: {
                int n = (w >>> 22) & 1;
                long imm = BitMasks.decode(n, (w >>> 16) & 0x3f, (w >>> 10) & 0x3f, sf);
                if (imm == 0) return null;
                int opc = (w >>> 29) & 3;
                Op op = new Op(new int[] {Op.AND_I, Op.ORR_I, Op.EOR_I, Op.ANDS_I}[opc], w);
                op.rn = zr(rn(w));
                op.rd = opc == 3 ? zw(rd(w)) : sp(rd(w));
                op.imm = imm;
                op.mask = mask;
                op.sf = sf;
                return op;
            }
            case 5: {
                int opc = (w >>> 29) & 3;
                int hw = (w >>> 21) & 3;
                if (opc == 1 || (!sf && hw >= 2)) return null;
                long imm = ((long) ((w >>> 5) & 0xffff)) << (16 * hw);
                Op op;
                if (opc == 3) {
                    op = new Op(Op.MOVK, w);
                    op.imm = imm;
                    op.shift = 16 * hw;
                } else {
                    op = new Op(Op.MOV_I, w);
                    op.imm = (opc == 0 ? ~imm : imm) & mask;
                }
                op.rd = zw(rd(w));
                op.mask = mask;
                return op;
            }
            case 6: return bitfield(w, sf, mask);
            case 7: {
                int n = (w >>> 22) & 1;
                int imms = (w >>> 10) & 0x3f;
                if (((w >>> 29) & 3) != 0 || ((w >>> 21) & 1) != 0 || (sf ? 1 : 0) != n || (!sf && imms >= 32)) return null;
                Op op = new Op(Op.EXTR, w);
                op.rd = zw(rd(w));
                op.rn = zr(rn(w));
                op.rm = zr(rm(w));
                op.shift = imms;
                op.sf = sf;
                op.mask = mask;
                return op;
            }
            default: return null;
        }
    }

    private static Op bitfield(int w, boolean sf, long mask) {
        int opc = (w >>> 29) & 3;
        int n = (w >>> 22) & 1;
        int immr = (w >>> 16) & 0x3f;
        int imms = (w >>> 10) & 0x3f;
        int datasize = sf ? 64 : 32;
        if (opc == 3 || (sf ? 1 : 0) != n || (!sf && (immr >= 32 || imms >= 32))) return null;
        Op op;
        if (imms >= immr) {
            op = new Op(opc == 0 ? Op.SBFX : opc == 1 ? Op.BFXIL : Op.UBFX, w);
            op.shift = immr;
            op.cond = imms;
            op.imm = BitMasks.ones(imms - immr + 1);
        } else {
            op = new Op(opc == 0 ? Op.SBFIZ : opc == 1 ? Op.BFI : Op.UBFIZ, w);
            op.shift = datasize - immr;
            op.cond = imms;
            op.imm = BitMasks.ones(imms + 1);
        }
        op.rd = zw(rd(w));
        op.ra = zr(rd(w));
        op.rn = zr(rn(w));
        op.mask = mask;
        op.sf = sf;
        return op;
    }

    // ---------------------------------------------------------------- branches, exceptions, system

    private static Op branchSystem(int w) {
        int top = (w >>> 29) & 7;
        if ((top & 3) == 0) {
            Op op = new Op(top == 0 ? Op.B : Op.BL, w);
            op.imm = signExtend((long) (w & 0x3ffffff) << 2, 28);
            return op;
        }
        if ((top & 3) == 1) {
            if (((w >>> 25) & 1) == 0) {
                boolean sf = (w >>> 31) != 0;
                Op op = new Op(((w >>> 24) & 1) == 0 ? Op.CBZ : Op.CBNZ, w);
                op.rn = zr(rd(w));
                op.imm = signExtend((long) ((w >>> 5) & 0x7ffff) << 2, 21);
                op.mask = sf ? -1L : 0xffffffffL;
                return op;
            }
            Op op = new Op(((w >>> 24) & 1) == 0 ? Op.TBZ : Op.TBNZ, w);
            op.rn = zr(rd(w));
            op.shift = ((w >>> 31) << 5) | ((w >>> 19) & 31);
            op.mask = 1L << op.shift;
            op.imm = signExtend((long) ((w >>> 5) & 0x3fff) << 2, 16);
            return op;
        }
        if (top == 2) {
            if (((w >>> 24) & 3) != 0 || ((w >>> 4) & 1) != 0) return null;
            Op op = new Op(Op.BCOND, w);
            op.cond = w & 15;
            op.imm = signExtend((long) ((w >>> 5) & 0x7ffff) << 2, 21);
            return op;
        }
        if (top == 6) {
            if (((w >>> 24) & 3) == 0) return exception(w);
            if (((w >>> 22) & 0xf) == 4) return system(w);
            if (((w >>> 25) & 1) == 1) return branchRegister(w);
        }
        return null;
    }

    private static Op exception(int w) {
        int opc = (w >>> 21) & 7;
        int ll = w & 3;
        if (((w >>> 2) & 7) != 0) return null;
        int kind;
        if (opc == 0 && ll == 1) kind = Op.SVC;
        else if (opc == 0 && ll == 2) kind = Op.HVC;
        else if (opc == 0 && ll == 3) kind = Op.SMC;
        else if (opc == 1 && ll == 0) kind = Op.BRK;
        else return null;
        Op op = new Op(kind, w);
        op.imm = (w >>> 5) & 0xffff;
        return op;
    }

    private static Op branchRegister(int w) {
        int opc = (w >>> 21) & 15;
        if (((w >>> 16) & 31) != 31 || ((w >>> 10) & 0x3f) != 0 || (w & 31) != 0) return null;
        int kind;
        switch (opc) {
            case 0: kind = Op.BR; break;
            case 1: kind = Op.BLR; break;
            case 2: kind = Op.RET; break;
            case 4: if (rn(w) != 31) return null; kind = Op.ERET; break;
            default: return null;
        }
        Op op = new Op(kind, w);
        op.rn = zr(rn(w));
        return op;
    }

    private static Op system(int w) {
        boolean read = ((w >>> 21) & 1) != 0;
        int op0 = (w >>> 19) & 3;
        int op1 = (w >>> 16) & 7;
        int crn = (w >>> 12) & 15;
        int crm = (w >>> 8) & 15;
        int op2 = (w >>> 5) & 7;
        int rt = w & 31;
        if (op0 == 0 && !read) {
            if (crn == 2 && rt == 31) {
                int hint = crm << 3 | op2;
                return new Op(hint == 3 ? Op.WFI : Op.NOP, w);
            }
            if (crn == 3 && rt == 31) {
                switch (op2) {
                    case 2: return new Op(Op.CLREX, w);
                    case 4: case 5: return new Op(Op.NOP, w);
                    case 6: return new Op(Op.ISB, w);
                    default: return null;
                }
            }
            if (crn == 4 && rt == 31) {
                Op op;
                if (op1 == 3 && op2 == 6) op = new Op(Op.DAIFSET, w);
                else if (op1 == 3 && op2 == 7) op = new Op(Op.DAIFCLR, w);
                else if (op1 == 0 && op2 == 5) op = new Op(Op.SPSEL, w);
                else return null;
                op.imm = crm;
                return op;
            }
            return null;
        }
        if (op0 == 1) {
            if (read) return null;
            Op op = new Op(Op.SYS, w);
            op.imm = SysReg.keyOf(w);
            op.rd = zr(rt);
            return op;
        }
        if (op0 >= 2) {
            Op op = new Op(read ? Op.MRS : Op.MSR, w);
            op.imm = SysReg.keyOf(w);
            op.rd = read ? zw(rt) : zr(rt);
            return op;
        }
        return null;
    }

    // ---------------------------------------------------------------- loads and stores

    private static Op loadStore(int w) {
        int group = (w >>> 27) & 7;
        if (((w >>> 26) & 1) != 0) { // SIMD and floating point
            return group == 1 || group == 3 || group == 5 || group == 7 ? new Op(Op.V_MEM, w) : null;
        }
        switch (group) {
            case 1: return exclusive(w);
            case 3: return ((w >>> 24) & 3) < 2 ? literal(w) : null;
            case 5: return pair(w);
            case 7: return register(w);
            default: return null;
        }
    }

    private static Op literal(int w) {
        int opc = w >>> 30;
        long imm = signExtend((long) ((w >>> 5) & 0x7ffff) << 2, 21);
        if (opc == 3) return new Op(Op.NOP, w); // PRFM (literal)
        Op op = new Op(Op.LD_LIT, w);
        op.rd = zw(rd(w));
        op.imm = imm;
        op.size = opc == 1 ? 8 : 4;
        op.ext = opc == 2 ? 64 : 0;
        return op;
    }

    private static Op pair(int w) {
        int opc = w >>> 30;
        int mode = (w >>> 23) & 3; // 0 no-allocate offset, 1 post, 2 offset, 3 pre
        boolean load = ((w >>> 22) & 1) != 0;
        if (opc == 3 || (opc == 1 && (!load || mode == 0))) return null;
        int size = opc == 2 ? 8 : 4;
        Op op = new Op(load ? Op.LDP : Op.STP, w);
        op.size = size;
        op.ext = opc == 1 ? 64 : 0;
        op.mode = mode == 0 ? 2 : mode;
        op.imm = signExtend((w >>> 15) & 0x7f, 7) * size;
        op.rn = sp(rn(w));
        op.rd = load ? zw(rd(w)) : zr(rd(w));
        op.ra = load ? zw((w >>> 10) & 31) : zr((w >>> 10) & 31);
        return op;
    }

    private static Op register(int w) {
        int size = 1 << (w >>> 30);
        int opc = (w >>> 22) & 3;
        boolean unsignedOffset = ((w >>> 24) & 1) != 0;
        int kindOff, kindPre, kindPost, kindReg;
        boolean load = opc != 0;
        int ext = 0;
        boolean prefetch = false;
        if (opc == 2) {
            if (size == 8) prefetch = true;
            else ext = 64;
        } else if (opc == 3) {
            if (size >= 4) return null;
            ext = 32;
        }
        if (load) { kindOff = Op.LD_OFF; kindPre = Op.LD_PRE; kindPost = Op.LD_POST; kindReg = Op.LD_REG; }
        else { kindOff = Op.ST_OFF; kindPre = Op.ST_PRE; kindPost = Op.ST_POST; kindReg = Op.ST_REG; }
        Op op;
        if (unsignedOffset) {
            if (prefetch) return new Op(Op.NOP, w);
            op = new Op(kindOff, w);
            op.imm = (long) ((w >>> 10) & 0xfff) * size;
        } else if (((w >>> 21) & 1) == 0) {
            int mode = (w >>> 10) & 3;
            long imm = signExtend((w >>> 12) & 0x1ff, 9);
            if (prefetch) {
                if (mode == 0) return new Op(Op.NOP, w); // PRFUM
                return null;
            }
            op = new Op(mode == 1 ? kindPost : mode == 3 ? kindPre : kindOff, w);
            op.imm = imm;
        } else {
            if (((w >>> 10) & 3) != 2) return null;
            int option = (w >>> 13) & 7;
            if ((option & 2) == 0) return null;
            if (prefetch) return new Op(Op.NOP, w);
            op = new Op(kindReg, w);
            op.rm = zr(rm(w));
            op.shiftType = option;
            op.shift = ((w >>> 12) & 1) != 0 ? Integer.numberOfTrailingZeros(size) : 0;
        }
        op.size = size;
        op.ext = ext;
        op.rn = sp(rn(w));
        op.rd = load ? zw(rd(w)) : zr(rd(w));
        return op;
    }

    private static Op exclusive(int w) {
        int size = 1 << (w >>> 30);
        boolean o2 = ((w >>> 23) & 1) != 0;
        boolean load = ((w >>> 22) & 1) != 0;
        boolean o1 = ((w >>> 21) & 1) != 0;
        int rs = rm(w);
        int rt2 = (w >>> 10) & 31;
        Op op;
        if (!o2 && !o1) {
            op = new Op(load ? Op.LDX : Op.STX, w);
        } else if (!o2) {
            if (size < 4) return null;
            op = new Op(load ? Op.LDXP : Op.STXP, w);
        } else if (!o1) {
            op = new Op(load ? Op.LDAR : Op.STLR, w);
        } else {
            return null; // compare-and-swap (LSE) is not implemented
        }
        if (!load && !o2) op.rm = zw(rs); // the status register of a store-exclusive
        op.size = size;
        op.rn = sp(rn(w));
        op.rd = load ? zw(rd(w)) : zr(rd(w));
        op.ra = load ? zw(rt2) : zr(rt2);
        return op;
    }

    // ---------------------------------------------------------------- data processing, register

    private static Op dataRegister(int w) {
        boolean sf = (w >>> 31) != 0;
        long mask = sf ? -1L : 0xffffffffL;
        int op1 = (w >>> 28) & 1;
        int op2 = (w >>> 21) & 15;
        Op op;
        if (op1 == 0) {
            if ((op2 & 8) == 0) op = logicalShifted(w, sf);
            else if ((op2 & 1) == 0) op = addSubShifted(w, sf);
            else op = addSubExtended(w, sf);
        } else {
            switch (op2) {
                case 0: op = ((w >>> 10) & 0x3f) == 0 ? addSubCarry(w) : null; break;
                case 2: op = conditionalCompare(w); break;
                case 4: op = conditionalSelect(w); break;
                case 6: op = ((w >>> 30) & 1) == 0 ? twoSource(w, sf) : oneSource(w, sf); break;
                default: op = (op2 & 8) != 0 ? threeSource(w, sf) : null;
            }
        }
        if (op != null) {
            op.mask = mask;
            op.sf = sf;
        }
        return op;
    }

    private static Op logicalShifted(int w, boolean sf) {
        int imm6 = (w >>> 10) & 0x3f;
        if (!sf && imm6 >= 32) return null;
        int opc = (w >>> 29) & 3;
        boolean invert = ((w >>> 21) & 1) != 0;
        int shiftType = (w >>> 22) & 3;
        int kind = new int[] {Op.AND_R, Op.ORR_R, Op.EOR_R, Op.ANDS_R}[opc];
        if (kind == Op.ORR_R && !invert && imm6 == 0 && rn(w) == 31) kind = Op.MOV_R;
        Op op = new Op(kind, w);
        op.rd = zw(rd(w));
        op.rn = zr(rn(w));
        op.rm = zr(rm(w));
        op.shiftType = shiftType;
        op.shift = imm6;
        op.invert = invert;
        return op;
    }

    private static Op addSubShifted(int w, boolean sf) {
        int imm6 = (w >>> 10) & 0x3f;
        int shiftType = (w >>> 22) & 3;
        if (shiftType == 3 || (!sf && imm6 >= 32)) return null;
        boolean sub = ((w >>> 30) & 1) != 0;
        boolean s = ((w >>> 29) & 1) != 0;
        Op op = new Op(sub ? (s ? Op.SUBS_R : Op.SUB_R) : (s ? Op.ADDS_R : Op.ADD_R), w);
        op.rd = zw(rd(w));
        op.rn = zr(rn(w));
        op.rm = zr(rm(w));
        op.shiftType = shiftType;
        op.shift = imm6;
        return op;
    }

    private static Op addSubExtended(int w, boolean sf) {
        int imm3 = (w >>> 10) & 7;
        if (imm3 > 4 || ((w >>> 22) & 3) != 0) return null;
        boolean sub = ((w >>> 30) & 1) != 0;
        boolean s = ((w >>> 29) & 1) != 0;
        Op op = new Op(sub ? (s ? Op.SUBS_X : Op.SUB_X) : (s ? Op.ADDS_X : Op.ADD_X), w);
        op.rd = s ? zw(rd(w)) : sp(rd(w));
        op.rn = sp(rn(w));
        op.rm = zr(rm(w));
        op.shiftType = (w >>> 13) & 7;
        op.shift = imm3;
        return op;
    }

    private static Op addSubCarry(int w) {
        boolean sub = ((w >>> 30) & 1) != 0;
        boolean s = ((w >>> 29) & 1) != 0;
        Op op = new Op(sub ? (s ? Op.SBCS : Op.SBC) : (s ? Op.ADCS : Op.ADC), w);
        op.rd = zw(rd(w));
        op.rn = zr(rn(w));
        op.rm = zr(rm(w));
        return op;
    }

    private static Op conditionalCompare(int w) {
        if (((w >>> 29) & 1) == 0 || ((w >>> 10) & 1) != 0 || ((w >>> 4) & 1) != 0) return null;
        Op op = new Op(((w >>> 30) & 1) != 0 ? Op.CCMP : Op.CCMN, w);
        op.rn = zr(rn(w));
        op.invert = ((w >>> 11) & 1) != 0; // immediate form
        if (op.invert) op.imm = (w >>> 16) & 31;
        else op.rm = zr(rm(w));
        op.cond = (w >>> 12) & 15;
        op.shift = w & 15; // the flags when the condition fails
        return op;
    }

    private static Op conditionalSelect(int w) {
        if (((w >>> 29) & 1) != 0 || ((w >>> 11) & 1) != 0) return null;
        int code = (((w >>> 30) & 1) << 1) | ((w >>> 10) & 1);
        Op op = new Op(new int[] {Op.CSEL, Op.CSINC, Op.CSINV, Op.CSNEG}[code], w);
        op.rd = zw(rd(w));
        op.rn = zr(rn(w));
        op.rm = zr(rm(w));
        op.cond = (w >>> 12) & 15;
        return op;
    }

    private static Op oneSource(int w, boolean sf) {
        if (((w >>> 29) & 1) != 0 || ((w >>> 16) & 31) != 0) return null;
        int opcode = (w >>> 10) & 0x3f;
        int kind;
        switch (opcode) {
            case 0: kind = Op.RBIT; break;
            case 1: kind = Op.REV16; break;
            case 2: kind = sf ? Op.REV32 : Op.REV64; break;
            case 3: if (!sf) return null; kind = Op.REV64; break;
            case 4: kind = Op.CLZ; break;
            case 5: kind = Op.CLS; break;
            default: return null;
        }
        Op op = new Op(kind, w);
        op.rd = zw(rd(w));
        op.rn = zr(rn(w));
        return op;
    }

    private static Op twoSource(int w, boolean sf) {
        if (((w >>> 29) & 1) != 0) return null;
        int opcode = (w >>> 10) & 0x3f;
        int kind;
        switch (opcode) {
            case 2: kind = Op.UDIV; break;
            case 3: kind = Op.SDIV; break;
            case 8: kind = Op.LSLV; break;
            case 9: kind = Op.LSRV; break;
            case 10: kind = Op.ASRV; break;
            case 11: kind = Op.RORV; break;
            default:
                if ((opcode & 0x38) != 0x10) return null;
                int sz = opcode & 3;
                if ((sz == 3) != sf) return null;
                kind = Op.CRC32;
        }
        Op op = new Op(kind, w);
        op.rd = zw(rd(w));
        op.rn = zr(rn(w));
        op.rm = zr(rm(w));
        op.size = 1 << (opcode & 3);
        op.invert = (opcode & 4) != 0; // CRC32C
        return op;
    }

    private static Op threeSource(int w, boolean sf) {
        if (((w >>> 29) & 3) != 0) return null;
        int op31 = (w >>> 21) & 7;
        boolean o0 = ((w >>> 15) & 1) != 0;
        int kind;
        switch (op31) {
            case 0: kind = o0 ? Op.MSUB : Op.MADD; break;
            case 1: kind = o0 ? Op.SMSUBL : Op.SMADDL; break;
            case 2: if (o0) return null; kind = Op.SMULH; break;
            case 5: kind = o0 ? Op.UMSUBL : Op.UMADDL; break;
            case 6: if (o0) return null; kind = Op.UMULH; break;
            default: return null;
        }
        if (op31 != 0 && !sf) return null;
        Op op = new Op(kind, w);
        op.rd = zw(rd(w));
        op.rn = zr(rn(w));
        op.rm = zr(rm(w));
        op.ra = zr((w >>> 10) & 31);
        return op;
    }
}
