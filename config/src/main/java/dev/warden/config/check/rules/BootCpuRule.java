package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.CpuSet;

/** CPU 0 must stay with the root cell: Linux does not offline its boot CPU, so cell create fails. */
public final class BootCpuRule extends BaseRule {
    public BootCpuRule() {
        super("cpus/boot-cpu", Severity.ERROR, "A non-root cell asks for CPU 0, the root Linux's boot CPU");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        for (CellConfig c : in.cells()) {
            if (c.cpus().get(0)) {
                out.add("Cell '" + c.name() + "' asks for CPU 0 (its CPUs: " + CpuSet.format(c.cpus())
                                + "); Linux will not offline its boot CPU, so 'jailhouse cell create' fails",
                        "Give the cell CPUs other than 0, e.g. the highest-numbered ones",
                        new Location(c.name(), "cpus", 0, 0));
            }
        }
    }
}
