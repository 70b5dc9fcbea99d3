package dev.warden.hypervisor.core;

import dev.warden.config.CellConfig;
import dev.warden.config.Irqchip;
import dev.warden.hypervisor.mmio.MmioDispatch;
import dev.warden.hypervisor.paging.Stage2Map;
import java.util.BitSet;

/**
 * A cell as the hypervisor keeps it: its configuration, the CPUs it owns and those that failed,
 * its stage-2 map and trapped register windows, the interrupts it owns, its state and whether
 * the root cell may load it.
 */
public final class Cell {

    private final int id;
    private final CellConfig config;
    private final BitSet cpus;
    private final BitSet failedCpus = new BitSet();
    private final BitSet irqs = new BitSet(1024);
    private final Stage2Map stage2;
    private final MmioDispatch mmio = new MmioDispatch();
    private final CommRegion comm = new CommRegion();
    private CellState state = CellState.SHUT_DOWN;
    private boolean loadable;

    /** A cell whose stage-2 tables come from the hypervisor's page pool. */
    Cell(int id, CellConfig config, Stage2Map stage2) {
        this.id = id;
        this.config = config;
        this.cpus = config.cpus();
        this.stage2 = stage2;
    }

    public int id() { return id; }

    public String name() { return config.name(); }

    public CellConfig config() { return config; }

    /** The CPUs the cell owns now (the root cell's shrink as cells are created). */
    public BitSet cpus() { return (BitSet) cpus.clone(); }

    BitSet cpuSet() { return cpus; }

    public BitSet failedCpus() { return (BitSet) failedCpus.clone(); }

    BitSet failedSet() { return failedCpus; }

    public boolean ownsIrq(int irq) { return irqs.get(irq); }

    BitSet irqSet() { return irqs; }

    public Stage2Map stage2() { return stage2; }

    public MmioDispatch mmio() { return mmio; }

    public CommRegion comm() { return comm; }

    public CellState state() { return state; }

    void state(CellState s) { this.state = s; }

    public boolean loadable() { return loadable; }

    void loadable(boolean l) { this.loadable = l; }

    public boolean isRoot() { return id == 0; }

    /** The interrupts the configuration grants: SPIs of irqchips at the distributor, all PPIs/SGIs. */
    static BitSet configuredIrqs(CellConfig config, long gicdBase) {
        BitSet set = new BitSet(1024);
        set.set(2, 32);     // SGIs 2..15 and PPIs: SGI 0/1 are the hypervisor's own
        for (Irqchip chip : config.irqchips()) {
            if (chip.address() != gicdBase) continue;
            for (int irq : chip.interrupts()) set.set(irq);
        }
        return set;
    }
}
