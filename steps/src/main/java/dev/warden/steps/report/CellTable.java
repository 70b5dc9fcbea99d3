package dev.warden.steps.report;

import dev.warden.emulator.profile.BoardProfile;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.lab.Lab;
import java.util.BitSet;
import java.util.Optional;

/**
 * The cells and CPUs at the end of a scenario, from the hypervisor model: what {@code jailhouse
 * cell list} would say, and for every CPU its MPIDR, the cell that owns it and whether it is parked.
 */
public final class CellTable {

    private CellTable() {}

    public static String of(Lab lab) {
        BoardProfile profile = lab.board().profile();
        Optional<Hypervisor> hv = lab.hypervisor();
        StringBuilder sb = new StringBuilder();
        if (hv.isEmpty()) {
            sb.append("The hypervisor is not enabled at the end of the scenario (Jailhouse ").append(lab.release().version())
                    .append(").\n\nCPU  MPIDR   Linux\n");
            for (int i = 0; i < profile.cpus().size(); i++) {
                sb.append(String.format("%-4d 0x%03x   %s%n", i, profile.cpus().get(i).mpidr(),
                        lab.linux().onlineCpus().contains(i) ? "online" : "offline"));
            }
            return sb.toString();
        }
        Hypervisor h = hv.get();
        sb.append("Cells (Jailhouse ").append(lab.release().version()).append(", enabled)\n");
        sb.append(String.format("%-4s %-28s %-18s %-14s %s%n", "ID", "Name", "State", "CPUs", "Failed CPUs"));
        for (Cell c : h.cells()) {
            sb.append(String.format("%-4d %-28s %-18s %-14s %s%n", c.id(), c.name(), c.state().text(), list(c.cpus()),
                    list(c.failedCpus())));
        }
        sb.append("\nCPU  MPIDR   Cell                         State\n");
        for (int i = 0; i < profile.cpus().size(); i++) {
            final int cpu = i;
            Optional<Cell> owner = h.cellOfCpu(cpu);
            String state = owner.map(c -> c.failedCpus().get(cpu) ? "parked" : c.isRoot()
                    ? (lab.linux().onlineCpus().contains(cpu) ? "running (root Linux)" : "offline in root Linux")
                    : c.state().text()).orElse("-");
            sb.append(String.format("%-4d 0x%03x   %-28s %s%n", cpu, profile.cpus().get(cpu).mpidr(),
                    owner.map(Cell::name).orElse("-"), state));
        }
        return sb.toString();
    }

    /** A CPU set as Linux prints it: 0,2-3. */
    static String list(BitSet set) {
        StringBuilder sb = new StringBuilder();
        for (int i = set.nextSetBit(0); i >= 0; ) {
            int j = i;
            while (set.get(j + 1)) j++;
            if (sb.length() > 0) sb.append(',');
            sb.append(i);
            if (j > i) sb.append('-').append(j);
            i = set.nextSetBit(j + 1);
        }
        return sb.toString();
    }
}
