package dev.warden.emulator.cpu;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
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
final class RegionCompiler extends MemoryOpWriter {

    private final Region region;
    private final long page;
    private final Op[] ops;
    private final Label[] labels = new Label[CodePage.WORDS];
    private final List<Runnable> stubs = new ArrayList<>();
    private final Label exit = new Label();
    /** The shared slow path: the interpreter executes one instruction the code does not complete itself. */
    private final Label slowStep = new Label();
    /** Where each slow step resumes, by its index in {@link #fallbacks}. */
    private final List<Label> resumes = new ArrayList<>();

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
            case Op.V_MEM: case Op.SIMD: // FP/SIMD: the interpreter's unit, in place
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
        loadGuestState();
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
    /** The guest registers the region uses and the flags (NZCV in its plain form), from the core into the locals. */
    private void loadGuestState() {
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
    }

    private void noteRegisters(Op op) {
        for (int g : new int[] {op.rd, op.rn, op.rm, op.ra}) if (g < 31 || g == Op.SP) used.set(g);
        if (op.kind == Op.BL || op.kind == Op.BLR) used.set(30);
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

    @Override
    long pc(int word) {
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
    @Override
    Label slowStepFor(Op op, int word, int remaining, Label resume) {
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
        storeGuestState(used);
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
        loadGuestState();
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

    /** {@code registers} from the locals, the flags and the PC (EXIT_PC) back into the core. */
    private void storeGuestState(java.util.BitSet registers) {
        for (int g = registers.nextSetBit(0); g >= 0; g = registers.nextSetBit(g + 1)) {
            mv.visitVarInsn(Opcodes.ALOAD, REGS);
            pushInt(g);
            mv.visitVarInsn(Opcodes.LLOAD, slot(g));
            mv.visitInsn(Opcodes.LASTORE);
        }
        storeFlags();
        mv.visitVarInsn(Opcodes.ALOAD, CPU_ARG);
        mv.visitVarInsn(Opcodes.LLOAD, EXIT_PC);
        mv.visitFieldInsn(Opcodes.PUTFIELD, CPU, "pc", "J");
    }

    private void emitExit() {
        mv.visitLabel(exit);
        storeGuestState(written);
        mv.visitVarInsn(Opcodes.LLOAD, N);
        mv.visitInsn(Opcodes.LRETURN);
    }

    /**
     * One instruction of a block's body at {@code word}; {@code remaining} counts it and the
     * instructions after it in the block, for the slow step's count.
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
            case Op.LD_OFF: case Op.LD_REG: case Op.LD_LIT: case Op.LD_PRE: case Op.LD_POST: emitLoad(op, word, remaining); return;
            case Op.ST_OFF: case Op.ST_REG: case Op.ST_PRE: case Op.ST_POST: emitStore(op, word, remaining); return;
            case Op.LDP: emitLoadPair(op, word, remaining); return;
            case Op.STP: emitStorePair(op, word, remaining); return;
            default: emitDataOp(op, word); return;
        }
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
