package dev.warden.emulator.cpu;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Loads and stores as bytecode: the address from the register locals, the region's one-page read
 * and write caches (locals, which no store can alias), the core's TLB behind them, and the
 * interpreter's own code for an access neither answers ({@link #slowStepFor}).
 */
abstract class MemoryOpWriter extends DataOpWriter {

    /**
     * A label where instruction {@code op} at {@code word} goes to the interpreter; the code goes on
     * at {@code resume}. {@code remaining} counts it and the instructions after it in its block.
     */
    abstract Label slowStepFor(Op op, int word, int remaining, Label resume);

    /** Pushes the address of a single load or store and keeps it in ADDR. */
    void address(Op op, int word) {
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
    void forgetPages() {
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
    void cachePage(boolean write, int size, Op op, int word, int remaining, Label resume) {
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
    void pageOffset() {
        mv.visitVarInsn(Opcodes.LLOAD, ADDR);
        mv.visitInsn(Opcodes.L2I);
        pushInt(0xfff);
        mv.visitInsn(Opcodes.IAND);
    }

    /** Pushes the array and index of ADDR + {@code offset} in the cached read or write page. */
    void pageIndex(boolean write, int offset) {
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
    void readRam(int size, int offset) {
        pageIndex(false, offset);
        invokeCpuStatic("ramRead" + size, "([BI)J");
    }

    /** Writes register {@code register} to ADDR (+ {@code offset}) in the cached write page. */
    void writeRam(int size, int offset, int register) {
        pageIndex(true, offset);
        load(register);
        invokeCpuStatic("ramWrite" + size, "([BIJ)V");
    }

    /** The loaded value on the stack, sign-extended as the load says. */
    void extendLoaded(Op op) {
        if (op.ext == 0) return;
        int bits = 64 - 8 * op.size;
        shiftBy(Opcodes.LSHL, bits);
        shiftBy(Opcodes.LSHR, bits);
        if (op.ext != 64) mask(M32);
    }

    void emitLoad(Op op, int word, int remaining) {
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
        knownFlags = UNKNOWN; // a slow step in between leaves the flags as NZCV bits, whatever set them
    }

    void emitStore(Op op, int word, int remaining) {
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
        knownFlags = UNKNOWN; // a slow step in between leaves the flags as NZCV bits, whatever set them
    }

    /** ADDR = the first element's address of a pair (mode 1 post-index, 2 offset, 3 pre-index). */
    void pairAddress(Op op) {
        load(op.rn);
        if (op.mode != 1) {
            pushLong(op.imm);
            mv.visitInsn(Opcodes.LADD);
        }
        mv.visitVarInsn(Opcodes.LSTORE, ADDR);
    }

    /** The base register's write-back of a pre- or post-indexed pair. */
    void pairWriteBack(Op op) {
        if (op.mode == 2) return;
        mv.visitVarInsn(Opcodes.LLOAD, ADDR);
        if (op.mode == 1) {
            pushLong(op.imm);
            mv.visitInsn(Opcodes.LADD);
        }
        store(op.rn);
    }

    void emitLoadPair(Op op, int word, int remaining) {
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
        knownFlags = UNKNOWN; // a slow step in between leaves the flags as NZCV bits, whatever set them
    }

    void emitStorePair(Op op, int word, int remaining) {
        Label resume = new Label();
        pairAddress(op);
        cachePage(true, 2 * op.size, op, word, remaining, resume);
        writeRam(op.size, 0, op.rd);
        writeRam(op.size, op.size, op.ra);
        pairWriteBack(op);
        mv.visitLabel(resume);
        knownFlags = UNKNOWN; // a slow step in between leaves the flags as NZCV bits, whatever set them
    }
}
