package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.CpuSet;
import java.util.BitSet;

/** A non-root cell's CPUs must come from the root cell's set, else 'cell create' fails with EBUSY. */
public final class CpuNotInRootRule extends BaseRule {
    public CpuNotInRootRule() {
        super("cpus/not-in-root", Severity.ERROR, "A non-root cell asks for CPUs the root cell does not have");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        BitSet root = in.root().cpus();
        for (CellConfig c : in.cells()) {
            BitSet extra = c.cpus();
            extra.andNot(root);
            if (!extra.isEmpty()) {
                out.add("Cell '" + c.name() + "' asks for CPUs " + CpuSet.format(extra) + " that the root cell '"
                                + in.root().name() + "' does not own (root CPUs: " + CpuSet.format(root)
                                + "); 'cell create' fails with 'Device or resource busy'",
                        "Use CPUs of the root set " + CpuSet.format(root) + " or add them to the root cell",
                        new Location(c.name(), "cpus", 0, 0), new Location(in.root().name(), "cpus", 0, 0));
            }
        }
    }
}
