package dev.warden.emulator.devices.gic;

import dev.warden.emulator.cpu.Cpu;
import dev.warden.emulator.cpu.Outcome;
import dev.warden.emulator.cpu.SysReg;
import dev.warden.emulator.cpu.SysregDevice;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One CPU's GICv3 CPU interface, reached through ICC_* system registers, together with that
 * CPU's private interrupts (SGIs 0..15, edge; PPIs 16..31, level unless configured otherwise).
 * Priorities have five implemented bits, as on QEMU's Cortex-A53 (the low three read as zero).
 */
public final class GicCpuInterface implements SysregDevice {

    /** The affinity fields of MPIDR_EL1 / GICD_IROUTER: Aff3 (39:32), Aff2, Aff1, Aff0. */
    static final long AFFINITY_MASK = 0xff00ffffffL;
    private static final int PRIORITY_MASK = 0xf8;

    private final GicV3 gic;
    private final int index;
    private final long affinity;
    private final GicV3.IrqOutput output;
    private final Interrupt[] privates = new Interrupt[32];
    /** Priorities of the active interrupts this CPU acknowledged, innermost last. */
    private final Deque<Integer> activePriorities = new ArrayDeque<>();
    private int pmr;
    private int bpr0;
    private int bpr1;
    private int ctlr;
    private boolean groupEnable0;
    private boolean groupEnable1;
    int waker = 6;
    private boolean lineState;

    GicCpuInterface(GicV3 gic, int index, long mpidr, GicV3.IrqOutput output) {
        this.gic = gic;
        this.index = index;
        this.affinity = mpidr & AFFINITY_MASK;
        this.output = output;
        for (int id = 0; id < 32; id++) privates[id] = new Interrupt(id, id < 16);
    }

    public int index() { return index; }

    long affinity() { return affinity; }

    Interrupt privateInterrupt(int id) { return privates[id]; }

    Interrupt privateOrNull(int id) { return id >= 0 && id < 32 ? privates[id] : null; }

    /** The priority of the highest active interrupt, or idle (0xff). */
    public int runningPriority() {
        Integer top = activePriorities.peekLast();
        return top == null ? GicV3.IDLE_PRIORITY : top;
    }

    @Override
    public boolean handles(int key) {
        return key == SysReg.ICC_PMR_EL1 || (key >>> 7) == (SysReg.ICC_IAR0_EL1 >>> 7) && ((key >>> 3) & 15) >= 8;
    }

    @Override
    public long read(Cpu cpu, int key) {
        switch (key) {
            case SysReg.ICC_PMR_EL1: return pmr;
            case SysReg.ICC_IAR1_EL1: return acknowledge(true);
            case SysReg.ICC_IAR0_EL1: return acknowledge(false);
            case SysReg.ICC_HPPIR1_EL1: return highestId(true);
            case SysReg.ICC_HPPIR0_EL1: return highestId(false);
            case SysReg.ICC_RPR_EL1: return runningPriority();
            case SysReg.ICC_BPR0_EL1: return bpr0;
            case SysReg.ICC_BPR1_EL1: return bpr1;
            // A3V, five priority bits (PRIbits = 4), 16-bit INTIDs; EOImode and CBPR are writable.
            case SysReg.ICC_CTLR_EL1: return 1 << 15 | 4 << 8 | ctlr;
            case SysReg.ICC_SRE_EL1: return 7;
            case SysReg.ICC_IGRPEN0_EL1: return groupEnable0 ? 1 : 0;
            case SysReg.ICC_IGRPEN1_EL1: return groupEnable1 ? 1 : 0;
            default: return 0; // AP0Rn/AP1Rn and write-only registers read as zero
        }
    }

    @Override
    public Outcome write(Cpu cpu, int key, long value) {
        switch (key) {
            case SysReg.ICC_PMR_EL1: pmr = (int) value & PRIORITY_MASK; break;
            case SysReg.ICC_EOIR1_EL1: case SysReg.ICC_EOIR0_EL1: endOfInterrupt((int) value & 0xffffff); break;
            case SysReg.ICC_DIR_EL1: deactivate((int) value & 0xffffff); break;
            case SysReg.ICC_SGI1R_EL1: case SysReg.ICC_ASGI1R_EL1: case SysReg.ICC_SGI0R_EL1: sendSgi(value); break;
            case SysReg.ICC_BPR0_EL1: bpr0 = (int) value & 7; break;
            case SysReg.ICC_BPR1_EL1: bpr1 = (int) value & 7; break;
            case SysReg.ICC_CTLR_EL1: ctlr = (int) value & 3; break;
            case SysReg.ICC_IGRPEN0_EL1: groupEnable0 = (value & 1) != 0; break;
            case SysReg.ICC_IGRPEN1_EL1: groupEnable1 = (value & 1) != 0; break;
            default: break;
        }
        gic.update();
        return Outcome.RESUME;
    }

    /** ICC_IAR: takes the highest pending interrupt of the group if it may preempt; else 1023. */
    private int acknowledge(boolean group1) {
        Interrupt irq = highestPending();
        if (irq == null || irq.group1 != group1 || !canSignal(irq)) return GicV3.SPECIAL_NONE;
        irq.active = true;
        irq.pendingLatch = false;
        activePriorities.addLast(irq.priority & PRIORITY_MASK);
        gic.update();
        return irq.id;
    }

    private int highestId(boolean group1) {
        Interrupt irq = highestPending();
        return irq == null || irq.group1 != group1 ? GicV3.SPECIAL_NONE : irq.id;
    }

    /** ICC_EOIR: drops the running priority; with EOImode 0 it also deactivates the interrupt. */
    private void endOfInterrupt(int id) {
        if (id >= 1020 && id <= 1023) return;
        activePriorities.pollLast();
        if ((ctlr & 2) == 0) deactivate(id);
    }

    private void deactivate(int id) {
        Interrupt irq = id < 32 ? privates[id] : gic.spi(id);
        if (irq != null) irq.active = false;
    }

    /** ICC_SGI1R_EL1: TargetList 15:0, Aff1 23:16, INTID 27:24, Aff2 39:32, IRM 40, RS 47:44, Aff3 55:48. */
    private void sendSgi(long value) {
        int id = (int) (value >>> 24) & 15;
        boolean allOthers = ((value >>> 40) & 1) != 0;
        long cluster = ((value >>> 16) & 0xff) << 8 | ((value >>> 32) & 0xff) << 16 | ((value >>> 48) & 0xff) << 32;
        int rangeSelector = (int) (value >>> 44) & 15;
        for (GicCpuInterface target : gic.cpus()) {
            boolean hit;
            if (allOthers) {
                hit = target != this;
            } else {
                long aff0 = target.affinity & 0xff;
                hit = (target.affinity & ~0xffL) == cluster && aff0 / 16 == rangeSelector
                        && ((value >>> (aff0 % 16)) & 1) != 0;
            }
            if (hit) target.privates[id].pendingLatch = true;
        }
    }

    private boolean groupEnabled(Interrupt irq) {
        return irq.group1 ? gic.group1Enabled() && groupEnable1 : gic.group0Enabled() && groupEnable0;
    }

    private boolean canSignal(Interrupt irq) {
        int priority = irq.priority & PRIORITY_MASK;
        return priority < pmr && priority < runningPriority();
    }

    /** The pending, enabled, inactive interrupt of highest priority (lowest ID on ties) for this CPU. */
    Interrupt highestPending() {
        Interrupt best = null;
        for (Interrupt irq : privates) best = better(best, irq);
        for (int id = 32; id < gic.interruptCount(); id++) {
            Interrupt irq = gic.spi(id);
            if (irq.enabled && irq.pending() && gic.target(irq) == this) best = better(best, irq);
        }
        return best;
    }

    private Interrupt better(Interrupt best, Interrupt irq) {
        if (!irq.enabled || !irq.pending() || irq.active || !groupEnabled(irq)) return best;
        if (best == null || (irq.priority & PRIORITY_MASK) < (best.priority & PRIORITY_MASK)) return irq;
        return best;
    }

    /** Drives the core's IRQ input: a group 1 interrupt that may preempt is pending. */
    void updateLine() {
        Interrupt irq = highestPending();
        boolean level = irq != null && irq.group1 && canSignal(irq);
        if (level != lineState) {
            lineState = level;
            output.set(level);
        }
    }
}
