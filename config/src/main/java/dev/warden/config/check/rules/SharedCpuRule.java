package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.CpuSet;
import java.util.BitSet;

/** Two non-root cells share CPUs: the second 'cell create' fails with EBUSY. */
public final class SharedCpuRule extends BaseRule {
    public SharedCpuRule() {
        super("cpus/shared", Severity.ERROR, "Two non-root cells share CPUs");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        for (int a = 0; a < in.cells().size(); a++) {
            for (int b = a + 1; b < in.cells().size(); b++) {
                CellConfig ca = in.cells().get(a);
                CellConfig cb = in.cells().get(b);
                BitSet both = ca.cpus();
                both.and(cb.cpus());
                if (!both.isEmpty()) {
                    out.add("Cells '" + ca.name() + "' and '" + cb.name() + "' share CPUs: " + CpuSet.format(both)
                                    + "; whichever is created second fails with 'Device or resource busy'",
                            "Give the cells disjoint CPU sets, or never run them at the same time",
                            new Location(ca.name(), "cpus", 0, 0), new Location(cb.name(), "cpus", 0, 0));
                }
            }
        }
    }
}
