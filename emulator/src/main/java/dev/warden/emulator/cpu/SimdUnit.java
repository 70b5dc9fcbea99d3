package dev.warden.emulator.cpu;

/**
 * The FP/SIMD unit of a core: its loads and stores (single registers, pairs, LD1-4/ST1-4
 * multiple structures, LD1/ST1 single lanes, LD1R) and its data processing, decoded from the
 * instruction word as it executes (these words are rarer than integer ones, and this keeps the
 * pre-decoded ops small). The register file lives in the core ({@link Cpu#v}); floating-point
 * arithmetic is in {@link FpArithmetic}. What is not implemented raises the undefined-instruction
 * exception through {@link Cpu#undefinedInstruction}, which the run's summary names.
 */
final class SimdUnit {

    private final Cpu cpu;
    private final long[] v;
    private final FpArithmetic fp;
    /** Scratch results, written to the destination only once every source was read. */
    private final long[] t = new long[2];

    SimdUnit(Cpu cpu) {
        this.cpu = cpu;
        this.v = cpu.v;
        this.fp = new FpArithmetic(cpu);
    }

    private RuntimeException undefined(int w) {
        return cpu.undefinedInstruction(w);
    }

    // ================================================================ register access

    /** Lane {@code i} of {@code esize} bytes of Vn, zero-extended. */
    long lane(int n, int esize, int i) {
        int bit = i * esize * 8;
        long word = v[2 * n + (bit >>> 6)];
        return esize == 8 ? word : (word >>> (bit & 63)) & mask(esize);
    }

    void setLane(long[] dst, int esize, int i, long value) {
        int bit = i * esize * 8;
        int k = bit >>> 6;
        if (esize == 8) {
            dst[k] = value;
        } else {
            long m = mask(esize) << (bit & 63);
            dst[k] = (dst[k] & ~m) | ((value << (bit & 63)) & m);
        }
    }

    static long mask(int esize) {
        return esize == 8 ? -1L : (1L << (8 * esize)) - 1;
    }

    static long signExtend(long value, int esize) {
        int s = 64 - 8 * esize;
        return (value << s) >> s;
    }

    /** Writes the scratch result to Vd: 128 bits, or the low 64 with the high half cleared. */
    private void writeVector(int d, boolean q) {
        v[2 * d] = t[0];
        v[2 * d + 1] = q ? t[1] : 0;
    }

    /** Writes a scalar of {@code esize} bytes to Vd, clearing the rest of the register. */
    void writeScalar(int d, int esize, long value) {
        v[2 * d] = value & mask(esize);
        v[2 * d + 1] = 0;
    }

    private long x(int n) {
        return n == 31 ? 0 : cpu.r[n];
    }

    /** Xn or SP as a base register. */
    private long base(int n) {
        return cpu.r[n == 31 ? Op.SP : n];
    }

    private void setBase(int n, long value) {
        cpu.r[n == 31 ? Op.SP : n] = value;
    }

    private void setX(int d, long value) {
        if (d != 31) cpu.r[d] = value;
    }

    // ================================================================ loads and stores

    void loadStore(int w) {
        switch ((w >>> 27) & 7) {
            case 1: structures(w); return;
            case 3: literal(w); return;
            case 5: pair(w); return;
            default: register(w);
        }
    }

    private long[] read(long address, int size) {
        long lo, hi = 0;
        if (size == 16) {
            lo = cpu.load(address, 8, null);
            hi = cpu.load(address + 8, 8, null);
        } else {
            lo = cpu.load(address, size, null);
        }
        return new long[] {lo, hi};
    }

    private void write(long address, int size, int n) {
        if (size == 16) {
            cpu.store(address, 8, v[2 * n], null);
            cpu.store(address + 8, 8, v[2 * n + 1], null);
        } else {
            cpu.store(address, size, v[2 * n] & mask(size), null);
        }
    }

    private void literal(int w) {
        int opc = w >>> 30;
        if (opc == 3) throw undefined(w);
        int size = 4 << opc;
        long address = cpu.pc + (((long) ((w >>> 5) & 0x7ffff) << 45) >> 43);
        long[] value = read(address, size);
        v[2 * (w & 31)] = value[0];
        v[2 * (w & 31) + 1] = value[1];
    }

    private void pair(int w) {
        int opc = w >>> 30;
        if (opc == 3) throw undefined(w);
        int size = 4 << opc;
        boolean load = ((w >>> 22) & 1) != 0;
        int mode = (w >>> 23) & 3; // 0 no-allocate offset, 1 post, 2 offset, 3 pre
        long offset = (((long) (w >>> 15) & 0x7f) << 57 >> 57) * size;
        int t1 = w & 31, t2 = (w >>> 10) & 31, n = (w >>> 5) & 31;
        if (load && t1 == t2) throw undefined(w); // CONSTRAINED UNPREDICTABLE: QEMU makes it undefined too
        long b = base(n);
        long address = mode == 1 ? b : b + offset;
        if (load) {
            long[] a = read(address, size), c = read(address + size, size);
            v[2 * t1] = a[0];
            v[2 * t1 + 1] = a[1];
            v[2 * t2] = c[0];
            v[2 * t2 + 1] = c[1];
        } else {
            write(address, size, t1);
            write(address + size, size, t2);
        }
        if (mode == 1 || mode == 3) setBase(n, b + offset);
    }

    private void register(int w) {
        int sizeBits = w >>> 30;
        int opc = (w >>> 22) & 3;
        int size = 1 << sizeBits;
        if ((opc & 2) != 0) {
            if (sizeBits != 0) throw undefined(w);
            size = 16;
        }
        boolean load = (opc & 1) != 0;
        int t1 = w & 31, n = (w >>> 5) & 31;
        long b = base(n);
        long address;
        boolean writeBack = false;
        long newBase = 0;
        if (((w >>> 24) & 1) != 0) {
            address = b + (long) ((w >>> 10) & 0xfff) * size;
        } else if (((w >>> 21) & 1) == 0) {
            long imm = ((long) (w >>> 12) & 0x1ff) << 55 >> 55;
            int mode = (w >>> 10) & 3;
            if (mode == 2) throw undefined(w); // unprivileged forms do not exist for SIMD
            address = mode == 1 ? b : b + imm;
            writeBack = mode != 0;
            newBase = b + imm;
        } else {
            if (((w >>> 10) & 3) != 2) throw undefined(w);
            int option = (w >>> 13) & 7;
            if ((option & 2) == 0) throw undefined(w);
            long rm = x((w >>> 16) & 31);
            long index;
            switch (option) {
                case 2: index = rm & 0xffffffffL; break;
                case 6: index = (int) rm; break;
                default: index = rm;
            }
            int shift = ((w >>> 12) & 1) != 0 ? Integer.numberOfTrailingZeros(size) : 0;
            address = b + (index << shift);
        }
        if (load) {
            long[] value = read(address, size);
            v[2 * t1] = value[0];
            v[2 * t1 + 1] = value[1];
        } else {
            write(address, size, t1);
        }
        if (writeBack) setBase(n, newBase);
    }

    /** LD1-LD4/ST1-ST4 (multiple structures and single lanes), LD1R-LD4R, with post-index. */
    private void structures(int w) {
        if ((w >>> 31) != 0) throw undefined(w);
        boolean q = ((w >>> 30) & 1) != 0;
        boolean single = ((w >>> 24) & 1) != 0;
        boolean post = ((w >>> 23) & 1) != 0;
        boolean load = ((w >>> 22) & 1) != 0;
        int rm = (w >>> 16) & 31;
        if (!post && rm != 0) throw undefined(w);
        int opcode = (w >>> 12) & 15;
        int sizeBits = (w >>> 10) & 3;
        int n = (w >>> 5) & 31, t1 = w & 31;
        long address = base(n);
        int transferred;
        if (!single) {
            int regs, elements;
            switch (opcode) {
                case 0: regs = 4; elements = 4; break;   // LD4/ST4
                case 2: regs = 4; elements = 1; break;   // LD1/ST1, four registers
                case 4: regs = 3; elements = 3; break;   // LD3/ST3
                case 6: regs = 3; elements = 1; break;
                case 7: regs = 1; elements = 1; break;
                case 8: regs = 2; elements = 2; break;   // LD2/ST2
                case 10: regs = 2; elements = 1; break;
                default: throw undefined(w);
            }
            if (sizeBits == 3 && !q && elements != 1) throw undefined(w);
            int esize = 1 << sizeBits;
            int lanes = (q ? 16 : 8) / esize;
            int count = regs; // registers touched
            if (elements == 1) {
                // Consecutive registers, each filled in order: plain bytes in memory.
                int bytes = q ? 16 : 8;
                if (load) {
                    long[][] values = new long[regs][];
                    for (int r = 0; r < regs; r++) values[r] = read(address + (long) r * bytes, bytes == 16 ? 16 : 8);
                    for (int r = 0; r < regs; r++) {
                        int d = (t1 + r) & 31;
                        v[2 * d] = values[r][0];
                        v[2 * d + 1] = q ? values[r][1] : 0;
                    }
                } else {
                    for (int r = 0; r < regs; r++) write(address + (long) r * bytes, bytes == 16 ? 16 : 8, (t1 + r) & 31);
                }
                transferred = regs * bytes;
            } else {
                // Interleaved: element e of register r is at (e * regs + r) * esize.
                if (load) {
                    long[][] out = new long[count][2];
                    for (int e = 0; e < lanes; e++) {
                        for (int r = 0; r < count; r++) {
                            setLane(out[r], esize, e, cpu.load(address + (long) (e * count + r) * esize, esize, null));
                        }
                    }
                    for (int r = 0; r < count; r++) {
                        int d = (t1 + r) & 31;
                        v[2 * d] = out[r][0];
                        v[2 * d + 1] = q ? out[r][1] : 0;
                    }
                } else {
                    for (int e = 0; e < lanes; e++) {
                        for (int r = 0; r < count; r++) {
                            cpu.store(address + (long) (e * count + r) * esize, esize, lane((t1 + r) & 31, esize, e), null);
                        }
                    }
                }
                transferred = lanes * count * esize;
            }
        } else {
            int r = ((opcode & 1) << 1 | ((w >>> 21) & 1)) + 1; // registers: LD1..LD4
            int scale = opcode >>> 2;
            int s = (w >>> 12) & 1;
            int index;
            int esize;
            boolean replicate = false;
            switch (scale) {
                case 0: esize = 1; index = (q ? 8 : 0) | s << 2 | sizeBits; break;
                case 1:
                    if ((sizeBits & 1) != 0) throw undefined(w);
                    esize = 2; index = (q ? 4 : 0) | s << 1 | sizeBits >>> 1; break;
                case 2:
                    if ((sizeBits & 2) != 0) throw undefined(w);
                    if ((sizeBits & 1) == 0) { esize = 4; index = (q ? 2 : 0) | s; }
                    else { if (s != 0) throw undefined(w); esize = 8; index = q ? 1 : 0; }
                    break;
                default:
                    if (!load || s != 0) throw undefined(w);
                    replicate = true;
                    esize = 1 << sizeBits;
                    index = 0;
            }
            if (replicate) {
                int lanes = (q ? 16 : 8) / esize;
                long[] values = new long[r];
                for (int k = 0; k < r; k++) values[k] = cpu.load(address + (long) k * esize, esize, null);
                for (int k = 0; k < r; k++) {
                    t[0] = 0;
                    t[1] = 0;
                    for (int e = 0; e < lanes; e++) setLane(t, esize, e, values[k]);
                    writeVector((t1 + k) & 31, q);
                }
            } else if (load) {
                long[] values = new long[r];
                for (int k = 0; k < r; k++) values[k] = cpu.load(address + (long) k * esize, esize, null);
                for (int k = 0; k < r; k++) {
                    int d = (t1 + k) & 31;
                    t[0] = v[2 * d];
                    t[1] = v[2 * d + 1];
                    setLane(t, esize, index, values[k]);
                    v[2 * d] = t[0];
                    v[2 * d + 1] = t[1];
                }
            } else {
                for (int k = 0; k < r; k++) cpu.store(address + (long) k * esize, esize, lane((t1 + k) & 31, esize, index), null);
            }
            transferred = r * esize;
        }
        if (post) setBase(n, address + (rm == 31 ? transferred : x(rm)));
    }

    // ================================================================ data processing

    /** Words of the FP/SIMD data-processing space that no class allocates: bit 31 set outside the FP-integer conversions. */
    static boolean unallocatedClass(int w) {
        return (w >>> 31) != 0 && (((w >>> 28) & 1) == 0 || ((w >>> 30) & 1) != 0);
    }

    void dataProcessing(int w) {
        boolean bit28 = ((w >>> 28) & 1) != 0;
        if (bit28 && ((w >>> 30) & 1) == 0) {
            fp.execute(w); // scalar floating point and conversions
            return;
        }
        if (bit28) {
            scalarSimd(w);
            return;
        }
        if ((w >>> 31) != 0) throw undefined(w);
        int op1 = (w >>> 23) & 3;
        int op2 = (w >>> 19) & 15;
        int op3 = (w >>> 10) & 0x1ff;
        boolean q = ((w >>> 30) & 1) != 0;
        if ((op1 & 2) != 0) {
            if ((op3 & 1) == 0) throw undefined(w); // by element: not implemented
            if (op1 == 2 && op2 == 0) modifiedImmediate(w, q);
            else if (op1 == 2) shiftImmediate(w, q, false);
            else throw undefined(w);
            return;
        }
        if ((op2 & 4) == 0) {
            // table lookup, permute, extract, copy
            if (((w >>> 29) & 1) == 0 && ((w >>> 24) & 1) == 0 && (op3 & 0x21) == 0) {
                if ((op3 & 2) == 0) tableLookup(w, q); else permute(w, q);
                return;
            }
            if (((w >>> 29) & 1) == 1 && op1 == 0 && (op3 & 0x21) == 0) {
                extract(w, q);
                return;
            }
            if (op1 == 0 && (op2 & 0xc) == 0 && (op3 & 0x21) == 1) {
                copy(w, q);
                return;
            }
            throw undefined(w);
        }
        int bits20to17 = (w >>> 17) & 15;
        if ((op3 & 1) != 0) {
            threeSame(w, q);
        } else if ((op3 & 3) == 0) {
            threeDifferent(w, q);
        } else if (bits20to17 == 0) {
            twoRegisterMisc(w, q);
        } else if (bits20to17 == 8) {
            acrossLanes(w, q);
        } else {
            throw undefined(w);
        }
    }

    private void copy(int w, boolean q) {
        int imm5 = (w >>> 16) & 31, imm4 = (w >>> 11) & 15;
        boolean op = ((w >>> 29) & 1) != 0;
        int d = w & 31, n = (w >>> 5) & 31;
        int sizeBits = Integer.numberOfTrailingZeros(imm5);
        if (sizeBits > 3) throw undefined(w);
        int esize = 1 << sizeBits;
        int index = imm5 >>> (sizeBits + 1);
        if (op) { // INS (element)
            if (!q) throw undefined(w);
            long value = lane(n, esize, imm4 >>> sizeBits);
            t[0] = v[2 * d];
            t[1] = v[2 * d + 1];
            setLane(t, esize, index, value);
            writeVector(d, true);
            return;
        }
        switch (imm4) {
            case 0: { // DUP (element)
                if (sizeBits == 3 && !q) throw undefined(w);
                long value = lane(n, esize, index);
                fill(esize, value);
                writeVector(d, q);
                return;
            }
            case 1: { // DUP (general)
                if (sizeBits == 3 && !q) throw undefined(w);
                fill(esize, x(n) & mask(esize));
                writeVector(d, q);
                return;
            }
            case 3: { // INS (general)
                if (!q) throw undefined(w);
                t[0] = v[2 * d];
                t[1] = v[2 * d + 1];
                setLane(t, esize, index, x(n));
                writeVector(d, true);
                return;
            }
            case 5: { // SMOV
                if (sizeBits == 3 || (sizeBits == 2 && !q)) throw undefined(w);
                long value = signExtend(lane(n, esize, index), esize);
                setX(d, q ? value : value & 0xffffffffL);
                return;
            }
            case 7: { // UMOV
                if (q != (sizeBits == 3)) throw undefined(w);
                setX(d, lane(n, esize, index));
                return;
            }
            default: throw undefined(w);
        }
    }

    private void fill(int esize, long value) {
        t[0] = 0;
        t[1] = 0;
        for (int e = 0; e < 16 / esize; e++) setLane(t, esize, e, value);
    }

    private void modifiedImmediate(int w, boolean q) {
        boolean op = ((w >>> 29) & 1) != 0;
        int cmode = (w >>> 12) & 15;
        int o2 = (w >>> 11) & 1;
        int d = w & 31;
        long imm8 = ((w >>> 16) & 7) << 5 | (w >>> 5) & 0x1f;
        if (o2 != 0) throw undefined(w);
        if (cmode == 15) { // FMOV (vector, immediate)
            long bits;
            if (!op) {
                long s = FpArithmetic.expandImm32(imm8);
                bits = s | s << 32;
            } else {
                if (!q) throw undefined(w);
                bits = FpArithmetic.expandImm64(imm8);
            }
            t[0] = bits;
            t[1] = bits;
            writeVector(d, q);
            return;
        }
        long imm;
        boolean invert = op;
        int kind; // 0 MOVI/MVNI, 1 ORR, 2 BIC
        if (cmode < 8) { // 32-bit shifted
            imm = imm8 << (8 * (cmode >>> 1));
            imm |= imm << 32;
            kind = (cmode & 1) == 0 ? 0 : (op ? 2 : 1);
        } else if (cmode < 12) { // 16-bit shifted
            imm = imm8 << (8 * ((cmode >>> 1) & 1));
            imm |= imm << 16;
            imm |= imm << 32;
            kind = (cmode & 1) == 0 ? 0 : (op ? 2 : 1);
        } else if (cmode < 14) { // 32-bit shifting ones
            imm = cmode == 12 ? imm8 << 8 | 0xff : imm8 << 16 | 0xffff;
            imm |= imm << 32;
            kind = 0;
        } else if (!op) { // MOVI 8-bit
            imm = imm8 * 0x0101010101010101L;
            kind = 0;
        } else { // MOVI 64-bit: each bit of imm8 a byte of ones
            imm = 0;
            for (int b = 0; b < 8; b++) if (((imm8 >>> b) & 1) != 0) imm |= 0xffL << (8 * b);
            invert = false;
            kind = 0;
        }
        if (kind == 0) {
            long value = invert && !(cmode >= 14) ? ~imm : imm;
            t[0] = value;
            t[1] = value;
        } else if (kind == 1) {
            t[0] = v[2 * d] | imm;
            t[1] = v[2 * d + 1] | imm;
        } else {
            t[0] = v[2 * d] & ~imm;
            t[1] = v[2 * d + 1] & ~imm;
        }
        writeVector(d, q);
    }

    private void permute(int w, boolean q) {
        int sizeBits = (w >>> 22) & 3;
        if (sizeBits == 3 && !q) throw undefined(w);
        int opcode = (w >>> 12) & 7;
        int esize = 1 << sizeBits;
        int lanes = (q ? 16 : 8) / esize;
        int half = lanes / 2;
        int d = w & 31, n = (w >>> 5) & 31, m = (w >>> 16) & 31;
        t[0] = 0;
        t[1] = 0;
        int part = opcode >>> 2; // 0: ...1, 1: ...2
        switch (opcode & 3) {
            case 1: // UZP
                for (int e = 0; e < lanes; e++) {
                    int src = 2 * e + part;
                    setLane(t, esize, e, src < lanes ? lane(n, esize, src) : lane(m, esize, src - lanes));
                }
                break;
            case 2: // TRN
                for (int p = 0; p < half; p++) {
                    setLane(t, esize, 2 * p, lane(n, esize, 2 * p + part));
                    setLane(t, esize, 2 * p + 1, lane(m, esize, 2 * p + part));
                }
                break;
            case 3: // ZIP
                for (int p = 0; p < half; p++) {
                    setLane(t, esize, 2 * p, lane(n, esize, p + part * half));
                    setLane(t, esize, 2 * p + 1, lane(m, esize, p + part * half));
                }
                break;
            default: throw undefined(w);
        }
        writeVector(d, q);
    }

    private void extract(int w, boolean q) {
        int imm4 = (w >>> 11) & 15;
        if (!q && imm4 >= 8) throw undefined(w);
        int bytes = q ? 16 : 8;
        int d = w & 31, n = (w >>> 5) & 31, m = (w >>> 16) & 31;
        t[0] = 0;
        t[1] = 0;
        for (int i = 0; i < bytes; i++) {
            int k = i + imm4;
            setLane(t, 1, i, k < bytes ? lane(n, 1, k) : lane(m, 1, k - bytes));
        }
        writeVector(d, q);
    }

    private void tableLookup(int w, boolean q) {
        int len = ((w >>> 13) & 3) + 1;
        boolean tbx = ((w >>> 12) & 1) != 0;
        int d = w & 31, n = (w >>> 5) & 31, m = (w >>> 16) & 31;
        int bytes = q ? 16 : 8;
        long[] out = {0, 0};
        for (int i = 0; i < bytes; i++) {
            int index = (int) lane(m, 1, i);
            long value;
            if (index < 16 * len) value = lane((n + index / 16) & 31, 1, index % 16);
            else value = tbx ? lane(d, 1, i) : 0;
            setLane(out, 1, i, value);
        }
        t[0] = out[0];
        t[1] = out[1];
        writeVector(d, q);
    }

    // ---------------------------------------------------------------- three registers, same type

    private void threeSame(int w, boolean q) {
        boolean u = ((w >>> 29) & 1) != 0;
        int sizeBits = (w >>> 22) & 3;
        int opcode = (w >>> 11) & 31;
        int d = w & 31, n = (w >>> 5) & 31, m = (w >>> 16) & 31;
        if (opcode == 3) { // logical
            long a0 = v[2 * n], a1 = v[2 * n + 1], b0 = v[2 * m], b1 = v[2 * m + 1], d0 = v[2 * d], d1 = v[2 * d + 1];
            switch ((u ? 4 : 0) | sizeBits) {
                case 0: t[0] = a0 & b0; t[1] = a1 & b1; break;             // AND
                case 1: t[0] = a0 & ~b0; t[1] = a1 & ~b1; break;           // BIC
                case 2: t[0] = a0 | b0; t[1] = a1 | b1; break;             // ORR
                case 3: t[0] = a0 | ~b0; t[1] = a1 | ~b1; break;           // ORN
                case 4: t[0] = a0 ^ b0; t[1] = a1 ^ b1; break;             // EOR
                case 5: t[0] = (d0 & a0) | (~d0 & b0); t[1] = (d1 & a1) | (~d1 & b1); break; // BSL
                case 6: t[0] = (b0 & a0) | (~b0 & d0); t[1] = (b1 & a1) | (~b1 & d1); break; // BIT
                default: t[0] = (~b0 & a0) | (b0 & d0); t[1] = (~b1 & a1) | (b1 & d1); break; // BIF
            }
            writeVector(d, q);
            return;
        }
        if (opcode >= 0x18) throw undefined(w); // floating-point vector arithmetic: not implemented
        if (sizeBits == 3 && (!q || !SIXTY_FOUR_BIT_LANES[opcode])) throw undefined(w);
        int esize = 1 << sizeBits;
        int lanes = (q ? 16 : 8) / esize;
        if (opcode == 0x14 || opcode == 0x15 || opcode == 0x17) { // pairwise
            if (opcode == 0x17 && u) throw undefined(w);
            if (sizeBits == 3 && opcode != 0x17) throw undefined(w);
            long[] out = {0, 0};
            for (int e = 0; e < lanes; e++) {
                int src = 2 * e;
                int reg = src < lanes ? n : m;
                int k = src < lanes ? src : src - lanes;
                long a = lane(reg, esize, k), b = lane(reg, esize, k + 1);
                setLane(out, esize, e, opcode == 0x17 ? a + b : minMax(a, b, esize, u, opcode == 0x14));
            }
            t[0] = out[0];
            t[1] = out[1];
            writeVector(d, q);
            return;
        }
        long[] out = {0, 0};
        for (int e = 0; e < lanes; e++) {
            long a = lane(n, esize, e), b = lane(m, esize, e);
            setLane(out, esize, e, sameLane(w, opcode, u, esize, a, b, lane(d, esize, e)));
        }
        t[0] = out[0];
        t[1] = out[1];
        writeVector(d, q);
    }

    /** Three-same integer opcodes that have a 64-bit-lane form (ADDP is checked on its own). */
    private static final boolean[] SIXTY_FOUR_BIT_LANES = new boolean[32];
    static {
        for (int op : new int[] {0x01, 0x05, 0x06, 0x07, 0x08, 0x10, 0x11, 0x17}) SIXTY_FOUR_BIT_LANES[op] = true;
    }

    private long minMax(long a, long b, int esize, boolean unsigned, boolean max) {
        int c = unsigned ? Long.compareUnsigned(a, b) : Long.compare(signExtend(a, esize), signExtend(b, esize));
        return (max ? c >= 0 : c <= 0) ? a : b;
    }

    /** One lane of a three-same integer op (operands zero-extended). */
    private long sameLane(int w, int opcode, boolean u, int esize, long a, long b, long acc) {
        long sa = signExtend(a, esize), sb = signExtend(b, esize);
        switch (opcode) {
            case 0x00: return halving(a, b, sa, sb, u, 0) & mask(esize);   // SHADD/UHADD
            case 0x02: return halving(a, b, sa, sb, u, 1) & mask(esize);   // SRHADD/URHADD
            case 0x04: return halving(a, b, sa, sb, u, 2) & mask(esize);   // SHSUB/UHSUB
            case 0x01: return saturating(a, b, sa, sb, esize, u, false);   // SQADD/UQADD
            case 0x05: return saturating(a, b, sa, sb, esize, u, true);    // SQSUB/UQSUB
            case 0x06: return (u ? Long.compareUnsigned(a, b) > 0 : sa > sb) ? mask(esize) : 0;   // CMGT/CMHI
            case 0x07: return (u ? Long.compareUnsigned(a, b) >= 0 : sa >= sb) ? mask(esize) : 0; // CMGE/CMHS
            case 0x08: return shiftByRegister(u ? a : sa, (byte) b, esize, u);                     // SSHL/USHL
            case 0x0c: return minMax(a, b, esize, u, true);
            case 0x0d: return minMax(a, b, esize, u, false);
            case 0x0e: return absDiff(a, b, sa, sb, esize, u);
            case 0x0f: return (acc + absDiff(a, b, sa, sb, esize, u)) & mask(esize);
            case 0x10: return (u ? a - b : a + b) & mask(esize);
            case 0x11: return (u ? a == b : (a & b) != 0) ? mask(esize) : 0;                      // CMEQ/CMTST
            case 0x12: return (u ? acc - a * b : acc + a * b) & mask(esize);                       // MLA/MLS
            case 0x13: // MUL, PMUL (bytes, carry-less)
                if (!u) return (a * b) & mask(esize);
                if (esize != 1) throw undefined(w);
                long p = 0;
                for (int i = 0; i < 8; i++) if (((b >>> i) & 1) != 0) p ^= a << i;
                return p & 0xff;
            default: throw undefined(w);
        }
    }

    /** floor((a + b) / 2), floor((a + b + 1) / 2) or floor((a - b) / 2) without the 65th bit. */
    private static long halving(long a, long b, long sa, long sb, boolean unsigned, int kind) {
        long x = unsigned ? a : sa, y = unsigned ? b : sb;
        long hx = unsigned ? x >>> 1 : x >> 1, hy = unsigned ? y >>> 1 : y >> 1;
        switch (kind) {
            case 0: return hx + hy + (x & y & 1);
            case 1: return hx + hy + ((x | y) & 1);
            default: return hx - hy - (~x & y & 1);
        }
    }

    /** Saturating add or subtract of one lane, setting FPSR.QC when it saturated. */
    private long saturating(long a, long b, long sa, long sb, int esize, boolean unsigned, boolean subtract) {
        if (unsigned) {
            if (subtract) {
                if (Long.compareUnsigned(a, b) < 0) { cpu.fpsr |= 1L << 27; return 0; }
                return (a - b) & mask(esize);
            }
            long s = a + b;
            boolean over = esize == 8 ? Long.compareUnsigned(s, a) < 0 : s > mask(esize);
            if (over) { cpu.fpsr |= 1L << 27; return mask(esize); }
            return s;
        }
        long max = esize == 8 ? Long.MAX_VALUE : (1L << (8 * esize - 1)) - 1, min = ~max;
        long s;
        boolean over;
        if (esize == 8) {
            s = subtract ? sa - sb : sa + sb;
            over = subtract ? ((sa ^ sb) & (sa ^ s)) < 0 : ((sa ^ s) & (sb ^ s)) < 0;
            if (over) s = sa < 0 ? min : max;
        } else {
            s = subtract ? sa - sb : sa + sb;
            over = s > max || s < min;
            if (over) s = s > max ? max : min;
        }
        if (over) cpu.fpsr |= 1L << 27;
        return s & mask(esize);
    }

    private long absDiff(long a, long b, long sa, long sb, int esize, boolean u) {
        if (u) return (Long.compareUnsigned(a, b) >= 0 ? a - b : b - a) & mask(esize);
        return (sa >= sb ? sa - sb : sb - sa) & mask(esize);
    }

    private static long shiftByRegister(long value, int shift, int esize, boolean unsigned) {
        int bits = 8 * esize;
        if (shift >= 0) return shift >= bits ? 0 : (value << shift) & mask(esize);
        int right = -shift;
        if (unsigned) return right >= bits ? 0 : (value >>> right) & mask(esize);
        return (right >= bits ? value >> 63 : value >> right) & mask(esize);
    }

    // ---------------------------------------------------------------- three registers, different types

    private void threeDifferent(int w, boolean q) {
        boolean u = ((w >>> 29) & 1) != 0;
        int sizeBits = (w >>> 22) & 3;
        int opcode = (w >>> 12) & 15;
        int d = w & 31, n = (w >>> 5) & 31, m = (w >>> 16) & 31;
        if (sizeBits == 3) throw undefined(w);
        int esize = 1 << sizeBits; // the narrow element
        int wide = 2 * esize;
        int lanes = 8 / esize;
        int part = q ? lanes : 0;
        long[] out = {0, 0};
        switch (opcode) {
            case 0: case 1: case 2: case 3: case 5: case 7: case 8: case 10: case 12: {
                for (int e = 0; e < lanes; e++) {
                    long a = opcode == 1 || opcode == 3 ? lane(n, wide, e) : extend(lane(n, esize, part + e), esize, u);
                    long b = extend(lane(m, esize, part + e), esize, u);
                    long r;
                    switch (opcode) {
                        case 0: case 1: r = a + b; break;
                        case 2: case 3: r = a - b; break;
                        case 5: r = lane(d, wide, e) + Math.abs(a - b); break;
                        case 7: r = Math.abs(a - b); break;
                        case 8: r = lane(d, wide, e) + a * b; break;
                        case 10: r = lane(d, wide, e) - a * b; break;
                        default: r = a * b; break;
                    }
                    setLane(out, wide, e, r & mask(wide));
                }
                t[0] = out[0];
                t[1] = out[1];
                writeVector(d, true);
                return;
            }
            case 4: case 6: { // ADDHN/RADDHN, SUBHN/RSUBHN: the high halves of the wide sums
                t[0] = q ? v[2 * d] : 0;
                t[1] = 0;
                for (int e = 0; e < lanes; e++) {
                    long a = lane(n, wide, e), b = lane(m, wide, e);
                    long r = opcode == 4 ? a + b : a - b;
                    if (u) r += 1L << (8 * esize - 1);
                    setLane(t, esize, part + e, (r >>> (8 * esize)) & mask(esize));
                }
                writeVector(d, q);
                return;
            }
            default: throw undefined(w);
        }
    }

    private static long extend(long value, int esize, boolean unsigned) {
        return unsigned ? value : signExtend(value, esize);
    }

    // ---------------------------------------------------------------- two registers, miscellaneous

    private void twoRegisterMisc(int w, boolean q) {
        boolean u = ((w >>> 29) & 1) != 0;
        int sizeBits = (w >>> 22) & 3;
        int opcode = (w >>> 12) & 31;
        int d = w & 31, n = (w >>> 5) & 31;
        int esize = 1 << sizeBits;
        int lanes = (q ? 16 : 8) / esize;
        long[] out = {0, 0};
        int code = (u ? 32 : 0) | opcode;
        switch (code) {
            case 0x00: case 0x01: case 0x20: { // REV64, REV16, REV32
                int container = code == 0x00 ? 8 : code == 0x01 ? 2 : 4;
                if (esize >= container) throw undefined(w);
                int per = container / esize;
                for (int e = 0; e < lanes; e++) setLane(out, esize, e, lane(n, esize, (e / per) * per + (per - 1 - e % per)));
                break;
            }
            case 0x05: // CNT
                if (sizeBits != 0) throw undefined(w);
                for (int e = 0; e < lanes; e++) setLane(out, 1, e, Long.bitCount(lane(n, 1, e)));
                break;
            case 0x25: // NOT, RBIT
                if (sizeBits == 0) { out[0] = ~v[2 * n]; out[1] = ~v[2 * n + 1]; }
                else if (sizeBits == 1) for (int e = 0; e < (q ? 16 : 8); e++) setLane(out, 1, e, Integer.reverse((int) lane(n, 1, e)) >>> 24);
                else throw undefined(w);
                break;
            case 0x04: case 0x24: // CLS, CLZ
                if (sizeBits == 3) throw undefined(w);
                for (int e = 0; e < lanes; e++) {
                    long a = lane(n, esize, e);
                    int bits = 8 * esize;
                    long r = code == 0x24 ? Long.numberOfLeadingZeros(a) - (64 - bits)
                            : Long.numberOfLeadingZeros(signExtend(a, esize) ^ (signExtend(a, esize) >> 1)) - 1 - (64 - bits);
                    setLane(out, esize, e, r);
                }
                break;
            case 0x08: case 0x09: case 0x0a: case 0x28: case 0x29: // CMGT, CMEQ, CMLT, CMGE, CMLE against zero
                if (sizeBits == 3 && !q) throw undefined(w);
                for (int e = 0; e < lanes; e++) {
                    long a = signExtend(lane(n, esize, e), esize);
                    boolean r = code == 0x08 ? a > 0 : code == 0x09 ? a == 0 : code == 0x0a ? a < 0 : code == 0x28 ? a >= 0 : a <= 0;
                    setLane(out, esize, e, r ? mask(esize) : 0);
                }
                break;
            case 0x0b: case 0x2b: // ABS, NEG
                if (sizeBits == 3 && !q) throw undefined(w);
                for (int e = 0; e < lanes; e++) {
                    long a = signExtend(lane(n, esize, e), esize);
                    setLane(out, esize, e, (code == 0x0b ? Math.abs(a) : -a) & mask(esize));
                }
                break;
            case 0x02: case 0x22: case 0x06: case 0x26: { // SADDLP, UADDLP, SADALP, UADALP
                if (sizeBits == 3) throw undefined(w);
                int wide = 2 * esize;
                for (int e = 0; e < lanes / 2; e++) {
                    long r = extend(lane(n, esize, 2 * e), esize, u) + extend(lane(n, esize, 2 * e + 1), esize, u);
                    if (opcode == 0x06) r += lane(d, wide, e);
                    setLane(out, wide, e, r & mask(wide));
                }
                break;
            }
            case 0x12: case 0x32: case 0x14: case 0x34: { // XTN, SQXTUN, SQXTN, UQXTN (and the "2" forms)
                if (sizeBits == 3) throw undefined(w);
                int wide = 2 * esize;
                int narrowLanes = 8 / esize;
                t[0] = q ? v[2 * d] : 0;
                t[1] = 0;
                for (int e = 0; e < narrowLanes; e++) {
                    long a = lane(n, wide, e);
                    long r;
                    if (code == 0x12) r = a;
                    else if (code == 0x34) r = saturateNarrow(a, wide, esize, false, true);
                    else r = saturateNarrow(signExtend(a, wide), wide, esize, code == 0x14, false);
                    setLane(t, esize, (q ? narrowLanes : 0) + e, r & mask(esize));
                }
                writeVector(d, q);
                return;
            }
            default: throw undefined(w);
        }
        t[0] = out[0];
        t[1] = out[1];
        writeVector(d, q);
    }

    /** A wide lane narrowed with saturation to a signed (or unsigned) narrow range, setting FPSR.QC when it saturated. */
    private long saturateNarrow(long a, int wide, int esize, boolean signedResult, boolean unsignedSource) {
        int bits = 8 * esize;
        long max = signedResult ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        long min = signedResult ? -(1L << (bits - 1)) : 0;
        boolean over;
        long r;
        if (unsignedSource) {
            over = Long.compareUnsigned(a, max) > 0;
            r = over ? max : a;
        } else {
            over = a > max || a < min;
            r = a > max ? max : a < min ? min : a;
        }
        if (over) cpu.fpsr |= 1L << 27;
        return r;
    }

    private void acrossLanes(int w, boolean q) {
        boolean u = ((w >>> 29) & 1) != 0;
        int sizeBits = (w >>> 22) & 3;
        int opcode = (w >>> 12) & 31;
        int d = w & 31, n = (w >>> 5) & 31;
        if (sizeBits == 3 || (sizeBits == 2 && !q)) throw undefined(w);
        int esize = 1 << sizeBits;
        int lanes = (q ? 16 : 8) / esize;
        switch (opcode) {
            case 0x03: { // SADDLV, UADDLV
                long sum = 0;
                for (int e = 0; e < lanes; e++) sum += extend(lane(n, esize, e), esize, u);
                writeScalar(d, 2 * esize, sum);
                return;
            }
            case 0x0a: case 0x1a: { // SMAXV/UMAXV, SMINV/UMINV
                long r = lane(n, esize, 0);
                for (int e = 1; e < lanes; e++) r = minMax(r, lane(n, esize, e), esize, u, opcode == 0x0a);
                writeScalar(d, esize, r);
                return;
            }
            case 0x1b: { // ADDV
                if (u) throw undefined(w);
                long sum = 0;
                for (int e = 0; e < lanes; e++) sum += lane(n, esize, e);
                writeScalar(d, esize, sum);
                return;
            }
            default: throw undefined(w);
        }
    }

    // ---------------------------------------------------------------- shifts by immediate

    private void shiftImmediate(int w, boolean q, boolean scalar) {
        boolean u = ((w >>> 29) & 1) != 0;
        int immh = (w >>> 19) & 15, immb = (w >>> 16) & 7;
        int opcode = (w >>> 11) & 31;
        int d = w & 31, n = (w >>> 5) & 31;
        int hb = 31 - Integer.numberOfLeadingZeros(immh); // 0..3
        int esize = 1 << hb;
        int bits = 8 * esize;
        int immhb = immh << 3 | immb;
        int rightShift = 2 * bits - immhb;
        int leftShift = immhb - bits;
        if (scalar && hb != 3 && opcode != 0x10 && opcode != 0x11) throw undefined(w);
        if (opcode == 0x10 || opcode == 0x11 || opcode == 0x14) { // SHRN/RSHRN, SSHLL/USHLL: narrow or widen
            if (hb == 3 || scalar) throw undefined(w);
            int lanes = 8 / esize;
            int part = q ? lanes : 0;
            if (opcode == 0x14) {
                long[] out = {0, 0};
                for (int e = 0; e < lanes; e++) {
                    long a = extend(lane(n, esize, part + e), esize, u);
                    setLane(out, 2 * esize, e, (a << leftShift) & mask(2 * esize));
                }
                t[0] = out[0];
                t[1] = out[1];
                writeVector(d, true);
                return;
            }
            // SHRN, RSHRN; with U set SQSHRUN, SQRSHRUN (signed source, unsigned saturated result)
            int narrowShift = rightShift; // immh names the narrow element here
            boolean round = opcode == 0x11;
            t[0] = q ? v[2 * d] : 0;
            t[1] = 0;
            for (int e = 0; e < lanes; e++) {
                long a = lane(n, 2 * esize, e);
                long r;
                if (u) {
                    long x = signExtend(a, 2 * esize);
                    x = round ? ((x >> (narrowShift - 1)) + 1) >> 1 : x >> narrowShift;
                    r = saturateNarrow(x, 2 * esize, esize, false, false);
                } else {
                    r = round ? ((a >>> (narrowShift - 1)) + 1) >>> 1 : a >>> narrowShift;
                }
                setLane(t, esize, part + e, r & mask(esize));
            }
            writeVector(d, q);
            return;
        }
        if (hb == 3 && !q && !scalar) throw undefined(w);
        int lanes = scalar ? 1 : (q ? 16 : 8) / esize;
        long[] out = {0, 0};
        for (int e = 0; e < lanes; e++) {
            long a = lane(n, esize, e);
            long r;
            switch (opcode) {
                case 0x00: case 0x02: case 0x04: case 0x06: { // SSHR/USHR, SSRA/USRA, SRSHR/URSHR, SRSRA/URSRA
                    long x = u ? a : signExtend(a, esize);
                    boolean round = opcode == 0x04 || opcode == 0x06;
                    r = shiftRight(x, rightShift, u, round, esize);
                    if (opcode == 0x02 || opcode == 0x06) r += lane(d, esize, e);
                    break;
                }
                case 0x08: { // SRI
                    if (!u) throw undefined(w);
                    long m = rightShift >= bits ? 0 : mask(esize) >>> rightShift;
                    r = (lane(d, esize, e) & ~m) | ((rightShift >= bits ? 0 : a >>> rightShift) & m);
                    break;
                }
                case 0x0a: { // SHL, SLI
                    long shifted = a << leftShift;
                    r = u ? (lane(d, esize, e) & ~(mask(esize) << leftShift)) | shifted : shifted;
                    break;
                }
                default: throw undefined(w);
            }
            setLane(out, esize, e, r & mask(esize));
        }
        t[0] = out[0];
        t[1] = scalar ? 0 : out[1];
        writeVector(d, q || scalar);
        if (scalar) v[2 * d + 1] = 0;
    }

    private static long shiftRight(long x, int shift, boolean unsigned, boolean round, int esize) {
        // Lanes of up to 32 bits never overflow a long; 64-bit rounding needs the carry out.
        if (shift >= 64) return round ? 0 : unsigned ? 0 : x >> 63;
        long r = unsigned ? x >>> shift : x >> shift;
        if (round) r += (x >>> (shift - 1)) & 1;
        return r;
    }

    // ---------------------------------------------------------------- scalar SIMD

    private void scalarSimd(int w) {
        int op1 = (w >>> 23) & 3;
        int op2 = (w >>> 19) & 15;
        int op3 = (w >>> 10) & 0x1ff;
        int d = w & 31, n = (w >>> 5) & 31;
        if (op1 == 2 && (op3 & 1) == 1 && op2 != 0) {
            shiftImmediate(w, true, true);
            return;
        }
        if (op1 == 0 && (op2 & 0xc) == 0 && (op3 & 0x21) == 1 && ((w >>> 29) & 1) == 0 && ((op3 >>> 1) & 15) == 0) {
            // DUP (element), scalar: mov Bd/Hd/Sd/Dd, Vn.T[i]
            int imm5 = (w >>> 16) & 31;
            int sizeBits = Integer.numberOfTrailingZeros(imm5);
            if (sizeBits > 3) throw undefined(w);
            int esize = 1 << sizeBits;
            writeScalar(d, esize, lane(n, esize, imm5 >>> (sizeBits + 1)));
            return;
        }
        if ((op1 & 2) == 0 && (op2 & 4) != 0) {
            boolean u = ((w >>> 29) & 1) != 0;
            int sizeBits = (w >>> 22) & 3;
            if ((op3 & 1) == 1) { // three same, 64-bit lanes only here
                int opcode = (w >>> 11) & 31;
                if (sizeBits != 3 || (opcode != 0x10 && opcode != 0x11 && opcode != 0x06 && opcode != 0x07 && opcode != 0x08)) throw undefined(w);
                int m = (w >>> 16) & 31;
                writeScalar(d, 8, sameLane(w, opcode, u, 8, v[2 * n], v[2 * m], v[2 * d]));
                return;
            }
            int bits20to17 = (w >>> 17) & 15;
            if ((op3 & 3) == 2 && bits20to17 == 8 && ((w >>> 12) & 31) == 0x1b && !u && sizeBits == 3) { // ADDP Dd, Vn.2D
                writeScalar(d, 8, v[2 * n] + v[2 * n + 1]);
                return;
            }
            if ((op3 & 3) == 2 && bits20to17 == 0) { // two-register misc, 64-bit: CMxx #0, ABS, NEG
                int opcode = (w >>> 12) & 31;
                int code = (u ? 32 : 0) | opcode;
                if (sizeBits != 3) throw undefined(w);
                long a = v[2 * n];
                long r;
                switch (code) {
                    case 0x08: r = a > 0 ? -1 : 0; break;
                    case 0x09: r = a == 0 ? -1 : 0; break;
                    case 0x0a: r = a < 0 ? -1 : 0; break;
                    case 0x28: r = a >= 0 ? -1 : 0; break;
                    case 0x29: r = a <= 0 ? -1 : 0; break;
                    case 0x0b: r = Math.abs(a); break;
                    case 0x2b: r = -a; break;
                    default: throw undefined(w);
                }
                writeScalar(d, 8, r);
                return;
            }
        }
        throw undefined(w);
    }
}
