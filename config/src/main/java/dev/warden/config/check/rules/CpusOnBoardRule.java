package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.CpuSet;
import java.util.BitSet;

/**
 * The CPUs in the configurations must exist on the board (the DT's /cpus), and the root set must
 * be the CPUs Linux brings online: a missing one makes 'jailhouse enable' wait forever.
 */
public final class CpusOnBoardRule extends BaseRule {
    public CpusOnBoardRule() {
        super("cpus/not-on-board", Severity.ERROR, "CPU not present on the board, or root set differs from it");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        if (in.deviceTree().isEmpty()) {
            return;
        }
        int count = in.deviceTree().get().cpuCount();
        BitSet board = new BitSet();
        board.set(0, count);
        for (CellConfig c : in.allCells()) {
            BitSet missing = c.cpus();
            missing.andNot(board);
            if (!missing.isEmpty()) {
                out.add("Cell '" + c.name() + "' names CPUs " + CpuSet.format(missing) + " but the board has "
                                + count + " (CPUs " + CpuSet.format(board) + " in " + in.deviceTree().get().source()
                                + ")" + (c == in.root() ? "; 'jailhouse enable' waits forever for them"
                                : "; 'cell create' fails with 'Device or resource busy'"),
                        "Use CPUs " + CpuSet.format(board) + " only", new Location(c.name(), "cpus", 0, 0));
            }
        }
        BitSet root = in.root().cpus();
        BitSet offline = (BitSet) board.clone();
        offline.andNot(root);
        if (!offline.isEmpty()) {
            out.add(Severity.WARNING, "The board brings CPUs " + CpuSet.format(board) + " online but the root cell '"
                            + in.root().name() + "' lists only " + CpuSet.format(root) + "; 'jailhouse enable' fails "
                            + "with EINVAL unless CPUs " + CpuSet.format(offline) + " are offline first",
                    "Put every online CPU into the root cell", new Location(in.root().name(), "cpus", 0, 0));
        }
    }
}
