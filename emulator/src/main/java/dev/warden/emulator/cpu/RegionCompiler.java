package dev.warden.emulator.cpu;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Writes the body of {@link TranslatedBlock#run} for one {@link Region}: the guest registers the
 * region touches live in JVM locals, flags stay lazy ({@link Flags}), branches inside the region
 * are jumps, and every way out (a branch leaving the region, a TLB miss, a store to a code page,
 * the instruction budget) goes through one exit that writes the registers, flags and PC back.
 * Every block checks the budget for all its instructions before it starts, so a run ends on the
 * same instruction as the interpreter's. A load or store that misses the TLB (MMIO, a first touch,
 * a store to a code page) is handed, with the whole state, to the interpreter's own code, which
 * completes it or takes the exception exactly as it would; the code goes on after it unless the
 * run loop has something to look at (an interrupt, a rewritten code page, an exception).
 */
final class RegionCompiler {

    private static final String CPU = "dev/warden/emulator/cpu/Cpu";
    private static final String FLAGS = "dev/warden/emulator/cpu/Flags";
    private static final String BLOCK = "dev/warden/emulator/cpu/TranslatedBlock";
    private static final String OP = "dev/warden/emulator/cpu/Op";
    private static final long M32 = 0xffffffffL;

    // Local variable slots of run(Cpu cpu, long n, long limit).
    private static final int THIS = 0, CPU_ARG = 1, N = 2, LIMIT = 4, REGS = 6, FOP = 7, FA = 8, FB = 10,
            EXIT_PC = 12, ADDR = 14, SLOT = 16, SLOW_INDEX = 17, VALUE = 18, VALUE2 = 20,
            READ_TAG = 22, READ_ARRAY = 24, READ_OFFSET = 25, WRITE_TAG = 26, WRITE_ARRAY = 28, WRITE_OFFSET = 29, GUEST = 30;

    /** No flag setter seen yet in the current block: conditions read the lazy state as it is at run time. */
    private static final int UNKNOWN = -1;

    private final Region region;
    private final long page;
    private final Op[] ops;
    private final List<Op> fallbacks = new ArrayList<>();
    private final BitSet used = new BitSet(33);
    private final BitSet written = new BitSet(33);
    private final Label[] labels = new Label[CodePage.WORDS];
    private final List<Runnable> stubs = new ArrayList<>();
    private final Label exit = new Label();
    /** The shared slow path: the interpreter executes one load or store that missed the TLB. */
    private final Label slowStep = new Label();
    /** Where each slow step resumes, by its index in {@link #fallbacks}. */
    private final List<Label> resumes = new ArrayList<>();
    private MethodVisitor mv;
    private int knownFlags;

    RegionCompiler(Region region, Op[] ops, long virtualPage) {
        this.region = region;
        this.ops = ops;
        this.page = virtualPage;
    }

    /** The ops the code hands to the interpreter, in the order of their indices in the code. */
    Op[] fallbacks() { return fallbacks.toArray(new Op[0]); }

    // ================================================================ which ops, and how they end blocks

    /**
     * Whether a region may hold this op: data processing, loads and stores, branches, and the
     * system and exclusive instructions that {@link #steppedAlways} hands to the interpreter
     * inside the region. Exception-generating instructions, ERET, WFI and undefined words end it.
     */
    static boolean translatable(Op op) {
        return op.kind >= Op.ADD_I && op.kind <= Op.STP || op.kind == Op.NOP || op.kind == Op.ISB
                || op.kind == Op.SUBS_I_BCOND || op.kind == Op.SUBS_R_BCOND || op.kind == Op.ADDS_I_BCOND
                || steppedAlways(op);
    }

    /**
     * Ops the region always hands to the interpreter's own code through the slow step (their
     * effects reach beyond registers: system registers and the devices behind them, the exclusive
     * monitor, PSTATE), going on after them when nothing needs the run loop.
     */
    static boolean steppedAlways(Op op) {
        switch (op.kind) {
            case Op.LDX: case Op.STX: case Op.LDXP: case Op.STXP: case Op.LDAR: case Op.STLR: case Op.CLREX:
            case Op.MRS: case Op.MSR: case Op.SYS: case Op.DAIFSET: case Op.DAIFCLR: case Op.SPSEL:
                return true;
            default:
                return false;
        }
    }

    static boolean isBranch(Op op) {
        return op.kind >= Op.B && op.kind <= Op.RET;
    }

    static boolean isConditional(Op op) {
        return op.kind == Op.BCOND || op.kind == Op.CBZ || op.kind == Op.CBNZ || op.kind == Op.TBZ || op.kind == Op.TBNZ;
    }

    /** The kind the translation gives an op: a fused compare-and-branch is its compare (the branch has its own word). */
    private static int kind(Op op) {
        switch (op.kind) {
            case Op.SUBS_I_BCOND: return Op.SUBS_I;
            case Op.SUBS_R_BCOND: return Op.SUBS_R;
            case Op.ADDS_I_BCOND: return Op.ADDS_I;
            default: return op.kind;
        }
    }

    // ================================================================ the method

    /** Writes the code of {@code run(Cpu, long, long)} to {@code methodVisitor} (from visitCode to visitMaxs). */
    void emit(MethodVisitor methodVisitor) {
        mv = methodVisitor;
        mv.visitCode();
        for (Region.Block b : region.blocks) labels[b.first()] = new Label();
        for (Region.Block b : region.blocks) {
            for (int i = b.first(); i <= b.last(); i++) noteRegisters(ops[i]);
        }
        // Prologue: every local defined before the first jump, so the verifier sees one type per slot.
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitFieldInsn(Opcodes.GETFIELD, CPU, "r", "[J");
        mv.visitVarInsn(Opcodes.ASTORE, REGS);
        for (int g = used.nextSetBit(0); g >= 0; g = used.nextSetBit(g + 1)) {
            mv.visitVarInsn(Opcodes.ALOAD, REGS);
            pushInt(g);
            mv.visitInsn(Opcodes.LALOAD);
            mv.visitVarInsn(Opcodes.LSTORE, slot(g));
        }
        pushInt(Flags.NZCV);
        mv.visitVarInsn(Opcodes.ISTORE, FOP);
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitFieldInsn(Opcodes.GETFIELD, CPU, "nzcv", "I");
        mv.visitInsn(Opcodes.I2L);
        mv.visitVarInsn(Opcodes.LSTORE, FA);
        for (int local : new int[] {FB, EXIT_PC, ADDR, VALUE, VALUE2}) {
            mv.visitInsn(Opcodes.LCONST_0);
            mv.visitVarInsn(Opcodes.LSTORE, local);
        }
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, SLOT);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, SLOW_INDEX);
        forgetPages();
        for (int local : new int[] {READ_ARRAY, WRITE_ARRAY}) {
            mv.visitFieldInsn(Opcodes.GETSTATIC, CPU, "NO_PAGE", "[B");
            mv.visitVarInsn(Opcodes.ASTORE, local);
        }
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, READ_OFFSET);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, WRITE_OFFSET);
        mv.visitJumpInsn(Opcodes.GOTO, labels[region.entry]);

        for (Region.Block b : region.blocks) emitBlock(b);
        for (Runnable stub : stubs) stub.run();
        emitSlowStep();
        emitExit();
        mv.visitMaxs(0, 0); // computed by the class writer
        mv.visitEnd();
    }

    /** Every register an op names (conservatively: all its register fields) is loaded on entry. */
    private void noteRegisters(Op op) {
        for (int g : new int[] {op.rd, op.rn, op.rm, op.ra}) if (g < 31 || g == Op.SP) used.set(g);
        if (op.kind == Op.BL || op.kind == Op.BLR) used.set(30);
    }

    private static int slot(int g) {
        return GUEST + 2 * g;
    }

    private void emitBlock(Region.Block b) {
        mv.visitLabel(labels[b.first()]);
        knownFlags = UNKNOWN;
        int length = b.length();
        // Budget: the whole block or none of it, so the interpreter finishes the count exactly.
        Label fits = new Label();
        mv.visitVarInsn(Opcodes.LLOAD, LIMIT);
        mv.visitVarInsn(Opcodes.LLOAD, N);
        mv.visitInsn(Opcodes.LSUB);
        pushLong(length);
        mv.visitInsn(Opcodes.LCMP);
        mv.visitJumpInsn(Opcodes.IFGE, fits);
        exitTo(pc(b.first()));
        mv.visitLabel(fits);
        addToCount(length);

        int bodyEnd = b.end() == Region.End.BRANCH ? b.last() - 1 : b.last();
        for (int i = b.first(); i <= bodyEnd; i++) emitOp(ops[i], i, length - (i - b.first()));
        switch (b.end()) {
            case BRANCH: emitBranch(ops[b.last()], b.last()); break;
            case FALL_THROUGH: mv.visitJumpInsn(Opcodes.GOTO, labels[b.last() + 1]); break;
            default: exitTo(pc(b.last() + 1)); break; // STOP, PAGE_END
        }
    }

    private long pc(int word) {
        return page + 4L * word;
    }

    private void addToCount(long delta) {
        mv.visitVarInsn(Opcodes.LLOAD, N);
        pushLong(delta);
        mv.visitInsn(Opcodes.LADD);
        mv.visitVarInsn(Opcodes.LSTORE, N);
    }

    /** Leaves the region with the PC at {@code target} (count already final). */
    private void exitTo(long target) {
        pushLong(target);
        mv.visitVarInsn(Opcodes.LSTORE, EXIT_PC);
        mv.visitJumpInsn(Opcodes.GOTO, exit);
    }

    /**
     * A label where the instruction {@code op} at {@code word} goes to the interpreter, through the
     * shared slow step: {@code remaining} counts it and the instructions after it in the block, so
     * that the core's count is the interpreter's as it executes it.
     */
    private Label slowStepFor(Op op, int word, int remaining, Label resume) {
        Label stub = new Label();
        int index = fallbacks.size();
        fallbacks.add(op);
        while (resumes.size() < index) resumes.add(null);
        resumes.add(resume);
        long here = pc(word);
        stubs.add(() -> {
            mv.visitLabel(stub);
            pushInt(index);
            mv.visitVarInsn(Opcodes.ISTORE, SLOW_INDEX);
            pushLong(here);
            mv.visitVarInsn(Opcodes.LSTORE, EXIT_PC);
            mv.visitVarInsn(Opcodes.LLOAD, N);
            pushLong(remaining - 1);
            mv.visitInsn(Opcodes.LSUB);
            mv.visitVarInsn(Opcodes.LSTORE, VALUE);
            mv.visitJumpInsn(Opcodes.GOTO, slowStep);
        });
        return stub;
    }

    /**
     * The slow step: the core gets every register, the flags, the PC (EXIT_PC) and the count
     * (VALUE) and executes the op (SLOW_INDEX) as the interpreter does, through the memory port,
     * the trap handler and the exception logic. When the instruction completed and nothing needs
     * the run loop's attention the code reloads the registers and goes on after the instruction;
     * otherwise it returns with the core's state as it is.
     */
    private void emitSlowStep() {
        if (resumes.isEmpty()) return;
        mv.visitLabel(slowStep);
        for (int g = used.nextSetBit(0); g >= 0; g = used.nextSetBit(g + 1)) {
            mv.visitVarInsn(Opcodes.ALOAD, REGS);
            pushInt(g);
            mv.visitVarInsn(Opcodes.LLOAD, slot(g));
            mv.visitInsn(Opcodes.LASTORE);
        }
        storeFlags();
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitVarInsn(Opcodes.LLOAD, EXIT_PC);
        mv.visitFieldInsn(Opcodes.PUTFIELD, CPU, "pc", "J");
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitVarInsn(Opcodes.LLOAD, VALUE);
        mv.visitFieldInsn(Opcodes.PUTFIELD, CPU, "icount", "J");
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitVarInsn(Opcodes.ALOAD, THIS);
        mv.visitFieldInsn(Opcodes.GETFIELD, BLOCK, "fallbacks", "[L" + OP + ";");
        mv.visitVarInsn(Opcodes.ILOAD, SLOW_INDEX);
        mv.visitInsn(Opcodes.AALOAD);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, CPU, "stepFromTranslation", "(L" + OP + ";)Z", false);
        Label goOn = new Label();
        mv.visitJumpInsn(Opcodes.IFNE, goOn);
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitFieldInsn(Opcodes.GETFIELD, CPU, "icount", "J");
        mv.visitInsn(Opcodes.LRETURN);
        mv.visitLabel(goOn);
        for (int g = used.nextSetBit(0); g >= 0; g = used.nextSetBit(g + 1)) {
            mv.visitVarInsn(Opcodes.ALOAD, REGS);
            pushInt(g);
            mv.visitInsn(Opcodes.LALOAD);
            mv.visitVarInsn(Opcodes.LSTORE, slot(g));
        }
        pushInt(Flags.NZCV);
        mv.visitVarInsn(Opcodes.ISTORE, FOP);
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitFieldInsn(Opcodes.GETFIELD, CPU, "nzcv", "I");
        mv.visitInsn(Opcodes.I2L);
        mv.visitVarInsn(Opcodes.LSTORE, FA);
        forgetPages(); // the slow step may have refilled or flushed the TLB
        // Back to where the instruction's own code ends.
        List<Integer> keys = new ArrayList<>();
        List<Label> targets = new ArrayList<>();
        for (int i = 0; i < resumes.size(); i++) {
            if (resumes.get(i) != null) {
                keys.add(i);
                targets.add(resumes.get(i));
            }
        }
        mv.visitVarInsn(Opcodes.ILOAD, SLOW_INDEX);
        mv.visitLookupSwitchInsn(targets.get(0), keys.stream().mapToInt(Integer::intValue).toArray(), targets.toArray(new Label[0]));
    }

    private void emitExit() {
        mv.visitLabel(exit);
        for (int g = written.nextSetBit(0); g >= 0; g = written.nextSetBit(g + 1)) {
            mv.visitVarInsn(Opcodes.ALOAD, REGS);
            pushInt(g);
            mv.visitVarInsn(Opcodes.LLOAD, slot(g));
            mv.visitInsn(Opcodes.LASTORE);
        }
        storeFlags();
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitVarInsn(Opcodes.LLOAD, EXIT_PC);
        mv.visitFieldInsn(Opcodes.PUTFIELD, CPU, "pc", "J");
        mv.visitVarInsn(Opcodes.LLOAD, N);
        mv.visitInsn(Opcodes.LRETURN);
    }

    /** cpu.nzcv = the lazy flags, turned into bits. */
    private void storeFlags() {
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitVarInsn(Opcodes.ILOAD, FOP);
        mv.visitVarInsn(Opcodes.LLOAD, FA);
        mv.visitVarInsn(Opcodes.LLOAD, FB);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, FLAGS, "nzcv", "(IJJ)I", false);
        mv.visitFieldInsn(Opcodes.PUTFIELD, CPU, "nzcv", "I");
    }

    // ================================================================ registers and constants

    private void load(int g) {
        if (g == Op.ZR || g == Op.SINK) mv.visitInsn(Opcodes.LCONST_0);
        else mv.visitVarInsn(Opcodes.LLOAD, slot(g));
    }

    private void store(int g) {
        if (g == Op.SINK || g == Op.ZR) {
            mv.visitInsn(Opcodes.POP2);
            return;
        }
        mv.visitVarInsn(Opcodes.LSTORE, slot(g));
        written.set(g);
    }

    private void pushLong(long v) {
        if (v == 0) mv.visitInsn(Opcodes.LCONST_0);
        else if (v == 1) mv.visitInsn(Opcodes.LCONST_1);
        else mv.visitLdcInsn(v);
    }

    private void pushInt(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(Opcodes.ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(Opcodes.BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(Opcodes.SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    private void mask(long m) {
        if (m != -1L) {
            pushLong(m);
            mv.visitInsn(Opcodes.LAND);
        }
    }

    private void invokeCpuStatic(String name, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CPU, name, descriptor, false);
    }

    /** Pushes shift(r[rm], type, amount, sf), the shifted-register operand. */
    private void shifted(Op op) {
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
    private void extended(Op op) {
        load(op.rm);
        pushInt(op.shiftType);
        invokeCpuStatic("extend", "(JI)J");
        if (op.shift != 0) {
            pushInt(op.shift);
            mv.visitInsn(Opcodes.LSHL);
        }
    }

    // ================================================================ flags

    /** Pops b, then a, into the lazy flags with {@code kind}. */
    private void setFlags(int kind) {
        mv.visitVarInsn(Opcodes.LSTORE, FB);
        mv.visitVarInsn(Opcodes.LSTORE, FA);
        pushInt(kind);
        mv.visitVarInsn(Opcodes.ISTORE, FOP);
        knownFlags = kind;
    }

    /** Pops a logical result into the lazy flags (N and Z from it, C and V clear). */
    private void setLogicFlags(boolean sf) {
        mv.visitVarInsn(Opcodes.LSTORE, FA);
        mv.visitInsn(Opcodes.LCONST_0);
        mv.visitVarInsn(Opcodes.LSTORE, FB);
        int kind = sf ? Flags.LOGIC64 : Flags.LOGIC32;
        pushInt(kind);
        mv.visitVarInsn(Opcodes.ISTORE, FOP);
        knownFlags = kind;
    }

    /** Jumps to {@code target} when condition {@code cond} holds for the current flags. */
    private void jumpIf(int cond, Label target) {
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

    // ================================================================ instructions

    /**
     * One instruction of a block's body at {@code word}; {@code remaining} counts it and the
     * instructions after it in the block, for an exit before it.
     */
    private void emitOp(Op op, int word, int remaining) {
        if (steppedAlways(op)) {
            Label resume = new Label();
            mv.visitJumpInsn(Opcodes.GOTO, slowStepFor(op, word, remaining, resume));
            mv.visitLabel(resume);
            knownFlags = Flags.NZCV; // the slow step reloads the flags as bits
            return;
        }
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
            case Op.LD_OFF: case Op.LD_REG: case Op.LD_LIT: case Op.LD_PRE: case Op.LD_POST: emitLoad(op, word, remaining); return;
            case Op.ST_OFF: case Op.ST_REG: case Op.ST_PRE: case Op.ST_POST: emitStore(op, word, remaining); return;
            case Op.LDP: emitLoadPair(op, word, remaining); return;
            case Op.STP: emitStorePair(op, word, remaining); return;
            default: emitFallback(op); return;
        }
    }

    private void shiftBy(int opcode, int amount) {
        if (amount == 0) return;
        pushInt(amount);
        mv.visitInsn(opcode);
    }

    /** Pushes the second operand of a logical shifted-register op (inverted for BIC, ORN, EON). */
    private void operand2(Op op) {
        shifted(op);
        if (op.invert) {
            pushLong(-1L);
            mv.visitInsn(Opcodes.LXOR);
        }
    }

    private void logical(Op op, int opcode) {
        load(op.rn);
        operand2(op);
        mv.visitInsn(opcode);
        mask(op.mask);
        store(op.rd);
    }

    /** A logical result on the stack goes to the flags and to rd. */
    private void logicResult(Op op) {
        mv.visitInsn(Opcodes.DUP2);
        setLogicFlags(op.sf);
        store(op.rd);
    }

    /** a and b on the stack: flags of a + b or a - b, result to rd. */
    private void addSubFlags(Op op, boolean subtract) {
        setFlags(subtract ? (op.sf ? Flags.SUB64 : Flags.SUB32) : (op.sf ? Flags.ADD64 : Flags.ADD32));
        mv.visitVarInsn(Opcodes.LLOAD, FA);
        mv.visitVarInsn(Opcodes.LLOAD, FB);
        mv.visitInsn(subtract ? Opcodes.LSUB : Opcodes.LADD);
        if (!op.sf) mask(M32);
        store(op.rd);
    }

    private void conditionalSelect(Op op) {
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
    private void emitFallback(Op op) {
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

    // ================================================================ memory

    /** Pushes the address of a single load or store and keeps it in ADDR. */
    private void address(Op op, int word) {
        switch (kind(op)) {
            case Op.LD_LIT: pushLong(pc(word) + op.imm); break;
            case Op.LD_POST: case Op.ST_POST: load(op.rn); break;
            case Op.LD_REG: case Op.ST_REG:
                load(op.rn);
                load(op.rm);
                pushInt(op.shiftType);
                invokeCpuStatic("extend", "(JI)J");
                shiftBy(Opcodes.LSHL, op.shift);
                mv.visitInsn(Opcodes.LADD);
                break;
            default: load(op.rn); pushLong(op.imm); mv.visitInsn(Opcodes.LADD); break;
        }
        mv.visitVarInsn(Opcodes.LSTORE, ADDR);
    }

    /** The region's own one-page read and write caches start empty (a tag no page has). */
    private void forgetPages() {
        for (int local : new int[] {READ_TAG, WRITE_TAG}) {
            pushLong(-1L);
            mv.visitVarInsn(Opcodes.LSTORE, local);
        }
    }

    /**
     * Makes the region's read (or write) page cache hold the page of an access of {@code size}
     * bytes at ADDR: a hit costs one compare; a miss asks the core's TLB (readSlot, writeSlot) and
     * caches what it hands out; when the TLB misses too, the interpreter executes the instruction
     * and the code goes on at {@code resume} (placed by the caller after the instruction's code).
     * The cache lives in locals, which no store can alias, so the JIT keeps it in registers.
     */
    private void cachePage(boolean write, int size, Op op, int word, int remaining, Label resume) {
        int tag = write ? WRITE_TAG : READ_TAG, array = write ? WRITE_ARRAY : READ_ARRAY, offset = write ? WRITE_OFFSET : READ_OFFSET;
        Label refill = new Label(), hit = new Label();
        mv.visitVarInsn(Opcodes.LLOAD, ADDR);
        pushLong(~0xfffL);
        mv.visitInsn(Opcodes.LAND);
        mv.visitVarInsn(Opcodes.LLOAD, tag);
        mv.visitInsn(Opcodes.LCMP);
        mv.visitJumpInsn(Opcodes.IFNE, refill);
        if (size > 1) {
            pageOffset();
            pushInt(4096 - size);
            mv.visitJumpInsn(Opcodes.IF_ICMPGT, refill);
        }
        mv.visitJumpInsn(Opcodes.GOTO, hit);
        mv.visitLabel(refill);
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitVarInsn(Opcodes.LLOAD, ADDR);
        pushInt(size);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, CPU, write ? "writeSlot" : "readSlot", "(JI)I", false);
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ISTORE, SLOT);
        mv.visitJumpInsn(Opcodes.IFLT, slowStepFor(op, word, remaining, resume));
        mv.visitVarInsn(Opcodes.LLOAD, ADDR);
        pushLong(~0xfffL);
        mv.visitInsn(Opcodes.LAND);
        mv.visitVarInsn(Opcodes.LSTORE, tag);
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitFieldInsn(Opcodes.GETFIELD, CPU, write ? "wArr" : "rArr", "[[B");
        mv.visitVarInsn(Opcodes.ILOAD, SLOT);
        mv.visitInsn(Opcodes.AALOAD);
        mv.visitVarInsn(Opcodes.ASTORE, array);
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitFieldInsn(Opcodes.GETFIELD, CPU, write ? "wOff" : "rOff", "[I");
        mv.visitVarInsn(Opcodes.ILOAD, SLOT);
        mv.visitInsn(Opcodes.IALOAD);
        mv.visitVarInsn(Opcodes.ISTORE, offset);
        mv.visitLabel(hit);
    }

    /** Pushes (int) ADDR & 0xfff. */
    private void pageOffset() {
        mv.visitVarInsn(Opcodes.LLOAD, ADDR);
        mv.visitInsn(Opcodes.L2I);
        pushInt(0xfff);
        mv.visitInsn(Opcodes.IAND);
    }

    /** Pushes the array and index of ADDR + {@code offset} in the cached read or write page. */
    private void pageIndex(boolean write, int offset) {
        mv.visitVarInsn(Opcodes.ALOAD, write ? WRITE_ARRAY : READ_ARRAY);
        mv.visitVarInsn(Opcodes.ILOAD, write ? WRITE_OFFSET : READ_OFFSET);
        pageOffset();
        mv.visitInsn(Opcodes.IADD);
        if (offset != 0) {
            pushInt(offset);
            mv.visitInsn(Opcodes.IADD);
        }
    }

    /** Pushes the {@code size} bytes at ADDR (+ {@code offset}) from the cached read page, zero-extended. */
    private void readRam(int size, int offset) {
        pageIndex(false, offset);
        invokeCpuStatic("ramRead" + size, "([BI)J");
    }

    /** Writes register {@code register} to ADDR (+ {@code offset}) in the cached write page. */
    private void writeRam(int size, int offset, int register) {
        pageIndex(true, offset);
        load(register);
        invokeCpuStatic("ramWrite" + size, "([BIJ)V");
    }

    /** The loaded value on the stack, sign-extended as the load says. */
    private void extendLoaded(Op op) {
        if (op.ext == 0) return;
        int bits = 64 - 8 * op.size;
        shiftBy(Opcodes.LSHL, bits);
        shiftBy(Opcodes.LSHR, bits);
        if (op.ext != 64) mask(M32);
    }

    private void emitLoad(Op op, int word, int remaining) {
        Label resume = new Label();
        address(op, word);
        cachePage(false, op.size, op, word, remaining, resume);
        readRam(op.size, 0);
        int k = kind(op);
        if (k == Op.LD_PRE || k == Op.LD_POST) {
            mv.visitVarInsn(Opcodes.LSTORE, VALUE);
            mv.visitVarInsn(Opcodes.LLOAD, ADDR);
            if (k == Op.LD_POST) {
                pushLong(op.imm);
                mv.visitInsn(Opcodes.LADD);
            }
            store(op.rn);
            mv.visitVarInsn(Opcodes.LLOAD, VALUE);
        }
        extendLoaded(op);
        store(op.rd);
        mv.visitLabel(resume);
    }

    private void emitStore(Op op, int word, int remaining) {
        Label resume = new Label();
        address(op, word);
        cachePage(true, op.size, op, word, remaining, resume);
        writeRam(op.size, 0, op.rd);
        int k = kind(op);
        if (k == Op.ST_PRE || k == Op.ST_POST) {
            mv.visitVarInsn(Opcodes.LLOAD, ADDR);
            if (k == Op.ST_POST) {
                pushLong(op.imm);
                mv.visitInsn(Opcodes.LADD);
            }
            store(op.rn);
        }
        mv.visitLabel(resume);
    }

    /** ADDR = the first element's address of a pair (mode 1 post-index, 2 offset, 3 pre-index). */
    private void pairAddress(Op op) {
        load(op.rn);
        if (op.mode != 1) {
            pushLong(op.imm);
            mv.visitInsn(Opcodes.LADD);
        }
        mv.visitVarInsn(Opcodes.LSTORE, ADDR);
    }

    /** The base register's write-back of a pre- or post-indexed pair. */
    private void pairWriteBack(Op op) {
        if (op.mode == 2) return;
        mv.visitVarInsn(Opcodes.LLOAD, ADDR);
        if (op.mode == 1) {
            pushLong(op.imm);
            mv.visitInsn(Opcodes.LADD);
        }
        store(op.rn);
    }

    private void emitLoadPair(Op op, int word, int remaining) {
        Label resume = new Label();
        pairAddress(op);
        cachePage(false, 2 * op.size, op, word, remaining, resume);
        readRam(op.size, 0);
        mv.visitVarInsn(Opcodes.LSTORE, VALUE);
        readRam(op.size, op.size);
        mv.visitVarInsn(Opcodes.LSTORE, VALUE2);
        pairWriteBack(op);
        mv.visitVarInsn(Opcodes.LLOAD, VALUE);
        extendLoaded(op);
        store(op.rd);
        mv.visitVarInsn(Opcodes.LLOAD, VALUE2);
        extendLoaded(op);
        store(op.ra);
        mv.visitLabel(resume);
    }

    private void emitStorePair(Op op, int word, int remaining) {
        Label resume = new Label();
        pairAddress(op);
        cachePage(true, 2 * op.size, op, word, remaining, resume);
        writeRam(op.size, 0, op.rd);
        writeRam(op.size, op.size, op.ra);
        pairWriteBack(op);
        mv.visitLabel(resume);
    }

    // ================================================================ branches

    /** The branch that ends a block at {@code word}. */
    private void emitBranch(Op op, int word) {
        long here = pc(word);
        switch (op.kind) {
            case Op.B: goTo(here + op.imm); return;
            case Op.BL: pushLong(here + 4); store(30); goTo(here + op.imm); return;
            case Op.BCOND: {
                Label taken = new Label();
                jumpIf(op.cond, taken);
                goTo(here + 4);
                mv.visitLabel(taken);
                goTo(here + op.imm);
                return;
            }
            case Op.CBZ: case Op.CBNZ: case Op.TBZ: case Op.TBNZ: {
                Label taken = new Label();
                load(op.rn);
                pushLong(op.mask);
                mv.visitInsn(Opcodes.LAND);
                mv.visitInsn(Opcodes.LCONST_0);
                mv.visitInsn(Opcodes.LCMP);
                boolean onZero = op.kind == Op.CBZ || op.kind == Op.TBZ;
                mv.visitJumpInsn(onZero ? Opcodes.IFEQ : Opcodes.IFNE, taken);
                goTo(here + 4);
                mv.visitLabel(taken);
                goTo(here + op.imm);
                return;
            }
            case Op.BR: case Op.RET:
                load(op.rn);
                mv.visitVarInsn(Opcodes.LSTORE, EXIT_PC);
                mv.visitJumpInsn(Opcodes.GOTO, exit);
                return;
            case Op.BLR:
                load(op.rn);
                mv.visitVarInsn(Opcodes.LSTORE, EXIT_PC);
                pushLong(here + 4);
                store(30);
                mv.visitJumpInsn(Opcodes.GOTO, exit);
                return;
            default: throw new IllegalStateException("not a branch: kind " + op.kind);
        }
    }

    /** Continues at {@code target}: a jump when a block of the region starts there, else an exit. */
    private void goTo(long target) {
        if ((target & ~0xfffL) == page) {
            int w = (int) (target >>> 2) & (CodePage.WORDS - 1);
            if (region.leaders.get(w)) {
                mv.visitJumpInsn(Opcodes.GOTO, labels[w]);
                return;
            }
        }
        exitTo(target);
    }
}
