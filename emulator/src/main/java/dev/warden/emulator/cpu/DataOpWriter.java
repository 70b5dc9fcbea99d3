package dev.warden.emulator.cpu;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Data-processing instructions as bytecode: arithmetic and logic on the register locals, flags set
 * lazily, and the rare kinds handed to the interpreter's own code in place ({@link #emitFallback}).
 */
abstract class DataOpWriter extends MethodWriter {

    /** One data-processing instruction (or NOP, ISB) at {@code word}. */
    void emitDataOp(Op op, int word) {
        switch (kind(op)) {
            case Op.NOP: case Op.ISB: return;
            case Op.ADD_I: load(op.rn); pushLong(op.imm); mv.visitInsn(Opcodes.LADD); mask(op.mask); store(op.rd); return;
            case Op.SUB_I: load(op.rn); pushLong(op.imm); mv.visitInsn(Opcodes.LSUB); mask(op.mask); store(op.rd); return;
            case Op.ADDS_I: load(op.rn); pushLong(op.imm); addSubFlags(op, false); return;
            case Op.SUBS_I: load(op.rn); pushLong(op.imm); addSubFlags(op, true); return;
            case Op.AND_I: load(op.rn); pushLong(op.imm); mv.visitInsn(Opcodes.LAND); store(op.rd); return;
            case Op.ORR_I: load(op.rn); pushLong(op.imm); mv.visitInsn(Opcodes.LOR); mask(op.mask); store(op.rd); return;
            case Op.EOR_I: load(op.rn); pushLong(op.imm); mv.visitInsn(Opcodes.LXOR); mask(op.mask); store(op.rd); return;
            case Op.ANDS_I: load(op.rn); pushLong(op.imm & op.mask); mv.visitInsn(Opcodes.LAND); logicResult(op); return;
            case Op.MOV_I: pushLong(op.imm); store(op.rd); return;
            case Op.MOVK:
                load(op.rd == Op.SINK ? Op.ZR : op.rd);
                pushLong(~(0xffffL << op.shift));
                mv.visitInsn(Opcodes.LAND);
                pushLong(op.imm);
                mv.visitInsn(Opcodes.LOR);
                mask(op.mask);
                store(op.rd);
                return;
            case Op.ADR: pushLong(pc(word) + op.imm); store(op.rd); return;
            case Op.ADRP: pushLong((pc(word) & ~0xfffL) + op.imm); store(op.rd); return;
            case Op.UBFX: load(op.rn); shiftBy(Opcodes.LUSHR, op.shift); pushLong(op.imm); mv.visitInsn(Opcodes.LAND); store(op.rd); return;
            case Op.UBFIZ: load(op.rn); pushLong(op.imm); mv.visitInsn(Opcodes.LAND); shiftBy(Opcodes.LSHL, op.shift); mask(op.mask); store(op.rd); return;
            case Op.SBFX: load(op.rn); shiftBy(Opcodes.LSHL, 63 - op.cond); shiftBy(Opcodes.LSHR, 63 - op.cond + op.shift); mask(op.mask); store(op.rd); return;
            case Op.SBFIZ: load(op.rn); shiftBy(Opcodes.LSHL, 63 - op.cond); shiftBy(Opcodes.LSHR, 63 - op.cond); shiftBy(Opcodes.LSHL, op.shift); mask(op.mask); store(op.rd); return;
            case Op.BFXIL:
                load(op.ra); pushLong(~op.imm); mv.visitInsn(Opcodes.LAND);
                load(op.rn); shiftBy(Opcodes.LUSHR, op.shift); pushLong(op.imm); mv.visitInsn(Opcodes.LAND);
                mv.visitInsn(Opcodes.LOR); mask(op.mask); store(op.rd);
                return;
            case Op.BFI: {
                long dmask = op.imm << op.shift;
                load(op.ra); pushLong(~dmask); mv.visitInsn(Opcodes.LAND);
                load(op.rn); shiftBy(Opcodes.LSHL, op.shift); pushLong(dmask); mv.visitInsn(Opcodes.LAND);
                mv.visitInsn(Opcodes.LOR); mask(op.mask); store(op.rd);
                return;
            }
            case Op.MOV_R: load(op.rm); mask(op.mask); store(op.rd); return;
            case Op.AND_R: logical(op, Opcodes.LAND); return;
            case Op.ORR_R: logical(op, Opcodes.LOR); return;
            case Op.EOR_R: logical(op, Opcodes.LXOR); return;
            case Op.ANDS_R: load(op.rn); operand2(op); mv.visitInsn(Opcodes.LAND); mask(op.mask); logicResult(op); return;
            case Op.ADD_R: load(op.rn); shifted(op); mv.visitInsn(Opcodes.LADD); mask(op.mask); store(op.rd); return;
            case Op.SUB_R: load(op.rn); shifted(op); mv.visitInsn(Opcodes.LSUB); mask(op.mask); store(op.rd); return;
            case Op.ADDS_R: load(op.rn); shifted(op); addSubFlags(op, false); return;
            case Op.SUBS_R: load(op.rn); shifted(op); addSubFlags(op, true); return;
            case Op.ADD_X: load(op.rn); extended(op); mv.visitInsn(Opcodes.LADD); mask(op.mask); store(op.rd); return;
            case Op.SUB_X: load(op.rn); extended(op); mv.visitInsn(Opcodes.LSUB); mask(op.mask); store(op.rd); return;
            case Op.ADDS_X: load(op.rn); extended(op); addSubFlags(op, false); return;
            case Op.SUBS_X: load(op.rn); extended(op); addSubFlags(op, true); return;
            case Op.CSEL: case Op.CSINC: case Op.CSINV: case Op.CSNEG: conditionalSelect(op); return;
            case Op.MADD: case Op.MSUB:
                load(op.ra); load(op.rn); load(op.rm); mv.visitInsn(Opcodes.LMUL);
                mv.visitInsn(kind(op) == Op.MADD ? Opcodes.LADD : Opcodes.LSUB); mask(op.mask); store(op.rd);
                return;
            case Op.LSLV: case Op.LSRV: case Op.ASRV: case Op.RORV:
                load(op.rn); pushInt(kind(op) - Op.LSLV); load(op.rm); mv.visitInsn(Opcodes.L2I); pushInt(op.sf ? 1 : 0);
                invokeCpuStatic("shift", "(JIIZ)J"); store(op.rd);
                return;
            case Op.UDIV: case Op.SDIV:
                load(op.rn); load(op.rm); pushInt(op.sf ? 1 : 0);
                invokeCpuStatic(kind(op) == Op.UDIV ? "unsignedDivide" : "signedDivide", "(JJZ)J"); store(op.rd);
                return;
            default: emitFallback(op); return;
        }
    }

    /** Pushes the second operand of a logical shifted-register op (inverted for BIC, ORN, EON). */
    void operand2(Op op) {
        shifted(op);
        if (op.invert) {
            pushLong(-1L);
            mv.visitInsn(Opcodes.LXOR);
        }
    }

    void logical(Op op, int opcode) {
        load(op.rn);
        operand2(op);
        mv.visitInsn(opcode);
        mask(op.mask);
        store(op.rd);
    }

    /** A logical result on the stack goes to the flags and to rd. */
    void logicResult(Op op) {
        mv.visitInsn(Opcodes.DUP2);
        setLogicFlags(op.sf);
        store(op.rd);
    }

    /** a and b on the stack: flags of a + b or a - b, result to rd. */
    void addSubFlags(Op op, boolean subtract) {
        setFlags(subtract ? (op.sf ? Flags.SUB64 : Flags.SUB32) : (op.sf ? Flags.ADD64 : Flags.ADD32));
        mv.visitVarInsn(Opcodes.LLOAD, FA);
        mv.visitVarInsn(Opcodes.LLOAD, FB);
        mv.visitInsn(subtract ? Opcodes.LSUB : Opcodes.LADD);
        if (!op.sf) mask(M32);
        store(op.rd);
    }

    void conditionalSelect(Op op) {
        Label chosen = new Label();
        Label done = new Label();
        jumpIf(op.cond, chosen);
        load(op.rm);
        switch (kind(op)) {
            case Op.CSINC: mv.visitInsn(Opcodes.LCONST_1); mv.visitInsn(Opcodes.LADD); break;
            case Op.CSINV: pushLong(-1L); mv.visitInsn(Opcodes.LXOR); break;
            case Op.CSNEG: mv.visitInsn(Opcodes.LNEG); break;
            default: break;
        }
        mv.visitJumpInsn(Opcodes.GOTO, done);
        mv.visitLabel(chosen);
        load(op.rn);
        mv.visitLabel(done);
        mask(op.mask);
        store(op.rd);
    }

    /**
     * A kind the translation leaves to the interpreter's own code (rare data processing: it reads
     * and writes only registers and flags): its registers and the flags go to the core, the
     * interpreter executes it, and its result and the flags come back.
     */
    void emitFallback(Op op) {
        int index = fallbacks.size();
        fallbacks.add(op);
        for (int g : new int[] {op.rd, op.rn, op.rm, op.ra}) {
            if (g < 31 || g == Op.SP) {
                mv.visitVarInsn(Opcodes.ALOAD, REGS);
                pushInt(g);
                mv.visitVarInsn(Opcodes.LLOAD, slot(g));
                mv.visitInsn(Opcodes.LASTORE);
            }
        }
        storeFlags();
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitVarInsn(Opcodes.ALOAD, THIS);
        mv.visitFieldInsn(Opcodes.GETFIELD, BLOCK, "fallbacks", "[L" + OP + ";");
        pushInt(index);
        mv.visitInsn(Opcodes.AALOAD);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, CPU, "executeFallback", "(L" + OP + ";)V", false);
        if (op.rd < 31 || op.rd == Op.SP) {
            mv.visitVarInsn(Opcodes.ALOAD, REGS);
            pushInt(op.rd);
            mv.visitInsn(Opcodes.LALOAD);
            store(op.rd);
        }
        pushInt(Flags.NZCV);
        mv.visitVarInsn(Opcodes.ISTORE, FOP);
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitFieldInsn(Opcodes.GETFIELD, CPU, "nzcv", "I");
        mv.visitInsn(Opcodes.I2L);
        mv.visitVarInsn(Opcodes.LSTORE, FA);
        knownFlags = Flags.NZCV;
    }
}
