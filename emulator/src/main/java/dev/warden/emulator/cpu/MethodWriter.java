package dev.warden.emulator.cpu;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The plumbing of a translated method's code: the local variable layout of
 * {@code run(Cpu cpu, long n, long limit)}, guest registers in JVM locals (which of them the code
 * reads and writes), constants, and the lazy flags ({@link Flags}) with the conditions read from
 * them. The writers of instructions and of the region's control flow build on it.
 */
abstract class MethodWriter {

    static final String CPU = "dev/warden/emulator/cpu/Cpu";
    static final String FLAGS = "dev/warden/emulator/cpu/Flags";
    static final String BLOCK = "dev/warden/emulator/cpu/TranslatedBlock";
    static final String OP = "dev/warden/emulator/cpu/Op";
    static final long M32 = 0xffffffffL;

    // Local variable slots of run(Cpu cpu, long n, long limit).
    static final int THIS = 0, CPU_ARG = 1, N = 2, LIMIT = 4, REGS = 6, FOP = 7, FA = 8, FB = 10,
            EXIT_PC = 12, ADDR = 14, SLOT = 16, SLOW_INDEX = 17, VALUE = 18, VALUE2 = 20,
            READ_TAG = 22, READ_ARRAY = 24, READ_OFFSET = 25, WRITE_TAG = 26, WRITE_ARRAY = 28, WRITE_OFFSET = 29, GUEST = 30;

    /** No flag setter seen yet in the current block: conditions read the lazy state as it is at run time. */
    static final int UNKNOWN = -1;

    final List<Op> fallbacks = new ArrayList<>();
    final BitSet used = new BitSet(33);
    final BitSet written = new BitSet(33);
    MethodVisitor mv;
    /** The kind of the lazy flags where the emitter knows it (a setter earlier in the block), else UNKNOWN. */
    int knownFlags;

    /** The guest address of word {@code word} of the page being translated. */
    abstract long pc(int word);

    /** The kind the translation gives an op: a fused compare-and-branch is its compare (the branch has its own word). */
    static int kind(Op op) {
        switch (op.kind) {
            case Op.SUBS_I_BCOND: return Op.SUBS_I;
            case Op.SUBS_R_BCOND: return Op.SUBS_R;
            case Op.ADDS_I_BCOND: return Op.ADDS_I;
            default: return op.kind;
        }
    }

    static int slot(int g) {
        return GUEST + 2 * g;
    }

    // ================================================================ registers and constants

    void load(int g) {
        if (g == Op.ZR || g == Op.SINK) mv.visitInsn(Opcodes.LCONST_0);
        else mv.visitVarInsn(Opcodes.LLOAD, slot(g));
    }

    void store(int g) {
        if (g == Op.SINK || g == Op.ZR) {
            mv.visitInsn(Opcodes.POP2);
            return;
        }
        mv.visitVarInsn(Opcodes.LSTORE, slot(g));
        written.set(g);
    }

    void pushLong(long v) {
        if (v == 0) mv.visitInsn(Opcodes.LCONST_0);
        else if (v == 1) mv.visitInsn(Opcodes.LCONST_1);
        else mv.visitLdcInsn(v);
    }

    void pushInt(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(Opcodes.ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(Opcodes.BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(Opcodes.SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    void mask(long m) {
        if (m != -1L) {
            pushLong(m);
            mv.visitInsn(Opcodes.LAND);
        }
    }

    void invokeCpuStatic(String name, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CPU, name, descriptor, false);
    }

    /** Pushes shift(r[rm], type, amount, sf), the shifted-register operand. */
    void shifted(Op op) {
        load(op.rm);
        if (op.shiftType == 0 && op.shift == 0) {
            if (!op.sf) mask(M32);
            return;
        }
        pushInt(op.shiftType);
        pushInt(op.shift);
        pushInt(op.sf ? 1 : 0);
        invokeCpuStatic("shift", "(JIIZ)J");
    }

    /** Pushes extend(r[rm], option) << amount, the extended-register operand. */
    void extended(Op op) {
        load(op.rm);
        pushInt(op.shiftType);
        invokeCpuStatic("extend", "(JI)J");
        if (op.shift != 0) {
            pushInt(op.shift);
            mv.visitInsn(Opcodes.LSHL);
        }
    }

    void shiftBy(int opcode, int amount) {
        if (amount == 0) return;
        pushInt(amount);
        mv.visitInsn(opcode);
    }

    /** cpu.nzcv = the lazy flags, turned into bits. */
    void storeFlags() {
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitVarInsn(Opcodes.ILOAD, FOP);
        mv.visitVarInsn(Opcodes.LLOAD, FA);
        mv.visitVarInsn(Opcodes.LLOAD, FB);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, FLAGS, "nzcv", "(IJJ)I", false);
        mv.visitFieldInsn(Opcodes.PUTFIELD, CPU, "nzcv", "I");
    }

    // ================================================================ flags

    /** Pops b, then a, into the lazy flags with {@code kind}. */
    void setFlags(int kind) {
        mv.visitVarInsn(Opcodes.LSTORE, FB);
        mv.visitVarInsn(Opcodes.LSTORE, FA);
        pushInt(kind);
        mv.visitVarInsn(Opcodes.ISTORE, FOP);
        knownFlags = kind;
    }

    /** Pops a logical result into the lazy flags (N and Z from it, C and V clear). */
    void setLogicFlags(boolean sf) {
        mv.visitVarInsn(Opcodes.LSTORE, FA);
        mv.visitInsn(Opcodes.LCONST_0);
        mv.visitVarInsn(Opcodes.LSTORE, FB);
        int kind = sf ? Flags.LOGIC64 : Flags.LOGIC32;
        pushInt(kind);
        mv.visitVarInsn(Opcodes.ISTORE, FOP);
        knownFlags = kind;
    }

    /** Jumps to {@code target} when condition {@code cond} holds for the current flags. */
    void jumpIf(int cond, Label target) {
        if (cond >= 14) {
            mv.visitJumpInsn(Opcodes.GOTO, target);
            return;
        }
        if ((knownFlags == Flags.SUB64 || knownFlags == Flags.LOGIC64) && cond <= 1) {
            mv.visitVarInsn(Opcodes.LLOAD, FA);
            if (knownFlags == Flags.SUB64) mv.visitVarInsn(Opcodes.LLOAD, FB);
            else mv.visitInsn(Opcodes.LCONST_0);
            mv.visitInsn(Opcodes.LCMP);
            mv.visitJumpInsn(cond == 0 ? Opcodes.IFEQ : Opcodes.IFNE, target);
            return;
        }
        pushInt(cond);
        if (knownFlags == Flags.SUB64 || knownFlags == Flags.SUB32) {
            mv.visitVarInsn(Opcodes.LLOAD, FA);
            mv.visitVarInsn(Opcodes.LLOAD, FB);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, FLAGS, knownFlags == Flags.SUB64 ? "afterSub64" : "afterSub32", "(IJJ)Z", false);
        } else {
            mv.visitVarInsn(Opcodes.ILOAD, FOP);
            mv.visitVarInsn(Opcodes.LLOAD, FA);
            mv.visitVarInsn(Opcodes.LLOAD, FB);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, FLAGS, "holds", "(IIJJ)Z", false);
        }
        mv.visitJumpInsn(Opcodes.IFNE, target);
    }
}
