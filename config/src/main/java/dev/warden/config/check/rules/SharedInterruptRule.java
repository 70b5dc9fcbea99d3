package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.CpuSet;
import dev.warden.config.Irqchip;
import java.util.BitSet;

/**
 * An interrupt granted to two non-root cells: whichever is created later takes it from the other,
 * which then waits for interrupts that never come. (Root grants are taken over by design.)
 */
public final class SharedInterruptRule extends BaseRule {
    public SharedInterruptRule() {
        super("irq/shared", Severity.ERROR, "Interrupt granted to two non-root cells");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        long gicd = in.system().platform().gicdBase();
        for (int a = 0; a < in.cells().size(); a++) {
            for (int b = a + 1; b < in.cells().size(); b++) {
                CellConfig ca = in.cells().get(a);
                CellConfig cb = in.cells().get(b);
                BitSet both = interrupts(ca, gicd);
                both.and(interrupts(cb, gicd));
                if (!both.isEmpty()) {
                    out.add("Interrupts " + CpuSet.format(both) + " are granted to both '" + ca.name() + "' and '"
                                    + cb.name() + "'; the cell created later takes them and the other never sees them",
                            "Grant each interrupt to one cell only (check the devices and vPCI INTx behind them)",
                            new Location(ca.name(), "irqchips", 0, 0), new Location(cb.name(), "irqchips", 0, 0));
                }
            }
        }
    }

    static BitSet interrupts(CellConfig c, long gicd) {
        BitSet out = new BitSet();
        for (Irqchip chip : c.irqchips()) {
            if (chip.address() == gicd && chip.pinBase() >= 0) {
                chip.interrupts().forEach(out::set);
            }
        }
        return out;
    }
}
