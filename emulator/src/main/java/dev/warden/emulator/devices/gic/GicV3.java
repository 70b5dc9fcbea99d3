package dev.warden.emulator.devices.gic;

import java.util.ArrayList;
import java.util.List;

/**
 * A GICv3 with a single security state (GICD_CTLR.DS = 1, affinity routing always on), as QEMU's
 * virt board has it: one distributor, one redistributor and one CPU interface per CPU. Group 1
 * interrupts signal IRQ; group 0 would signal FIQ, which the core does not model.
 *
 * <p>Devices drive interrupts with {@link #setSpi} and {@link #setPpi}; the CPU interfaces drive
 * each core's IRQ line. Register values that software probes (GICD_TYPER, PIDR2, GICR_TYPER)
 * read as QEMU 7.2 reports them, LPI support bits included, so a probe sees the same board.
 */
public final class GicV3 {

    /** Where a CPU interface's interrupt request goes (the core's IRQ input). */
    @FunctionalInterface
    public interface IrqOutput {
        void set(boolean asserted);
    }

    static final int SPECIAL_NONE = 1023;
    static final int IDLE_PRIORITY = 0xff;

    private final int interruptCount;
    private final Interrupt[] spis;
    private final List<GicCpuInterface> cpus = new ArrayList<>();
    private final GicDistributor distributor;
    private final GicRedistributors redistributors;
    int ctlr;

    /**
     * @param interruptCount number of interrupt IDs, a multiple of 32 (QEMU virt: 256 lines = 288)
     * @param mpidrs         affinity of each CPU, in CPU order
     * @param outputs        each CPU's IRQ input
     */
    public GicV3(int interruptCount, long[] mpidrs, IrqOutput[] outputs) {
        if (interruptCount % 32 != 0 || interruptCount < 64 || interruptCount > 1020 + 4) {
            throw new IllegalArgumentException("GICv3 interrupt count must be a multiple of 32 between 64 and 1024, got " + interruptCount);
        }
        if (mpidrs.length != outputs.length) throw new IllegalArgumentException("one IRQ output per CPU expected");
        this.interruptCount = Math.min(interruptCount, 1020);
        this.spis = new Interrupt[this.interruptCount];
        for (int id = 32; id < this.interruptCount; id++) spis[id] = new Interrupt(id, false);
        for (int i = 0; i < mpidrs.length; i++) cpus.add(new GicCpuInterface(this, i, mpidrs[i], outputs[i]));
        this.distributor = new GicDistributor(this);
        this.redistributors = new GicRedistributors(this);
    }

    /** The distributor register frame (64 KiB, GICD_*). */
    public GicDistributor distributor() { return distributor; }

    /** All redistributor frames, 128 KiB per CPU (GICR_*). */
    public GicRedistributors redistributors() { return redistributors; }

    /** The system-register CPU interface of CPU {@code index}; register it with that core. */
    public GicCpuInterface cpuInterface(int index) { return cpus.get(index); }

    public int cpuCount() { return cpus.size(); }

    public int interruptCount() { return interruptCount; }

    /** Drives a shared peripheral interrupt input (ID 32 and up). */
    public void setSpi(int id, boolean level) {
        Interrupt irq = spi(id);
        if (irq == null) throw new IllegalArgumentException("SPI " + id + " is outside 32.." + (interruptCount - 1));
        setInput(irq, level);
    }

    /** Drives a private peripheral interrupt input (ID 16..31) of one CPU, e.g. its timer. */
    public void setPpi(int cpu, int id, boolean level) {
        if (id < 16 || id > 31) throw new IllegalArgumentException("PPI IDs are 16..31, got " + id);
        setInput(cpus.get(cpu).privateInterrupt(id), level);
    }

    private void setInput(Interrupt irq, boolean level) {
        if (irq.edge && level && !irq.level) irq.pendingLatch = true;
        irq.level = level;
        update();
    }

    /**
     * The CPU (index) an SPI is delivered to now: the one its IROUTER names, while it is enabled;
     * -1 while it is disabled or names no CPU. A modeled driver asks it to know whether its
     * device's interrupt still reaches it.
     */
    public int spiTarget(int id) {
        Interrupt irq = spi(id);
        if (irq == null || !irq.enabled) return -1;
        GicCpuInterface c = target(irq);
        return c == null ? -1 : cpus.indexOf(c);
    }

    Interrupt spi(int id) {
        return id >= 32 && id < interruptCount ? spis[id] : null;
    }

    List<GicCpuInterface> cpus() { return cpus; }

    boolean group1Enabled() { return (ctlr & 2) != 0; }

    boolean group0Enabled() { return (ctlr & 1) != 0; }

    /** Which CPU an SPI goes to: its IROUTER affinity, or the first CPU for "any" (1-of-N). */
    GicCpuInterface target(Interrupt spi) {
        if ((spi.route & (1L << 31)) != 0) return cpus.get(0);
        long affinity = spi.route & GicCpuInterface.AFFINITY_MASK;
        for (GicCpuInterface c : cpus) if (c.affinity() == affinity) return c;
        return null;
    }

    /** Re-evaluates every CPU's IRQ line after any state change. */
    void update() {
        for (GicCpuInterface c : cpus) c.updateLine();
    }
}
