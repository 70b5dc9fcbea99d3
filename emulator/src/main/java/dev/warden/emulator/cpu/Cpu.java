package dev.warden.emulator.cpu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One AArch64 core at EL0/EL1: the register file, PSTATE, the EL1 system registers, exceptions,
 * the stage-1 MMU with software TLBs, and an interpreter over pre-decoded pages. It knows nothing
 * of the board or of a hypervisor: memory goes through a {@link MemoryPort}, and HVC, SMC, WFI,
 * unanswered data accesses and foreign system registers leave through a {@link TrapHandler} and
 * {@link SysregDevice}s. See package-info for the contract.
 */
public final class Cpu {

    private static final long M32 = 0xffffffffL;
    private static final int TLB_SIZE = 1024;
    private static final int TLB_MASK = TLB_SIZE - 1;
    /** Keeps the page bits and the two low bits of the PC, so a misaligned PC misses the fetch cache. */
    private static final long FETCH_MASK = ~0xffcL;
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    // Exception classes (ESR_ELx.EC).
    static final int EC_UNKNOWN = 0x00, EC_FP_ACCESS = 0x07, EC_ILLEGAL_STATE = 0x0e, EC_SVC = 0x15, EC_HVC = 0x16, EC_SMC = 0x17,
            EC_IABORT_LOWER = 0x20, EC_IABORT_SAME = 0x21, EC_PC_ALIGNMENT = 0x22,
            EC_DABORT_LOWER = 0x24, EC_DABORT_SAME = 0x25, EC_BRK = 0x3c;
    private static final int ACCESS_READ = 0, ACCESS_WRITE = 1, ACCESS_EXEC = 2;

    /** Unwinds the interpreter out of an instruction that raised an exception or stopped. */
    private static final class Unwind extends RuntimeException {
        Unwind() { super(null, null, false, false); }
    }
    private static final Unwind UNWIND = new Unwind();

    /** System property {@code warden.translate}: false makes every new core interpret only. */
    static boolean translationByDefault() {
        // read for every new core, so a test can run a whole suite interpreter-only in the same JVM
        return !"false".equalsIgnoreCase(System.getProperty("warden.translate", "true"));
    }
    /**
     * System property {@code warden.perf.slowdown}: extra work per executed instruction, for
     * checking that the performance gate notices a slower core. Zero (no extra work) unless set.
     */
    private static final int SLOWDOWN = Integer.getInteger("warden.perf.slowdown", 0);
    private static long slowdownSink;
    /**
     * System property {@code warden.debug.exceptions}: the first N exceptions every core takes
     * are printed to stderr (vector, ESR, ELR, FAR), for finding what a guest hit first.
     */
    private static final int DEBUG_EXCEPTIONS = Integer.getInteger("warden.debug.exceptions", 0);
    private int debugExceptionsPrinted;

    private enum Power { RUNNING, WAITING, HALTED }

    private final long mpidr;
    private final MemoryPort port;
    private TrapHandler traps = TrapHandler.NONE;
    private java.util.function.Consumer<Cpu> tlbBroadcast = cpu -> { };
    private final List<SysregDevice> sysregDevices = new ArrayList<>();
    private final Map<Integer, SysregDevice> sysregRoutes = new HashMap<>();
    private CodeCache codeCache = new CodeCache();
    private int seenCodeGeneration;

    // Register file: see Op for the index convention.
    final long[] r = new long[34];
    long pc;
    int nzcv;
    private int daif;
    int el;
    private int spSel;
    private boolean illegalState;
    private long spEl0, spEl1;

    // EL1 system registers held by the core.
    private long sctlr, tcr, ttbr0, ttbr1, mair, amair, vbar, elr, spsr, esr, far, par, cpacr;
    private long contextidr, tpidrEl0, tpidrEl1, tpidrroEl0, mdscr, actlr, afsr0, afsr1, csselr;
    /** FPCR and FPSR: the FP/SIMD unit reads the rounding controls and sets the cumulative flags. */
    long fpcr, fpsr;
    /** The 32 FP/SIMD registers V0..V31, 128 bits each: v[2n] the low half of Vn, v[2n + 1] the high half. */
    final long[] v = new long[64];
    private final SimdUnit simd = new SimdUnit(this);

    private boolean irqLine;
    /** Set while the host (not the guest) reads or writes a system register. */
    private boolean hostAccess;
    private boolean attention;
    private boolean exitRequested;
    private boolean stopped;
    private Power power = Power.HALTED;
    long icount;
    private boolean monitorValid;
    private long monitorAddress;
    private final DataAccess access = new DataAccess();
    /** The debug system registers (op0 = 2) other than MDSCR_EL1: held as written. */
    private final Map<Integer, Long> debugRegisters = new HashMap<>();
    private long undefinedCount;
    private int firstUndefinedWord;
    private long firstUndefinedPc;

    // Software TLBs, one per access kind; a tag is the virtual page with the EL in bit 0.
    // Translated code reads them too (readSlot, writeSlot).
    final long[] rTag = new long[TLB_SIZE];
    final byte[][] rArr = new byte[TLB_SIZE][];
    final int[] rOff = new int[TLB_SIZE];
    final long[] wTag = new long[TLB_SIZE];
    final byte[][] wArr = new byte[TLB_SIZE][];
    final int[] wOff = new int[TLB_SIZE];
    private final CodePage[] wCode = new CodePage[TLB_SIZE];
    private final long[] xTag = new long[TLB_SIZE];
    private final CodePage[] xCode = new CodePage[TLB_SIZE];
    private long fetchPage = -1;
    private Op[] fetchOps;
    private CodePage fetchCode;

    /** Whether hot code is compiled to JVM bytecode; false runs the interpreter only (the reference). */
    private boolean translating = translationByDefault();
    /** Interpreted executions of an instruction before a translation is entered there. */
    private int translationThreshold = 32;
    private long translations;

    /**
     * @param mpidr the affinity fields of MPIDR_EL1 (Aff3..Aff0); bit 31 (RES1) is added on reads
     * @param port  where accesses go after stage-1 translation
     */
    public Cpu(long mpidr, MemoryPort port) {
        this.mpidr = mpidr;
        this.port = port;
        flushTlb();
    }

    public void setTrapHandler(TrapHandler traps) { this.traps = traps; }

    /**
     * Who hears this core's broadcast TLB invalidations (TLBI ... IS): the other cores of the
     * inner-shareable domain, which must forget their translations too.
     */
    public void setTlbBroadcast(java.util.function.Consumer<Cpu> listener) { this.tlbBroadcast = listener; }

    /**
     * Clears the local exclusive monitor, as the global monitor does when another core may have
     * written in between: the next STXR fails and its loop retries with fresh data.
     */
    public void clearExclusiveMonitor() { monitorValid = false; }

    public void addSysregDevice(SysregDevice device) {
        sysregDevices.add(device);
        sysregRoutes.clear();
    }

    /** Shares a code cache with other cores of the same board. */
    public void setCodeCache(CodeCache cache) {
        this.codeCache = cache;
        flushTlb();
    }

    public CodeCache codeCache() { return codeCache; }

    /**
     * Switches the translation of hot code to JVM bytecode on or off for this core (default: the
     * system property {@code warden.translate}, true unless it says false). Both give the same
     * registers, memory, instruction counts and exits; off is the reference interpreter.
     */
    public void setTranslation(boolean on) {
        translating = on;
        fetchPage = -1;
    }

    public boolean isTranslating() { return translating; }

    /** Regions of hot code this core has translated (tests check that what they compare really ran translated). */
    public long translationCount() { return translations; }

    /**
     * How many times the interpreter runs an instruction before hot code starting there is
     * translated (default 32; 1 translates everything on first sight, as equivalence tests do).
     */
    public void setTranslationThreshold(int executions) {
        if (executions < 1) throw new IllegalArgumentException("threshold must be at least 1, got " + executions);
        translationThreshold = executions;
    }

    // ================================================================ the API the board calls

    /**
     * Resets the core as a power-on or PSCI CPU_ON does: registers zero, system registers at
     * their reset values, the given PC and PSTATE (SPSR layout; QEMU starts EL1 kernels with 0x400003c5).
     */
    public void reset(long startPc, long pstate) {
        Arrays.fill(r, 0);
        spEl0 = spEl1 = 0;
        sctlr = 0x00c50838L;
        tcr = ttbr0 = ttbr1 = mair = amair = vbar = elr = spsr = esr = far = par = cpacr = 0;
        contextidr = tpidrEl0 = tpidrEl1 = tpidrroEl0 = mdscr = actlr = afsr0 = afsr1 = csselr = fpcr = fpsr = 0;
        debugRegisters.clear();
        Arrays.fill(v, 0);
        monitorValid = false;
        illegalState = false;
        exitRequested = false;
        setPstate(pstate);
        pc = startPc;
        power = Power.RUNNING;
        raiseAttention();
        flushTlb();
    }

    /**
     * Executes up to {@code maxInstructions} and returns how many it executed. Returns early when
     * the core waits in WFI with nothing pending, is halted, or a hook asked it to stop or exit.
     */
    public long run(long maxInstructions) {
        long executed = translating ? runTranslated(maxInstructions) : interpret(maxInstructions);
        if (SLOWDOWN > 0) burn(executed * SLOWDOWN);
        return executed;
    }

    private static void burn(long units) {
        long x = slowdownSink;
        for (long i = 0; i < units; i++) x = x * 6364136223846793005L + 1442695040888963407L;
        slowdownSink = x;
    }

    /** The reference interpreter: {@link #run} with translation off. */
    private long interpret(long maxInstructions) {
        if (codeCache.generation() != seenCodeGeneration) flushTlb();
        long start = icount;
        long limit = start + maxInstructions;
        raiseAttention();
        // The PC and the count live in locals while the hot kinds below run; the fields are
        // written back before anything that may look at them (hooks, devices, exceptions).
        long p = pc;
        long n = icount;
        final long[] r = this.r;
        while (n < limit) {
            if ((p & FETCH_MASK) != fetchPage) {
                pc = p;
                icount = n;
                if (attention) {
                    if (!serviceAttention()) {
                        p = pc;
                        break;
                    }
                } else if (!refillFetch(p)) {
                    // The fetch faulted into a vector; count it, so a vector that faults too cannot spin forever.
                    icount = ++n;
                }
                p = pc;
                continue;
            }
            Op op = fetchOps[(int) (p >>> 2) & 1023];
            n++;
            // The commonest kinds of compiled loops run here, inside the loop the JIT compiles as one piece.
            switch (op.kind) {
                case Op.ADD_I: r[op.rd] = (r[op.rn] + op.imm) & op.mask; p += 4; continue;
                case Op.SUB_I: r[op.rd] = (r[op.rn] - op.imm) & op.mask; p += 4; continue;
                case Op.SUBS_I: r[op.rd] = addFlags(r[op.rn], ~op.imm, 1, op.sf); p += 4; continue;
                case Op.MOV_R: r[op.rd] = r[op.rm] & op.mask; p += 4; continue;
                case Op.MOV_I: r[op.rd] = op.imm; p += 4; continue;
                case Op.EOR_R: r[op.rd] = (r[op.rn] ^ operand2(op)) & op.mask; p += 4; continue;
                case Op.ADD_R: r[op.rd] = (r[op.rn] + shifted(op)) & op.mask; p += 4; continue;
                case Op.SUBS_R: r[op.rd] = addFlags(r[op.rn], ~shifted(op), 1, op.sf); p += 4; continue;
                case Op.BCOND: p += condition(op.cond) ? op.imm : 4; continue;
                case Op.SUBS_I_BCOND: case Op.SUBS_R_BCOND: case Op.ADDS_I_BCOND: {
                    long b = op.kind == Op.SUBS_R_BCOND ? ~shifted(op) : op.kind == Op.SUBS_I_BCOND ? ~op.imm : op.imm;
                    r[op.rd] = addFlags(r[op.rn], b, op.kind == Op.ADDS_I_BCOND ? 0 : 1, op.sf);
                    if (n < limit) { // room for the branch in this run
                        n++;
                        p += condition(op.branchCond) ? 4 + op.branchOffset : 8;
                    } else {
                        p += 4;
                    }
                    continue;
                }
                case Op.B: p += op.imm; continue;
                case Op.CBZ: p += (r[op.rn] & op.mask) == 0 ? op.imm : 4; continue;
                case Op.CBNZ: p += (r[op.rn] & op.mask) != 0 ? op.imm : 4; continue;
                case Op.TBZ: p += (r[op.rn] & op.mask) == 0 ? op.imm : 4; continue;
                case Op.TBNZ: p += (r[op.rn] & op.mask) != 0 ? op.imm : 4; continue;
                case Op.BL: r[30] = p + 4; p += op.imm; continue;
                case Op.RET: case Op.BR: p = r[op.rn]; continue;
                case Op.AND_I: r[op.rd] = r[op.rn] & op.imm; p += 4; continue;
                case Op.ORR_I: r[op.rd] = (r[op.rn] | op.imm) & op.mask; p += 4; continue;
                case Op.AND_R: r[op.rd] = (r[op.rn] & operand2(op)) & op.mask; p += 4; continue;
                case Op.ORR_R: r[op.rd] = (r[op.rn] | operand2(op)) & op.mask; p += 4; continue;
                case Op.UBFX: r[op.rd] = (r[op.rn] >>> op.shift) & op.imm; p += 4; continue;
                case Op.UBFIZ: r[op.rd] = ((r[op.rn] & op.imm) << op.shift) & op.mask; p += 4; continue;
                case Op.CSEL: r[op.rd] = (condition(op.cond) ? r[op.rn] : r[op.rm]) & op.mask; p += 4; continue;
                case Op.CSINC: r[op.rd] = (condition(op.cond) ? r[op.rn] : r[op.rm] + 1) & op.mask; p += 4; continue;
                case Op.ADRP: r[op.rd] = (p & ~0xfffL) + op.imm; p += 4; continue;
                case Op.LD_OFF: case Op.ST_OFF: case Op.LDP: case Op.STP: case Op.LD_POST: case Op.LD_REG:
                case Op.LD_PRE: case Op.ST_PRE: case Op.ST_POST:
                    if (memoryFastPath(op)) {
                        p += 4;
                        continue;
                    }
                    break;
                default: break;
            }
            pc = p;
            icount = n;
            try {
                execute(op);
            } catch (Unwind u) {
                if (stopped) {
                    stopped = false;
                    p = pc;
                    n = icount - 1; // the instruction did not complete
                    break;
                }
            }
            p = pc;
            n = icount;
        }
        pc = p;
        icount = n;
        return icount - start;
    }

    /**
     * The run loop with translation on: where translated code starts at the PC it runs (as far as
     * the budget and its own exits allow), elsewhere the interpreter executes one instruction and
     * counts it towards translating the code that starts there. Interrupts, halts and exit
     * requests are looked at between the two, exactly where the interpreter looks at them.
     */
    private long runTranslated(long maxInstructions) {
        if (codeCache.generation() != seenCodeGeneration) flushTlb();
        long start = icount;
        long limit = start + maxInstructions;
        raiseAttention();
        long p = pc;
        long n = icount;
        while (n < limit) {
            if ((p & FETCH_MASK) != fetchPage) {
                pc = p;
                icount = n;
                if (attention) {
                    if (!serviceAttention()) {
                        p = pc;
                        break;
                    }
                } else if (!refillFetch(p)) {
                    icount = ++n;
                }
                p = pc;
                continue;
            }
            CodePage code = fetchCode;
            if (code.entries == null) code.prepareTranslation();
            int w = (int) (p >>> 2) & 1023;
            TranslatedBlock block = code.entries[w];
            long virtualPage = p & ~0xfffL;
            if (block == null || block.virtualPage != virtualPage) {
                int heat = code.heat[w];
                if (heat != CodePage.NEVER) {
                    code.heat[w] = ++heat;
                    if (heat >= translationThreshold) {
                        block = Translator.translate(code.ops, w, virtualPage);
                        if (block == null) code.heat[w] = CodePage.NEVER;
                        else translations++;
                        code.entries[w] = block;
                    }
                }
            }
            if (block != null && block.virtualPage == virtualPage) {
                long before = n;
                n = block.run(this, n, limit);
                p = pc;
                if (stopped) { // an instruction the translated code handed to the interpreter stopped the core
                    stopped = false;
                    break;
                }
                if (n != before) continue;
                // The budget does not cover the first block: the interpreter finishes the count.
            }
            Op op = fetchOps[w];
            pc = p;
            icount = ++n;
            try {
                execute(op);
            } catch (Unwind u) {
                if (stopped) {
                    stopped = false;
                    p = pc;
                    n = icount - 1; // the instruction did not complete
                    break;
                }
            }
            p = pc;
            n = icount;
        }
        pc = p;
        icount = n;
        return icount - start;
    }

    // ================================================================ what translated code calls

    /** The read TLB slot for {@code size} bytes at {@code va} within one page, or -1: the interpreter must do the access. */
    int readSlot(long va, int size) {
        int i = (int) (va >>> 12) & TLB_MASK;
        return rTag[i] == ((va & ~0xfffL) | el) && ((int) va & 0xfff) + size <= 4096 ? i : -1;
    }

    /** As {@link #readSlot} for a write; -1 too for a page that holds decoded code (the interpreter re-decodes it). */
    int writeSlot(long va, int size) {
        int i = (int) (va >>> 12) & TLB_MASK;
        return wTag[i] == ((va & ~0xfffL) | el) && ((int) va & 0xfff) + size <= 4096 && wCode[i] == null ? i : -1;
    }

    /** What translated code's page caches hold before their first fill. */
    static final byte[] NO_PAGE = new byte[0];

    static long ramRead1(byte[] a, int o) { return a[o] & 0xffL; }
    static long ramRead2(byte[] a, int o) { return (short) LE16.get(a, o) & 0xffffL; }
    static long ramRead4(byte[] a, int o) { return (int) LE32.get(a, o) & M32; }
    static long ramRead8(byte[] a, int o) { return (long) LE64.get(a, o); }
    static void ramWrite1(byte[] a, int o, long v) { a[o] = (byte) v; }
    static void ramWrite2(byte[] a, int o, long v) { LE16.set(a, o, (short) v); }
    static void ramWrite4(byte[] a, int o, long v) { LE32.set(a, o, (int) v); }
    static void ramWrite8(byte[] a, int o, long v) { LE64.set(a, o, v); }

    /** Executes a data-processing op that only reads and writes registers and flags, for translated code. */
    void executeFallback(Op op) {
        execute(op);
    }

    /**
     * Executes, for translated code, an instruction it does not complete on its own (a load or
     * store that missed the TLB, a system or exclusive instruction), with the PC on it, the count
     * including it and the registers and flags in the fields, exactly as the interpreter's run
     * loop does. True when the translated code may go on after it: the instruction completed, went
     * on to the next word, and raised no exception, interrupt or exit request, flushed no TLB and
     * rewrote no code of the page it runs from (each of these resets fetchPage).
     */
    boolean stepFromTranslation(Op op) {
        long next = pc + 4;
        try {
            execute(op);
        } catch (Unwind u) {
            if (stopped) icount--; // the instruction did not complete; runTranslated sees `stopped`
            return false;
        }
        return fetchPage != -1 && pc == next;
    }

    /**
     * Takes a pending, unmasked interrupt now, as the core does before its next instruction.
     * Returns whether the core would execute an instruction. A tracer calls this before it
     * records the register file, so the record shows the instruction that actually runs next.
     */
    public boolean poll() {
        if (!attention) return power == Power.RUNNING;
        boolean ready = serviceAttention();
        if (!ready) raiseAttention();
        else fetchPage = -1;
        return ready;
    }

    /** True while the core does not execute: waiting in WFI, halted, or never started. */
    public boolean isHalted() { return power != Power.RUNNING; }

    public boolean isWaitingForInterrupt() { return power == Power.WAITING; }

    /** Stops the core until the next {@link #reset}: CPU_OFF, SYSTEM_OFF, a parked CPU. */
    public void halt() {
        power = Power.HALTED;
        raiseAttention();
    }

    /** Makes {@link #run} return after the current instruction. */
    public void requestExit() {
        exitRequested = true;
        raiseAttention();
    }

    /** The interrupt request input (from the GIC CPU interface). */
    public void setIrqLine(boolean level) {
        if (level != irqLine) {
            irqLine = level;
            if (level) traps.interruptArrived(this);
            raiseAttention();
        }
    }

    public boolean irqLine() { return irqLine; }

    /** Instructions this core has executed since it was created. */
    public long instructionCount() { return icount; }

    public long mpidr() { return mpidr; }

    public long pc() { return pc; }

    public void setPc(long value) {
        pc = value;
        raiseAttention();
    }

    /** x0..x30; 31 reads as zero. */
    public long x(int n) { return n >= 31 ? 0 : r[n]; }

    public void setX(int n, long value) { if (n < 31) r[n] = value; }

    public long sp() { return r[Op.SP]; }

    public int exceptionLevel() { return el; }

    public long pstate() {
        return (long) nzcv << 28 | (illegalState ? 1L << 20 : 0) | (long) daif << 6 | (long) el << 2 | spSel;
    }

    /** Reads a system register as the core's own MRS at EL1 would (debuggers, reset code of a hypervisor). */
    public long readSystemRegister(int key) {
        int saved = el;
        hostAccess = true;
        el = 1;
        try {
            return readSysreg(key, Op.SINK);
        } finally {
            el = saved;
            hostAccess = false;
        }
    }

    /** Writes a system register as the core's own MSR at EL1 would. */
    public void writeSystemRegister(int key, long value) {
        int saved = el;
        hostAccess = true;
        el = 1;
        try {
            writeSysreg(key, value, Op.ZR);
        } finally {
            if (el == 1) el = saved;
            hostAccess = false;
        }
    }

    public Registers registers() {
        return new Registers(Arrays.copyOf(r, 31), r[Op.SP], pc, pstate(), elr, spsr, esr, far);
    }

    /** Forgets every cached translation (TLBI, or a change of the translation registers). */
    public void flushTlb() {
        Arrays.fill(rTag, -1L);
        Arrays.fill(wTag, -1L);
        Arrays.fill(xTag, -1L);
        Arrays.fill(rArr, null);
        Arrays.fill(wArr, null);
        Arrays.fill(wCode, null);
        Arrays.fill(xCode, null);
        fetchPage = -1;
        seenCodeGeneration = codeCache.generation();
    }

    // ================================================================ PSTATE and exceptions

    private void setPstate(long value) {
        saveSp();
        nzcv = (int) (value >>> 28) & 0xf;
        daif = (int) (value >>> 6) & 0xf;
        int mode = (int) value & 0x1f;
        if (mode == 0 || mode == 4 || mode == 5) {
            el = mode >>> 2;
            spSel = mode & 1;
            illegalState = ((value >>> 20) & 1) != 0;
        } else {
            illegalState = true;
        }
        loadSp();
        fetchPage = -1;
        raiseAttention();
    }

    private boolean usingSpEl0() { return el == 0 || spSel == 0; }

    private void saveSp() {
        if (usingSpEl0()) spEl0 = r[Op.SP];
        else spEl1 = r[Op.SP];
    }

    private void loadSp() {
        r[Op.SP] = usingSpEl0() ? spEl0 : spEl1;
    }

    /** Makes the interpreter look at interrupts, halts and exit requests before the next instruction. */
    private void raiseAttention() {
        attention = true;
        fetchPage = -1; // the fetch check is the only per-instruction test: make it fail
    }

    private boolean serviceAttention() {
        attention = false;
        if (power == Power.HALTED) return false;
        if (exitRequested) {
            exitRequested = false;
            return false;
        }
        if (irqLine && (daif & 2) == 0) {
            power = Power.RUNNING;
            takeException(0x80, pc, 0, 0, 0, false);
        } else if (power == Power.WAITING) {
            if (!irqLine) return false;
            power = Power.RUNNING;
        }
        if (illegalState) takeException(0, pc, EC_ILLEGAL_STATE, 0, 0, false);
        return true;
    }

    /** Enters EL1 at the vector for {@code type} (0 synchronous, 0x80 IRQ). */
    private void takeException(int type, long returnAddress, int ec, int iss, long faultAddress, boolean farValid) {
        long saved = pstate();
        int fromEl = el;
        if (debugExceptionsPrinted < DEBUG_EXCEPTIONS) {
            debugExceptionsPrinted++;
            System.err.printf("cpu %x: exception type 0x%x from EL%d at 0x%016x ec 0x%x iss 0x%x far 0x%x icount %d%n",
                    mpidr, type, el, returnAddress, ec, iss, faultAddress, icount);
        }
        int fromSpSel = spSel;
        saveSp();
        spsr = saved;
        elr = returnAddress;
        if (type == 0) {
            esr = (long) ec << 26 | 1L << 25 | (iss & 0x1ffffffL);
            if (farValid) far = faultAddress;
        }
        el = 1;
        spSel = 1;
        daif = 0xf;
        // The handler cannot rely on the flags (they are saved in SPSR_EL1); QEMU, the oracle, clears them.
        nzcv = 0;
        illegalState = false;
        loadSp();
        long offset = fromEl == 0 ? 0x400 : fromSpSel == 0 ? 0 : 0x200;
        pc = (vbar & ~0x7ffL) + offset + type;
        fetchPage = -1;
        raiseAttention();
    }

    /** Raises a synchronous exception for the instruction at the PC and abandons it. */
    private RuntimeException fault(int ec, int iss, long faultAddress, boolean farValid) {
        takeException(0, pc, ec, iss, faultAddress, farValid);
        return UNWIND;
    }

    private RuntimeException undefined() {
        return fault(EC_UNKNOWN, 0, 0, false);
    }

    /** Leaves the instruction unexecuted and makes run() return. */
    private RuntimeException stop() {
        stopped = true;
        return UNWIND;
    }

    private void eret() {
        if (el == 0) throw undefined();
        long target = elr;
        setPstate(spsr);
        pc = target;
        monitorValid = false;
    }

    // ================================================================ fetch

    private boolean refillFetch(long p) {
        if ((p & 3) != 0) {
            takeException(0, p, EC_PC_ALIGNMENT, 0, p, true);
            return false;
        }
        int i = (int) (p >>> 12) & TLB_MASK;
        long tag = (p & ~0xfffL) | el;
        if (xTag[i] != tag) {
            long pa = walk(p, ACCESS_EXEC);
            if (pa < 0) {
                takeException(0, p, el == 0 ? EC_IABORT_LOWER : EC_IABORT_SAME, (int) pa & 0x3f, p, true);
                return false;
            }
            RamWindow window = port.window(pa & ~0xfffL, false);
            if (window == null) {
                if (traps.instructionAbort(this, pa) == Outcome.STOP) {
                    halt(); // the run loop sees the halt before it fetches again
                    return false;
                }
                takeException(0, p, el == 0 ? EC_IABORT_LOWER : EC_IABORT_SAME, 0x10, p, true);
                return false;
            }
            CodePage page = codeCache.lookup(window.array(), window.offset());
            if (page == null) {
                page = codeCache.decode(window.array(), window.offset());
                // Stores to this page must now re-decode what they overwrite.
                Arrays.fill(wTag, -1L);
            }
            xTag[i] = tag;
            xCode[i] = page;
        }
        fetchPage = p & ~0xfffL;
        fetchCode = xCode[i];
        fetchOps = fetchCode.ops;
        return true;
    }

    // ================================================================ the interpreter

    private void execute(Op op) {
        final long[] r = this.r;
        switch (op.kind) {
            case Op.ADD_I: r[op.rd] = (r[op.rn] + op.imm) & op.mask; break;
            case Op.SUB_I: r[op.rd] = (r[op.rn] - op.imm) & op.mask; break;
            case Op.ADDS_I: case Op.ADDS_I_BCOND: r[op.rd] = addFlags(r[op.rn], op.imm, 0, op.sf); break;
            case Op.SUBS_I: case Op.SUBS_I_BCOND: r[op.rd] = addFlags(r[op.rn], ~op.imm, 1, op.sf); break;
            case Op.AND_I: r[op.rd] = r[op.rn] & op.imm; break;
            case Op.ORR_I: r[op.rd] = (r[op.rn] | op.imm) & op.mask; break;
            case Op.EOR_I: r[op.rd] = (r[op.rn] ^ op.imm) & op.mask; break;
            case Op.ANDS_I: r[op.rd] = logicFlags(r[op.rn] & op.imm & op.mask, op.sf); break;
            case Op.MOV_I: r[op.rd] = op.imm; break;
            case Op.MOVK: r[op.rd] = ((r[op.rd == Op.SINK ? Op.ZR : op.rd] & ~(0xffffL << op.shift)) | op.imm) & op.mask; break;
            case Op.ADR: r[op.rd] = pc + op.imm; break;
            case Op.ADRP: r[op.rd] = (pc & ~0xfffL) + op.imm; break;
            case Op.UBFX: r[op.rd] = (r[op.rn] >>> op.shift) & op.imm; break;
            case Op.UBFIZ: r[op.rd] = ((r[op.rn] & op.imm) << op.shift) & op.mask; break;
            case Op.SBFX: r[op.rd] = ((r[op.rn] << (63 - op.cond)) >> (63 - op.cond + op.shift)) & op.mask; break;
            case Op.SBFIZ: r[op.rd] = (((r[op.rn] << (63 - op.cond)) >> (63 - op.cond)) << op.shift) & op.mask; break;
            case Op.BFXIL: r[op.rd] = ((r[op.ra] & ~op.imm) | ((r[op.rn] >>> op.shift) & op.imm)) & op.mask; break;
            case Op.BFI: {
                long dmask = op.imm << op.shift;
                r[op.rd] = ((r[op.ra] & ~dmask) | ((r[op.rn] << op.shift) & dmask)) & op.mask;
                break;
            }
            case Op.EXTR: r[op.rd] = extract(r[op.rn], r[op.rm], op.shift, op.sf); break;
            case Op.B: pc += op.imm; return;
            case Op.BL: r[30] = pc + 4; pc += op.imm; return;
            case Op.BCOND: pc += condition(op.cond) ? op.imm : 4; return;
            case Op.CBZ: pc += (r[op.rn] & op.mask) == 0 ? op.imm : 4; return;
            case Op.CBNZ: pc += (r[op.rn] & op.mask) != 0 ? op.imm : 4; return;
            case Op.TBZ: pc += (r[op.rn] & op.mask) == 0 ? op.imm : 4; return;
            case Op.TBNZ: pc += (r[op.rn] & op.mask) != 0 ? op.imm : 4; return;
            case Op.BR: case Op.RET: pc = r[op.rn]; return;
            case Op.BLR: { long target = r[op.rn]; r[30] = pc + 4; pc = target; return; }
            case Op.MOV_R: r[op.rd] = r[op.rm] & op.mask; break;
            case Op.AND_R: r[op.rd] = (r[op.rn] & operand2(op)) & op.mask; break;
            case Op.ORR_R: r[op.rd] = (r[op.rn] | operand2(op)) & op.mask; break;
            case Op.EOR_R: r[op.rd] = (r[op.rn] ^ operand2(op)) & op.mask; break;
            case Op.ANDS_R: r[op.rd] = logicFlags(r[op.rn] & operand2(op) & op.mask, op.sf); break;
            case Op.ADD_R: r[op.rd] = (r[op.rn] + shifted(op)) & op.mask; break;
            case Op.SUB_R: r[op.rd] = (r[op.rn] - shifted(op)) & op.mask; break;
            case Op.ADDS_R: r[op.rd] = addFlags(r[op.rn], shifted(op), 0, op.sf); break;
            case Op.SUBS_R: case Op.SUBS_R_BCOND: r[op.rd] = addFlags(r[op.rn], ~shifted(op), 1, op.sf); break;
            case Op.ADD_X: r[op.rd] = (r[op.rn] + extended(op)) & op.mask; break;
            case Op.SUB_X: r[op.rd] = (r[op.rn] - extended(op)) & op.mask; break;
            case Op.ADDS_X: r[op.rd] = addFlags(r[op.rn], extended(op), 0, op.sf); break;
            case Op.SUBS_X: r[op.rd] = addFlags(r[op.rn], ~extended(op), 1, op.sf); break;
            case Op.ADC: r[op.rd] = (r[op.rn] + r[op.rm] + ((nzcv >>> 1) & 1)) & op.mask; break;
            case Op.SBC: r[op.rd] = (r[op.rn] + ~r[op.rm] + ((nzcv >>> 1) & 1)) & op.mask; break;
            case Op.ADCS: r[op.rd] = addFlags(r[op.rn], r[op.rm], (nzcv >>> 1) & 1, op.sf); break;
            case Op.SBCS: r[op.rd] = addFlags(r[op.rn], ~r[op.rm], (nzcv >>> 1) & 1, op.sf); break;
            case Op.CCMP: case Op.CCMN: conditionalCompare(op); break;
            case Op.CSEL: r[op.rd] = (condition(op.cond) ? r[op.rn] : r[op.rm]) & op.mask; break;
            case Op.CSINC: r[op.rd] = (condition(op.cond) ? r[op.rn] : r[op.rm] + 1) & op.mask; break;
            case Op.CSINV: r[op.rd] = (condition(op.cond) ? r[op.rn] : ~r[op.rm]) & op.mask; break;
            case Op.CSNEG: r[op.rd] = (condition(op.cond) ? r[op.rn] : -r[op.rm]) & op.mask; break;
            case Op.LD_OFF: r[op.rd] = extendLoad(load(r[op.rn] + op.imm, op.size, op), op); break;
            case Op.ST_OFF: store(r[op.rn] + op.imm, op.size, r[op.rd], op); break;
            case Op.LD_PRE: { long a = r[op.rn] + op.imm; long v = load(a, op.size, op); r[op.rn] = a; r[op.rd] = extendLoad(v, op); break; }
            case Op.LD_POST: { long a = r[op.rn]; long v = load(a, op.size, op); r[op.rn] = a + op.imm; r[op.rd] = extendLoad(v, op); break; }
            case Op.ST_PRE: { long a = r[op.rn] + op.imm; store(a, op.size, r[op.rd], op); r[op.rn] = a; break; }
            case Op.ST_POST: { long a = r[op.rn]; store(a, op.size, r[op.rd], op); r[op.rn] = a + op.imm; break; }
            case Op.LD_REG: r[op.rd] = extendLoad(load(r[op.rn] + (extend(r[op.rm], op.shiftType) << op.shift), op.size, op), op); break;
            case Op.ST_REG: store(r[op.rn] + (extend(r[op.rm], op.shiftType) << op.shift), op.size, r[op.rd], op); break;
            case Op.LD_LIT: r[op.rd] = extendLoad(load(pc + op.imm, op.size, op), op); break;
            case Op.LDP: loadPair(op); break;
            case Op.STP: storePair(op); break;
            case Op.NOP: case Op.ISB: break;
            default: executeRare(op); return;
        }
        pc += 4;
    }

    /**
     * The hot loads and stores, completed here when every access hits the TLB; returns false
     * (having changed nothing) when one would take the slow path, so {@link #execute} redoes it.
     */
    private boolean memoryFastPath(Op op) {
        final long[] r = this.r;
        switch (op.kind) {
            case Op.LD_OFF: {
                long a = r[op.rn] + op.imm;
                int i = (int) (a >>> 12) & TLB_MASK;
                int po = (int) a & 0xfff;
                if (rTag[i] != ((a & ~0xfffL) | el) || po + op.size > 4096) return false;
                r[op.rd] = extendLoad(readLittleEndian(rArr[i], rOff[i] + po, op.size), op);
                break;
            }
            case Op.LD_REG: {
                long a = r[op.rn] + (extend(r[op.rm], op.shiftType) << op.shift);
                int i = (int) (a >>> 12) & TLB_MASK;
                int po = (int) a & 0xfff;
                if (rTag[i] != ((a & ~0xfffL) | el) || po + op.size > 4096) return false;
                r[op.rd] = extendLoad(readLittleEndian(rArr[i], rOff[i] + po, op.size), op);
                break;
            }
            case Op.LD_POST: {
                long a = r[op.rn];
                int i = (int) (a >>> 12) & TLB_MASK;
                int po = (int) a & 0xfff;
                if (rTag[i] != ((a & ~0xfffL) | el) || po + op.size > 4096) return false;
                long v = readLittleEndian(rArr[i], rOff[i] + po, op.size);
                r[op.rn] = a + op.imm;
                r[op.rd] = extendLoad(v, op);
                break;
            }
            case Op.LD_PRE: {
                long a = r[op.rn] + op.imm;
                int i = (int) (a >>> 12) & TLB_MASK;
                int po = (int) a & 0xfff;
                if (rTag[i] != ((a & ~0xfffL) | el) || po + op.size > 4096) return false;
                long v = readLittleEndian(rArr[i], rOff[i] + po, op.size);
                r[op.rn] = a;
                r[op.rd] = extendLoad(v, op);
                break;
            }
            case Op.ST_PRE: case Op.ST_POST: {
                long base = r[op.rn];
                long a = op.kind == Op.ST_PRE ? base + op.imm : base;
                int i = (int) (a >>> 12) & TLB_MASK;
                int po = (int) a & 0xfff;
                if (wTag[i] != ((a & ~0xfffL) | el) || po + op.size > 4096 || wCode[i] != null) return false;
                writeLittleEndian(wArr[i], wOff[i] + po, op.size, r[op.rd]);
                r[op.rn] = base + op.imm;
                break;
            }
            case Op.ST_OFF: {
                long a = r[op.rn] + op.imm;
                int i = (int) (a >>> 12) & TLB_MASK;
                int po = (int) a & 0xfff;
                if (wTag[i] != ((a & ~0xfffL) | el) || po + op.size > 4096 || wCode[i] != null) return false;
                writeLittleEndian(wArr[i], wOff[i] + po, op.size, r[op.rd]);
                break;
            }
            case Op.LDP: {
                long base = r[op.rn];
                long a = op.mode == 1 ? base : base + op.imm;
                int i = (int) (a >>> 12) & TLB_MASK;
                int po = (int) a & 0xfff;
                if (rTag[i] != ((a & ~0xfffL) | el) || po + 2 * op.size > 4096) return false;
                byte[] arr = rArr[i];
                int o = rOff[i] + po;
                long v1 = readLittleEndian(arr, o, op.size);
                long v2 = readLittleEndian(arr, o + op.size, op.size);
                if (op.mode != 2) r[op.rn] = base + op.imm;
                r[op.rd] = extendLoad(v1, op);
                r[op.ra] = extendLoad(v2, op);
                break;
            }
            case Op.STP: {
                long base = r[op.rn];
                long a = op.mode == 1 ? base : base + op.imm;
                int i = (int) (a >>> 12) & TLB_MASK;
                int po = (int) a & 0xfff;
                if (wTag[i] != ((a & ~0xfffL) | el) || po + 2 * op.size > 4096 || wCode[i] != null) return false;
                byte[] arr = wArr[i];
                int o = wOff[i] + po;
                writeLittleEndian(arr, o, op.size, r[op.rd]);
                writeLittleEndian(arr, o + op.size, op.size, r[op.ra]);
                if (op.mode != 2) r[op.rn] = base + op.imm;
                break;
            }
            default: return false;
        }
        return true;
    }

    /** Kinds that are rare in hot loops, kept out of {@link #execute} so that method stays small enough to compile. */
    private void executeRare(Op op) {
        final long[] r = this.r;
        switch (op.kind) {
            case Op.RBIT: r[op.rd] = op.sf ? Long.reverse(r[op.rn]) : Integer.reverse((int) r[op.rn]) & M32; break;
            case Op.REV16: {
                long x = r[op.rn];
                r[op.rd] = (((x & 0x00ff00ff00ff00ffL) << 8) | ((x >>> 8) & 0x00ff00ff00ff00ffL)) & op.mask;
                break;
            }
            case Op.REV32: {
                long x = r[op.rn];
                r[op.rd] = (Integer.reverseBytes((int) x) & M32) | (long) Integer.reverseBytes((int) (x >>> 32)) << 32;
                break;
            }
            case Op.REV64: r[op.rd] = op.sf ? Long.reverseBytes(r[op.rn]) : Integer.reverseBytes((int) r[op.rn]) & M32; break;
            case Op.CLZ: r[op.rd] = op.sf ? Long.numberOfLeadingZeros(r[op.rn]) : Integer.numberOfLeadingZeros((int) r[op.rn]); break;
            case Op.CLS: {
                long x = r[op.rn];
                r[op.rd] = op.sf ? Long.numberOfLeadingZeros(x ^ (x >> 1)) - 1
                        : Integer.numberOfLeadingZeros((int) x ^ ((int) x >> 1)) - 1;
                break;
            }
            case Op.UDIV: r[op.rd] = unsignedDivide(r[op.rn], r[op.rm], op.sf); break;
            case Op.SDIV: r[op.rd] = signedDivide(r[op.rn], r[op.rm], op.sf); break;
            case Op.LSLV: r[op.rd] = shift(r[op.rn], 0, (int) r[op.rm], op.sf); break;
            case Op.LSRV: r[op.rd] = shift(r[op.rn], 1, (int) r[op.rm], op.sf); break;
            case Op.ASRV: r[op.rd] = shift(r[op.rn], 2, (int) r[op.rm], op.sf); break;
            case Op.RORV: r[op.rd] = shift(r[op.rn], 3, (int) r[op.rm], op.sf); break;
            case Op.CRC32: r[op.rd] = crc32((int) r[op.rn], r[op.rm], op.size, op.invert) & M32; break;
            case Op.MADD: r[op.rd] = (r[op.ra] + r[op.rn] * r[op.rm]) & op.mask; break;
            case Op.MSUB: r[op.rd] = (r[op.ra] - r[op.rn] * r[op.rm]) & op.mask; break;
            case Op.SMADDL: r[op.rd] = r[op.ra] + (long) (int) r[op.rn] * (int) r[op.rm]; break;
            case Op.SMSUBL: r[op.rd] = r[op.ra] - (long) (int) r[op.rn] * (int) r[op.rm]; break;
            case Op.UMADDL: r[op.rd] = r[op.ra] + (r[op.rn] & M32) * (r[op.rm] & M32); break;
            case Op.UMSUBL: r[op.rd] = r[op.ra] - (r[op.rn] & M32) * (r[op.rm] & M32); break;
            case Op.SMULH: r[op.rd] = Math.multiplyHigh(r[op.rn], r[op.rm]); break;
            case Op.UMULH: {
                long a = r[op.rn], b = r[op.rm];
                r[op.rd] = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
                break;
            }
            case Op.LDX: case Op.LDAR: {
                long a = r[op.rn];
                long v = load(a, op.size, op);
                if (op.kind == Op.LDX) {
                    monitorValid = true;
                    monitorAddress = a;
                }
                r[op.rd] = v;
                break;
            }
            case Op.STLR: store(r[op.rn], op.size, r[op.rd], op); break;
            case Op.STX: {
                long a = r[op.rn];
                boolean ok = monitorValid && monitorAddress == a;
                if (ok) store(a, op.size, r[op.rd], op);
                monitorValid = false;
                r[op.rm] = ok ? 0 : 1;
                break;
            }
            case Op.LDXP: {
                long a = r[op.rn];
                long v1 = load(a, op.size, null);
                long v2 = load(a + op.size, op.size, null);
                monitorValid = true;
                monitorAddress = a;
                r[op.rd] = v1;
                r[op.ra] = v2;
                break;
            }
            case Op.STXP: {
                long a = r[op.rn];
                boolean ok = monitorValid && monitorAddress == a;
                if (ok) {
                    store(a, op.size, r[op.rd], null);
                    store(a + op.size, op.size, r[op.ra], null);
                }
                monitorValid = false;
                r[op.rm] = ok ? 0 : 1;
                break;
            }
            case Op.CLREX: monitorValid = false; break;
            case Op.WFI: {
                pc += 4;
                if (!irqLine && traps.waitForInterrupt(this) == Outcome.STOP) {
                    power = Power.WAITING;
                    raiseAttention();
                }
                return;
            }
            case Op.SVC: throw exceptionAfter(EC_SVC, (int) op.imm);
            case Op.HVC: if (el == 0) throw undefined(); pc += 4; callHook(traps.hvc(this, (int) op.imm)); return;
            case Op.SMC: if (el == 0) throw undefined(); pc += 4; callHook(traps.smc(this, (int) op.imm)); return;
            case Op.BRK: throw fault(EC_BRK, (int) op.imm, 0, false);
            case Op.ERET: eret(); return;
            case Op.MRS: r[op.rd] = readSysreg((int) op.imm, op.rd); break;
            case Op.MSR: writeSysreg((int) op.imm, r[op.rd], op.rd); break;
            case Op.SYS: systemInstruction((int) op.imm, r[op.rd]); break;
            case Op.DAIFSET: checkUserMask(); daif |= (int) op.imm; break;
            case Op.DAIFCLR: checkUserMask(); daif &= ~(int) op.imm; raiseAttention(); break;
            case Op.SPSEL: {
                if (el == 0) throw undefined();
                saveSp();
                spSel = (int) op.imm & 1;
                loadSp();
                break;
            }
            default:
                if (op.kind == Op.V_MEM || op.kind == Op.SIMD) {
                    // An unallocated word is undefined before FP/SIMD access is checked (as the
                    // decode comes first); the unit decodes as it executes, so its top-level
                    // classes are checked here and the rest after the access check.
                    if (op.kind == Op.SIMD && SimdUnit.unallocatedClass(op.word)) throw undefinedInstruction(op.word);
                    checkFpAccess();
                    if (op.kind == Op.V_MEM) simd.loadStore(op.word); else simd.dataProcessing(op.word);
                    break;
                }
                noteUndefined(op.word);
                throw undefined();
        }
        pc += 4;
    }

    /** An instruction this core does not implement: counted, then the Undefined Instruction exception. */
    RuntimeException undefinedInstruction(int word) {
        noteUndefined(word);
        return undefined();
    }

    /**
     * CPACR_EL1.FPEN: FP/SIMD instructions trap at EL0 unless it is 0b11 and at EL1 unless its
     * low bit is set (0b01 or 0b11), with EC 0x07 and the ISS of an unconditional A64 instruction.
     */
    private void checkFpAccess() {
        int fpen = (int) (cpacr >>> 20) & 3;
        if (fpen == 3 || (fpen == 1 && el == 1)) return;
        throw fault(EC_FP_ACCESS, 0x1e00000, 0, false);
    }

    /** Counts an instruction word this core does not implement, and remembers the first one. */
    private void noteUndefined(int word) {
        if (undefinedCount++ == 0) {
            firstUndefinedWord = word;
            firstUndefinedPc = pc;
        }
    }

    /** How many times an instruction this core does not implement raised the undefined-instruction exception. */
    public long undefinedCount() { return undefinedCount; }

    /** The encoding of the first such instruction (meaningful when {@link #undefinedCount} is not zero). */
    public int firstUndefinedWord() { return firstUndefinedWord; }

    /** Where the first such instruction was (its virtual address). */
    public long firstUndefinedPc() { return firstUndefinedPc; }

    /** An SVC-style exception whose return address is the next instruction. */
    private RuntimeException exceptionAfter(int ec, int iss) {
        takeException(0, pc + 4, ec, iss, 0, false);
        return UNWIND;
    }

    /** Applies a hook's outcome for HVC or SMC; the PC already points past the instruction. */
    private void callHook(Outcome outcome) {
        switch (outcome) {
            case RESUME: return;
            case RESUME_AND_EXIT: requestExit(); return;
            case STOP: pc -= 4; throw stop();
            default: pc -= 4; throw undefined();
        }
    }

    private void checkUserMask() {
        if (el == 0 && (sctlr & (1 << 9)) == 0) throw undefined();
    }

    // ================================================================ arithmetic helpers

    private long addFlags(long a, long b, int carry, boolean sf) {
        if (sf) {
            long res = a + b + carry;
            int c = carry == 0 ? (Long.compareUnsigned(res, a) < 0 ? 1 : 0) : (Long.compareUnsigned(res, a) <= 0 ? 1 : 0);
            int v = ((a ^ res) & (b ^ res)) < 0 ? 1 : 0;
            nzcv = (res < 0 ? 8 : 0) | (res == 0 ? 4 : 0) | c << 1 | v;
            return res;
        }
        long sum = (a & M32) + (b & M32) + carry;
        int res = (int) sum;
        int v = (((int) a ^ res) & ((int) b ^ res)) < 0 ? 1 : 0;
        nzcv = (res < 0 ? 8 : 0) | (res == 0 ? 4 : 0) | (int) ((sum >>> 32) & 1) << 1 | v;
        return res & M32;
    }

    private long logicFlags(long res, boolean sf) {
        boolean negative = sf ? res < 0 : (res & 0x80000000L) != 0;
        nzcv = (negative ? 8 : 0) | (res == 0 ? 4 : 0);
        return res;
    }

    boolean condition(int cond) {
        return Flags.holds(cond, nzcv);
    }

    private void conditionalCompare(Op op) {
        if (!condition(op.cond)) {
            nzcv = op.shift;
            return;
        }
        long b = op.invert ? op.imm : r[op.rm];
        if (op.kind == Op.CCMP) addFlags(r[op.rn], ~b, 1, op.sf);
        else addFlags(r[op.rn], b, 0, op.sf);
    }

    private long shifted(Op op) {
        return shift(r[op.rm], op.shiftType, op.shift, op.sf);
    }

    private long operand2(Op op) {
        long v = shift(r[op.rm], op.shiftType, op.shift, op.sf);
        return op.invert ? ~v : v;
    }

    static long shift(long v, int type, int amount, boolean sf) {
        if (sf) {
            amount &= 63;
            switch (type) {
                case 0: return v << amount;
                case 1: return v >>> amount;
                case 2: return v >> amount;
                default: return Long.rotateRight(v, amount);
            }
        }
        amount &= 31;
        int x = (int) v;
        switch (type) {
            case 0: return (x << amount) & M32;
            case 1: return (x >>> amount) & M32;
            case 2: return (x >> amount) & M32;
            default: return Integer.rotateRight(x, amount) & M32;
        }
    }

    private long extended(Op op) {
        return extend(r[op.rm], op.shiftType) << op.shift;
    }

    static long extend(long v, int option) {
        switch (option) {
            case 0: return v & 0xff;
            case 1: return v & 0xffff;
            case 2: return v & M32;
            case 4: return (byte) v;
            case 5: return (short) v;
            case 6: return (int) v;
            default: return v;
        }
    }

    static long extract(long n, long m, int lsb, boolean sf) {
        if (sf) return lsb == 0 ? m : (m >>> lsb) | (n << (64 - lsb));
        long both = (n & M32) << 32 | (m & M32);
        return (both >>> lsb) & M32;
    }

    static long unsignedDivide(long a, long b, boolean sf) {
        if (sf) return b == 0 ? 0 : Long.divideUnsigned(a, b);
        return (b & M32) == 0 ? 0 : (a & M32) / (b & M32);
    }

    static long signedDivide(long a, long b, boolean sf) {
        if (sf) return b == 0 ? 0 : a / b;
        return (int) b == 0 ? 0 : ((int) a / (int) b) & M32;
    }

    static int crc32(int crc, long data, int bytes, boolean castagnoli) {
        int poly = castagnoli ? 0x82f63b78 : 0xedb88320;
        for (int i = 0; i < bytes; i++) {
            crc ^= (int) (data >>> (8 * i)) & 0xff;
            for (int bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (poly & -(crc & 1));
        }
        return crc;
    }

    static long extendLoad(long v, Op op) {
        switch (op.ext) {
            case 0: return v;
            case 64: return (v << (64 - 8 * op.size)) >> (64 - 8 * op.size);
            default: return ((v << (64 - 8 * op.size)) >> (64 - 8 * op.size)) & M32;
        }
    }

    // ================================================================ memory

    private void loadPair(Op op) {
        long base = r[op.rn];
        long a = op.mode == 1 ? base : base + op.imm;
        long v1 = load(a, op.size, null);
        long v2 = load(a + op.size, op.size, null);
        if (op.mode != 2) r[op.rn] = base + op.imm;
        r[op.rd] = extendLoad(v1, op);
        r[op.ra] = extendLoad(v2, op);
    }

    private void storePair(Op op) {
        long base = r[op.rn];
        long a = op.mode == 1 ? base : base + op.imm;
        long v1 = r[op.rd];
        long v2 = r[op.ra];
        store(a, op.size, v1, null);
        store(a + op.size, op.size, v2, null);
        if (op.mode != 2) r[op.rn] = base + op.imm;
    }

    /** Loads {@code size} bytes zero-extended. {@code op} describes the access for a data-abort syndrome (null: not valid). */
    long load(long va, int size, Op op) {
        int i = (int) (va >>> 12) & TLB_MASK;
        int po = (int) va & 0xfff;
        if (rTag[i] == ((va & ~0xfffL) | el) && po + size <= 4096) return readLittleEndian(rArr[i], rOff[i] + po, size);
        return loadSlow(va, size, op);
    }

    void store(long va, int size, long value, Op op) {
        int i = (int) (va >>> 12) & TLB_MASK;
        int po = (int) va & 0xfff;
        if (wTag[i] == ((va & ~0xfffL) | el) && po + size <= 4096) {
            writeLittleEndian(wArr[i], wOff[i] + po, size, value);
            if (wCode[i] != null) rewriteCode(i, po, size);
            return;
        }
        storeSlow(va, size, value, op);
    }

    // The fast paths above stay small so that the JIT inlines them into every caller.
    private static long readLittleEndian(byte[] a, int o, int size) {
        switch (size) {
            case 8: return (long) LE64.get(a, o);
            case 4: return (int) LE32.get(a, o) & M32;
            case 2: return (short) LE16.get(a, o) & 0xffffL;
            default: return a[o] & 0xffL;
        }
    }

    private static void writeLittleEndian(byte[] a, int o, int size, long value) {
        switch (size) {
            case 8: LE64.set(a, o, value); break;
            case 4: LE32.set(a, o, (int) value); break;
            case 2: LE16.set(a, o, (short) value); break;
            default: a[o] = (byte) value;
        }
    }

    /** A store hit a decoded page: re-decode the words it overwrote. */
    private void rewriteCode(int tlbIndex, int pageOffset, int size) {
        CodePage code = wCode[tlbIndex];
        boolean dropped = CodeCache.rewrite(code, wArr[tlbIndex], wOff[tlbIndex], pageOffset, size);
        // Translated code running from this page goes on after the store (data beside code) unless
        // a translation was dropped: it might be the one running.
        if (code == fetchCode && (dropped || !translating)) fetchPage = -1;
    }

    private long loadSlow(long va, int size, Op op) {
        if (((int) va & 0xfff) + size > 4096) {
            long value = 0;
            for (int k = size - 1; k >= 0; k--) value = value << 8 | load(va + k, 1, op);
            return value;
        }
        long pa = translate(va, ACCESS_READ);
        RamWindow window = port.window(pa & ~0xfffL, false);
        if (window != null) {
            int i = (int) (va >>> 12) & TLB_MASK;
            rTag[i] = (va & ~0xfffL) | el;
            rArr[i] = window.array();
            rOff[i] = window.offset();
            return load(va, size, op);
        }
        DataAccess a = describe(va, pa, size, false, 0, op);
        if (!port.access(a)) dataAbort(a);
        return a.value & (size == 8 ? -1L : (1L << (8 * size)) - 1);
    }

    private void storeSlow(long va, int size, long value, Op op) {
        if (((int) va & 0xfff) + size > 4096) {
            for (int k = 0; k < size; k++) store(va + k, 1, value >>> (8 * k), op);
            return;
        }
        long pa = translate(va, ACCESS_WRITE);
        RamWindow window = port.window(pa & ~0xfffL, true);
        if (window != null) {
            int i = (int) (va >>> 12) & TLB_MASK;
            wTag[i] = (va & ~0xfffL) | el;
            wArr[i] = window.array();
            wOff[i] = window.offset();
            wCode[i] = codeCache.lookup(window.array(), window.offset());
            store(va, size, value, op);
            return;
        }
        long masked = size == 8 ? value : value & ((1L << (8 * size)) - 1);
        DataAccess a = describe(va, pa, size, true, masked, op);
        if (!port.access(a)) dataAbort(a);
    }

    private DataAccess describe(long va, long pa, int size, boolean write, long value, Op op) {
        DataAccess a = access;
        a.virtualAddress = va;
        a.address = pa;
        a.size = size;
        a.write = write;
        a.value = value;
        if (op == null) {
            a.register = -1;
            a.signExtend = false;
            a.sixtyFourBit = false;
        } else {
            a.register = op.rd == Op.SINK ? 31 : op.rd;
            a.signExtend = !write && op.ext != 0;
            a.sixtyFourBit = write ? size == 8 : op.ext == 64 || (op.ext == 0 && size == 8);
        }
        return a;
    }

    /** Nothing answered the access: the trap handler decides. */
    private void dataAbort(DataAccess a) {
        Outcome outcome = traps.dataAbort(this, a);
        switch (outcome) {
            case RESUME: return;
            case RESUME_AND_EXIT: requestExit(); return;
            case STOP: throw stop();
            case UNDEFINED: throw undefined();
            default:
                // Synchronous external abort; like QEMU, without the instruction syndrome (ISV = 0).
                int iss = (a.write ? 1 << 6 : 0) | 0x10;
                throw fault(el == 0 ? EC_DABORT_LOWER : EC_DABORT_SAME, iss, a.virtualAddress, true);
        }
    }

    // ================================================================ stage-1 translation

    private long translate(long va, int accessKind) {
        long pa = walk(va, accessKind);
        if (pa >= 0) return pa;
        int iss = ((int) pa & 0x3f) | (accessKind == ACCESS_WRITE ? 1 << 6 : 0);
        throw fault(el == 0 ? EC_DABORT_LOWER : EC_DABORT_SAME, iss, va, true);
    }

    /**
     * The stage-1 walk of the EL1&0 regime, 4 KiB granule. Returns the output address, or a
     * negative value whose low six bits are the fault status code (DFSC/IFSC).
     */
    private long walk(long va, int accessKind) {
        if ((sctlr & 1) == 0) return va & 0x0000ffffffffffffL;
        boolean upper = ((va >>> 55) & 1) != 0;
        int tsz = (int) (upper ? (tcr >>> 16) : tcr) & 0x3f;
        boolean disabled = ((tcr >>> (upper ? 23 : 7)) & 1) != 0;
        boolean topByteIgnored = ((tcr >>> (upper ? 38 : 37)) & 1) != 0;
        if (tsz < 16) tsz = 16;
        if (tsz > 39) tsz = 39;
        int inputBits = 64 - tsz;
        int topBit = topByteIgnored ? 55 : 63;
        long expected = upper ? -1L : 0;
        long high = va >> inputBits;
        long highMask = topBit == 63 ? -1L : (1L << (56 - inputBits)) - 1;
        if (disabled || ((high ^ expected) & highMask) != 0) return walkFault(0x04);
        int level = 4 - (inputBits - 12 + 8) / 9;
        long table = (upper ? ttbr1 : ttbr0) & 0x0000fffffffff000L;
        while (true) {
            int shiftBits = 12 + 9 * (3 - level);
            int indexBits = Math.min(9, inputBits - shiftBits);
            long index = (va >>> shiftBits) & ((1L << indexBits) - 1);
            long desc = readDescriptor(table + index * 8);
            if (desc == Long.MIN_VALUE) return walkFault(0x14 + level);
            if ((desc & 1) == 0) return walkFault(0x04 + level);
            boolean isTable = (desc & 2) != 0 && level < 3;
            if (isTable) {
                table = desc & 0x0000fffffffff000L;
                level++;
                continue;
            }
            if ((desc & 2) == 0 && (level == 3 || level == 0)) return walkFault(0x04 + level);
            if ((desc & (1 << 10)) == 0) return walkFault(0x08 + level);
            int ap = (int) (desc >>> 6) & 3;
            boolean el0Access = (ap & 1) != 0;
            boolean readOnly = (ap & 2) != 0;
            if (el == 0 && !el0Access) return walkFault(0x0c + level);
            if (accessKind == ACCESS_WRITE && readOnly) return walkFault(0x0c + level);
            if (accessKind == ACCESS_EXEC) {
                boolean xn = el == 0 ? ((desc >>> 54) & 1) != 0 : ((desc >>> 53) & 1) != 0 || ap == 1;
                if (xn) return walkFault(0x0c + level);
            }
            long blockMask = (1L << shiftBits) - 1;
            return (desc & 0x0000fffffffff000L & ~blockMask) | (va & blockMask);
        }
    }

    private static long walkFault(int statusCode) {
        return Long.MIN_VALUE | statusCode;
    }

    /** A descriptor from physical memory, or Long.MIN_VALUE when nothing answers the read. */
    private long readDescriptor(long pa) {
        RamWindow window = port.window(pa & ~0xfffL, false);
        if (window != null) return (long) LE64.get(window.array(), window.offset() + (int) (pa & 0xff8));
        DataAccess a = describe(pa, pa, 8, false, 0, null);
        return port.access(a) ? a.value & Long.MAX_VALUE : Long.MIN_VALUE;
    }

    // ================================================================ system registers

    private long readSysreg(int key, int rt) {
        if (el == 0 && ((key >>> 11) & 7) != 3) throw undefined();
        switch (key) {
            case SysReg.MIDR_EL1: return IdRegisters.MIDR;
            case SysReg.MPIDR_EL1: return 0x80000000L | mpidr;
            case SysReg.REVIDR_EL1: return 0;
            case SysReg.ID_AA64PFR0_EL1: return IdRegisters.AA64PFR0;
            case SysReg.ID_AA64DFR0_EL1: return IdRegisters.AA64DFR0;
            case SysReg.ID_AA64ISAR0_EL1: return IdRegisters.AA64ISAR0;
            case SysReg.ID_AA64MMFR0_EL1: return IdRegisters.AA64MMFR0;
            case SysReg.CTR_EL0: return IdRegisters.CTR;
            case SysReg.DCZID_EL0: return IdRegisters.DCZID;
            case SysReg.CLIDR_EL1: return IdRegisters.CLIDR;
            case SysReg.CCSIDR_EL1: return IdRegisters.ccsidr(csselr);
            case SysReg.CSSELR_EL1: return csselr;
            case SysReg.SCTLR_EL1: return sctlr;
            case SysReg.ACTLR_EL1: return actlr;
            case SysReg.CPACR_EL1: return cpacr;
            case SysReg.TTBR0_EL1: return ttbr0;
            case SysReg.TTBR1_EL1: return ttbr1;
            case SysReg.TCR_EL1: return tcr;
            case SysReg.SPSR_EL1: return spsr;
            case SysReg.ELR_EL1: return elr;
            case SysReg.SP_EL0: if (spSel == 0) throw undefined(); return spEl0;
            case SysReg.SPSEL: return spSel;
            case SysReg.CURRENT_EL: return (long) el << 2;
            case SysReg.NZCV: return (long) nzcv << 28;
            case SysReg.DAIF: return (long) daif << 6;
            case SysReg.FPCR: return fpcr;
            case SysReg.FPSR: return fpsr;
            case SysReg.AFSR0_EL1: return afsr0;
            case SysReg.AFSR1_EL1: return afsr1;
            case SysReg.ESR_EL1: return esr;
            case SysReg.FAR_EL1: return far;
            case SysReg.PAR_EL1: return par;
            case SysReg.MAIR_EL1: return mair;
            case SysReg.AMAIR_EL1: return amair;
            case SysReg.VBAR_EL1: return vbar;
            case SysReg.ISR_EL1: return irqLine ? 0x80 : 0;
            case SysReg.CONTEXTIDR_EL1: return contextidr;
            case SysReg.TPIDR_EL1: return tpidrEl1;
            case SysReg.TPIDR_EL0: return tpidrEl0;
            case SysReg.TPIDRRO_EL0: return tpidrroEl0;
            case SysReg.MDSCR_EL1: return mdscr;
            default: break;
        }
        if (IdRegisters.inIdSpace(key)) return 0;
        if (key >>> 14 == 2) return debugRegisters.getOrDefault(key, 0L);
        SysregDevice device = route(key);
        if (device != null) return device.read(this, key);
        return unknownSysreg(key, false, rt);
    }

    private void writeSysreg(int key, long v, int rt) {
        if (el == 0 && ((key >>> 11) & 7) != 3) throw undefined();
        switch (key) {
            case SysReg.SCTLR_EL1: sctlr = v; flushTlb(); return;
            case SysReg.ACTLR_EL1: actlr = v; return;
            case SysReg.CPACR_EL1: cpacr = v; return;
            case SysReg.TTBR0_EL1: ttbr0 = v; flushTlb(); return;
            case SysReg.TTBR1_EL1: ttbr1 = v; flushTlb(); return;
            case SysReg.TCR_EL1: tcr = v; flushTlb(); return;
            case SysReg.SPSR_EL1: spsr = v & 0xf03003dfL; return;
            case SysReg.ELR_EL1: elr = v; return;
            case SysReg.SP_EL0: if (spSel == 0) throw undefined(); spEl0 = v; return;
            case SysReg.SPSEL: saveSp(); spSel = (int) v & 1; loadSp(); return;
            case SysReg.NZCV: nzcv = (int) (v >>> 28) & 0xf; return;
            case SysReg.DAIF: checkUserMask(); daif = (int) (v >>> 6) & 0xf; raiseAttention(); return;
            case SysReg.FPCR: fpcr = v; return;
            case SysReg.FPSR: fpsr = v; return;
            case SysReg.AFSR0_EL1: afsr0 = v; return;
            case SysReg.AFSR1_EL1: afsr1 = v; return;
            case SysReg.ESR_EL1: esr = v & 0xffffffffL; return;
            case SysReg.FAR_EL1: far = v; return;
            case SysReg.PAR_EL1: par = v; return;
            case SysReg.MAIR_EL1: mair = v; return;
            case SysReg.AMAIR_EL1: amair = v; return;
            case SysReg.VBAR_EL1: vbar = v & ~0x7ffL; return;
            case SysReg.CONTEXTIDR_EL1: contextidr = v; return;
            case SysReg.TPIDR_EL1: tpidrEl1 = v; return;
            case SysReg.TPIDR_EL0: tpidrEl0 = v; return;
            case SysReg.TPIDRRO_EL0: if (el == 0) throw undefined(); tpidrroEl0 = v; return;
            case SysReg.MDSCR_EL1: mdscr = v; return;
            case SysReg.CSSELR_EL1: csselr = v; return;
            default: break;
        }
        if (key >>> 14 == 2) { // breakpoints, watchpoints, OS lock: held, never fire (nothing is debugged)
            debugRegisters.put(key, v);
            return;
        }
        SysregDevice device = route(key);
        if (device != null) {
            if (device.write(this, key, v) == Outcome.RESUME_AND_EXIT) requestExit();
            return;
        }
        unknownSysreg(key, true, rt);
    }

    private long unknownSysreg(int key, boolean write, int rt) {
        if (hostAccess) throw new IllegalArgumentException("system register " + SysReg.name(key) + " is not implemented");
        switch (traps.unknownSysreg(this, key, write, rt == Op.SINK ? 31 : rt)) {
            case RESUME: return 0;
            case RESUME_AND_EXIT: requestExit(); return 0;
            case STOP: throw stop();
            default: throw undefined();
        }
    }

    private SysregDevice route(int key) {
        SysregDevice known = sysregRoutes.get(key);
        if (known != null || sysregRoutes.containsKey(key)) return known;
        SysregDevice found = null;
        for (SysregDevice d : sysregDevices) {
            if (d.handles(key)) {
                found = d;
                break;
            }
        }
        sysregRoutes.put(key, found);
        return found;
    }

    /** SYS: cache maintenance (no caches are modeled), TLB invalidation, address translation. */
    private void systemInstruction(int key, long value) {
        int op1 = (key >>> 11) & 7, crn = (key >>> 7) & 15, crm = (key >>> 3) & 15, op2 = key & 7;
        if (el == 0 && !(op1 == 3 && crn == 7)) throw undefined();
        if (crn == 8) {
            flushTlb();
            // CRm 7 (and 6, ranges) are this core's own; the others reach every core of the domain
            if (crm != 7 && crm != 6) tlbBroadcast.accept(this);
        } else if (crn == 7 && op1 == 3 && crm == 4 && op2 == 1) {
            long base = value & ~63L; // DC ZVA, 64-byte blocks (DCZID_EL0.BS = 4)
            for (int k = 0; k < 64; k += 8) store(base + k, 8, 0, null);
        } else if (crn == 7 && op1 == 0 && crm == 8 && op2 < 4) {
            int saved = el;
            if (op2 >= 2) el = 0;
            long pa = walk(value, (op2 & 1) != 0 ? ACCESS_WRITE : ACCESS_READ);
            el = saved;
            par = pa < 0 ? 1 | ((pa & 0x3f) << 1) : pa & 0x0000fffffffff000L;
        } else if (crn != 7) {
            throw undefined();
        }
    }
}
