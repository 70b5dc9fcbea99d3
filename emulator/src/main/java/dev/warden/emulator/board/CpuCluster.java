package dev.warden.emulator.board;

import dev.warden.emulator.clock.Scheduler;
import dev.warden.emulator.clock.VirtualClock;
import dev.warden.emulator.cpu.CodeCache;
import dev.warden.emulator.cpu.Cpu;
import dev.warden.emulator.cpu.MemoryPort;
import dev.warden.emulator.cpu.TrapHandler;
import dev.warden.emulator.devices.gic.GicV3;
import dev.warden.emulator.devices.timer.GenericTimer;
import dev.warden.emulator.profile.BoardProfile;
import java.util.List;
import java.util.Optional;

/**
 * The board's emulated cores. A core exists only while something runs real code on it (an inmate
 * in a cell); the modeled root Linux needs none. Cores run in lock step, one slice of virtual time
 * after another, every core executing one instruction per nanosecond of its slice, so the
 * interleaving and therefore every transcript is the same on every run.
 */
public final class CpuCluster implements Processors {

    /** Virtual nanoseconds each core runs before the others get their turn. */
    static final long SLICE_NS = 10_000;
    static final int PPI_PHYSICAL_TIMER = 30;
    static final int PPI_VIRTUAL_TIMER = 27;

    private final VirtualClock clock;
    private final Scheduler scheduler;
    private final GicV3 gic;
    private final List<BoardProfile.Cpu> profileCpus;
    private final long timerFrequency;
    private final Cpu[] cores;
    /** Instruction count of each core at the start of the current slice, for its exact time. */
    private final long[] sliceStartCount;

    private final dev.warden.emulator.console.Writer writer;

    CpuCluster(BoardProfile profile, VirtualClock clock, Scheduler scheduler, GicV3 gic,
               dev.warden.emulator.console.Writer writer) {
        this.writer = writer;
        this.clock = clock;
        this.scheduler = scheduler;
        this.gic = gic;
        this.profileCpus = profile.cpus();
        this.timerFrequency = profile.timerFrequencyHz();
        this.cores = new Cpu[profileCpus.size()];
        this.sliceStartCount = new long[profileCpus.size()];
    }

    /** The IRQ input of core {@code index} (what the GIC's CPU interface drives). */
    void irq(int index, boolean level) {
        Cpu c = cores[index];
        if (c != null) c.setIrqLine(level);
    }

    /**
     * Powers core {@code index} on at {@code pc} with {@code pstate}, its memory behind
     * {@code port} and its exits going to {@code traps}. A core already running is reset.
     */
    public Cpu start(int index, MemoryPort port, TrapHandler traps, long pc, long pstate) {
        return start(index, port, traps, pc, pstate, new CodeCache());
    }

    /**
     * As {@link #start(int, MemoryPort, TrapHandler, long, long)}, with the decoded-code cache the
     * core shares with the other cores that run the same memory (the CPUs of one cell), so that
     * code one of them writes is seen by all.
     */
    public Cpu start(int index, MemoryPort port, TrapHandler traps, long pc, long pstate, CodeCache code) {
        Cpu cpu = new Cpu(profileCpus.get(index).mpidr(), port);
        cpu.setCodeCache(code);
        cpu.setTrapHandler(traps);
        if (gic != null) cpu.addSysregDevice(gic.cpuInterface(index));
        int core = index;
        cpu.addSysregDevice(new GenericTimer(timerFrequency, () -> now(core), scheduler,
                level -> ppi(core, PPI_PHYSICAL_TIMER, level), level -> ppi(core, PPI_VIRTUAL_TIMER, level)));
        cpu.setTlbBroadcast(this::invalidateOthers);
        cpu.reset(pc, pstate);
        cores[index] = cpu;
        sliceStartCount[index] = cpu.instructionCount();
        return cpu;
    }

    /** TLBI ... IS on one core: every other core forgets its translations too (over-invalidating is harmless). */
    private void invalidateOthers(Cpu from) {
        for (Cpu c : cores) if (c != null && c != from) c.flushTlb();
    }

    private void ppi(int core, int id, boolean level) {
        if (gic != null) gic.setPpi(core, id, level);
    }

    /** Stops core {@code index} for good (parked, or given back): it executes nothing more. */
    public void stop(int index) {
        Cpu c = cores[index];
        if (c != null) {
            c.halt();
            c.requestExit();
        }
        cores[index] = null;
    }

    public Optional<Cpu> core(int index) {
        return Optional.ofNullable(cores[index]);
    }

    /** The exact virtual time as core {@code index} sees it, in the middle of its slice too. */
    long now(int index) {
        Cpu c = cores[index];
        return c == null ? clock.now() : clock.now() + (c.instructionCount() - sliceStartCount[index]);
    }

    private int started() {
        int n = 0;
        for (Cpu c : cores) if (c != null) n++;
        return n;
    }

    @Override
    public boolean anyRunnable() {
        for (Cpu c : cores) if (c != null && canRun(c)) return true;
        return false;
    }

    private static boolean canRun(Cpu c) {
        return c.poll();
    }

    @Override
    public void runUntil(long deadlineNanos) {
        while (clock.now() < deadlineNanos && anyRunnable()) {
            long slice = Math.min(SLICE_NS, deadlineNanos - clock.now());
            slice = Math.min(slice, Math.max(1, scheduler.nextEventTime() - clock.now()));
            boolean shared = started() > 1;
            for (int i = 0; i < cores.length; i++) {
                Cpu c = cores[i];
                if (c == null || !canRun(c)) continue;
                sliceStartCount[i] = c.instructionCount();
                // the global monitor: other cores ran since this one's last LDXR, so its STXR must not trust it
                if (shared) c.clearExclusiveMonitor();
                long budget = slice;
                writer.as(dev.warden.emulator.console.Writer.core(i), () -> c.run(budget));
            }
            clock.advanceBy(slice);
            for (int i = 0; i < cores.length; i++) if (cores[i] != null) sliceStartCount[i] = cores[i].instructionCount();
            scheduler.runDue();
        }
    }
}
