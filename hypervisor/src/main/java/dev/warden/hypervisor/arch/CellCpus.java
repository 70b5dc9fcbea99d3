package dev.warden.hypervisor.arch;

import dev.warden.emulator.board.CpuCluster;
import dev.warden.emulator.cpu.CodeCache;
import dev.warden.emulator.cpu.Cpu;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Hypervisor;
import java.util.BitSet;
import java.util.List;

/**
 * The emulated cores of non-root cells: at start the cell's first CPU comes out of reset at the
 * cell's cpu_reset_address in EL1 with interrupts masked, the others wait for PSCI CPU_ON; a
 * parked, switched-off or given-back CPU stops executing. The root cell's Linux is modeled and
 * has no cores here.
 */
public final class CellCpus implements Hypervisor.CellListener, Hypervisor.ParkListener, dev.warden.hypervisor.core.CpuPower {

    /** EL1h with D, A, I and F masked: the state Jailhouse resets a cell CPU to. */
    static final long RESET_PSTATE = 0x3c5;

    /**
     * Software Warden models instead of emulating (a Linux kernel in a cell): given the cell and
     * its first CPU at start, it takes the cell over and answers true, or leaves it to the core.
     */
    @FunctionalInterface
    public interface ModeledGuests {
        ModeledGuests NONE = (cell, cpu) -> false;

        boolean launch(Cell cell, int firstCpu);

        /** The cell stops running whatever was launched in it. */
        default void stopped(Cell cell) { }
    }

    private final Hypervisor hv;
    private final CpuCluster cluster;
    private ModeledGuests modeled = ModeledGuests.NONE;
    /** One decoded-code cache per cell: its CPUs share its memory, so they share what was decoded from it. */
    private final java.util.Map<Cell, CodeCache> code = new java.util.IdentityHashMap<>();

    private CellCpus(Hypervisor hv) {
        this.hv = hv;
        this.cluster = hv.board().cpus();
    }

    /** Lets the hypervisor's cells run real code on the board's cores, and modeled guests where they are loaded. */
    public static CellCpus attach(Hypervisor hv, ModeledGuests modeled) {
        CellCpus cpus = attach(hv);
        cpus.modeled = modeled;
        return cpus;
    }

    /** Lets the hypervisor's cells run real code on the board's cores. */
    public static CellCpus attach(Hypervisor hv) {
        CellCpus cpus = new CellCpus(hv);
        hv.onCell(cpus);
        hv.onPark(cpus);
        return cpus;
    }

    @Override
    public void started(Cell cell) {
        BitSet set = cell.cpus();
        for (int c = set.nextSetBit(0); c >= 0; c = set.nextSetBit(c + 1)) cluster.stop(c);
        modeled.stopped(cell);
        code.put(cell, new CodeCache()); // the root may have loaded new code while the cell was shut down
        int first = set.nextSetBit(0);
        if (first < 0 || modeled.launch(cell, first)) return;
        startCore(cell, first, cell.config().cpuResetAddress(), 0);
    }

    @Override
    public void destroyed(Cell cell) {
        modeled.stopped(cell);
        code.remove(cell);
        BitSet set = cell.cpus();
        for (int c = set.nextSetBit(0); c >= 0; c = set.nextSetBit(c + 1)) cluster.stop(c);
    }

    @Override
    public void parked(int cpu, Cell cell) {
        cluster.stop(cpu);
        if (!cell.isRoot() && !hv.cellOfCpu(cpu).map(c -> c != cell).orElse(false)) modeled.stopped(cell);
    }

    /** PSCI CPU_ON: false when the CPU already runs. */
    @Override
    public boolean powerOn(int cpu, long entry, long context) {
        if (isOn(cpu)) return false;
        Cell cell = hv.cellOfCpu(cpu).orElseThrow();
        startCore(cell, cpu, entry, context);
        return true;
    }

    @Override
    public void powerOff(int cpu) {
        cluster.stop(cpu);
    }

    @Override
    public boolean isOn(int cpu) {
        return cluster.core(cpu).isPresent();
    }

    private void startCore(Cell cell, int cpu, long pc, long context) {
        Cpu core = cluster.start(cpu, new CellMemoryPort(cell, hv.board().bus()), new CellTraps(hv, cell, cpu, this), pc,
                RESET_PSTATE, code.computeIfAbsent(cell, c -> new CodeCache()));
        core.setX(0, context);
    }
}
