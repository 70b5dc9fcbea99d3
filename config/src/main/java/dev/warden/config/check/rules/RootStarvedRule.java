package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.CpuSet;
import java.util.BitSet;

/** With every non-root cell started, the root cell must keep at least one CPU. */
public final class RootStarvedRule extends BaseRule {
    public RootStarvedRule() {
        super("cpus/root-starved", Severity.ERROR, "No root cell CPUs left when all non-root cells are started");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        if (in.cells().isEmpty()) {
            return;
        }
        BitSet left = in.root().cpus();
        for (CellConfig c : in.cells()) {
            left.andNot(c.cpus());
        }
        if (left.isEmpty()) {
            out.add("No root cell CPUs left when all non-root cells are started (root CPUs "
                            + CpuSet.format(in.root().cpus()) + " are all handed out)",
                    "Leave at least one CPU (normally CPU 0) with the root cell",
                    new Location(in.root().name(), "cpus", 0, 0));
        }
    }
}
