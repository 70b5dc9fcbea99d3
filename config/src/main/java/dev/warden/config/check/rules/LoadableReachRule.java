package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Ranges;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;

/**
 * The root cell loads images into a cell's LOADABLE regions through its own mappings, so every
 * such region must lie inside the root cell's regions; otherwise the load parks a root CPU.
 */
public final class LoadableReachRule extends BaseRule {
    public LoadableReachRule() {
        super("memory/loadable-unreachable", Severity.ERROR, "Loadable region the root cell cannot reach");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        for (CellConfig c : in.cells()) {
            for (int i = 0; i < c.memoryRegions().size(); i++) {
                MemoryRegion m = c.memoryRegions().get(i);
                if (m.size() == 0 || !m.has(MemoryRegion.LOADABLE)) {
                    continue;
                }
                Long gap = Ranges.uncovered(in.root().memoryRegions(), m.phys(), m.size());
                if (gap != null) {
                    out.add("In cell '" + c.name() + "', loadable region " + i + " (" + CheckInput.describe(m)
                                    + ") is not mapped in the root cell '" + in.root().name() + "' from " + hex(gap)
                                    + "; 'jailhouse cell load' makes the root write there and parks its CPU",
                            "Add a root-cell region covering " + hex(m.phys()) + ".." + hex(m.phys() + m.size() - 1)
                                    + " (RAM reserved for inmates)",
                            CheckInput.region(c, i));
                }
            }
        }
    }
}
