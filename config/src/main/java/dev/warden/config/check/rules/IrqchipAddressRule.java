package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.Irqchip;

/** On ARM only irqchip entries at the GIC distributor's address are honoured; others are silently ignored. */
public final class IrqchipAddressRule extends BaseRule {
    public IrqchipAddressRule() {
        super("irq/irqchip-not-gicd", Severity.ERROR, "Irqchip entry whose address is not the GIC distributor");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        long gicd = in.system().platform().gicdBase();
        for (CellConfig c : in.allCells()) {
            for (int i = 0; i < c.irqchips().size(); i++) {
                Irqchip chip = c.irqchips().get(i);
                if (chip.address() != gicd) {
                    out.add("In cell '" + c.name() + "', irqchips[" + i + "] is at " + hex(chip.address())
                                    + " but the GIC distributor is at " + hex(gicd) + ": the hypervisor silently "
                                    + "ignores the entry and its interrupts " + summary(chip) + " are never delivered",
                            "Set the irqchip address to the system's gicd_base " + hex(gicd),
                            new Location(c.name(), "irqchips[" + i + "]", chip.address(), 0));
                }
            }
        }
    }

    static String summary(Irqchip chip) {
        java.util.BitSet b = new java.util.BitSet();
        chip.interrupts().forEach(b::set);
        String s = dev.warden.config.CpuSet.format(b);
        return s.isEmpty() ? "(none)" : s;
    }
}
