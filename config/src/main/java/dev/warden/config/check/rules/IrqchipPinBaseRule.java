package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.Irqchip;

/**
 * The hypervisor rejects (EINVAL) an irqchip at the distributor whose pin_base is not a multiple
 * of 32 or whose 128 pins reach past interrupt 1023; two entries of one cell covering the same
 * pins override each other.
 */
public final class IrqchipPinBaseRule extends BaseRule {
    public IrqchipPinBaseRule() {
        super("irq/pin-base", Severity.ERROR, "Irqchip pin_base not a multiple of 32, beyond 1023, or overlapping");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        long gicd = in.system().platform().gicdBase();
        for (CellConfig c : in.allCells()) {
            for (int i = 0; i < c.irqchips().size(); i++) {
                Irqchip chip = c.irqchips().get(i);
                if (chip.address() != gicd) {
                    continue;
                }
                long base = chip.pinBase() & 0xffffffffL;
                Location at = new Location(c.name(), "irqchips[" + i + "]", chip.address(), 0);
                if (base % 32 != 0 || base + Irqchip.PINS > 1024) {
                    out.add("In cell '" + c.name() + "', irqchips[" + i + "] has pin_base " + base
                                    + ": it must be a multiple of 32 and pin_base + 128 must not exceed 1024; "
                                    + "'cell create' fails with EINVAL",
                            "Use one of 32, 160, 288, ... (32 + 128 n) up to 896", at);
                }
                for (int j = i + 1; j < c.irqchips().size(); j++) {
                    Irqchip other = c.irqchips().get(j);
                    long ob = other.pinBase() & 0xffffffffL;
                    if (other.address() == gicd && base < ob + Irqchip.PINS && ob < base + Irqchip.PINS) {
                        out.add(Severity.WARNING, "In cell '" + c.name() + "', irqchips[" + i + "] (pin_base " + base
                                        + ") and irqchips[" + j + "] (pin_base " + ob + ") cover the same pins; the "
                                        + "later entry overrides the earlier one's bitmap",
                                "Merge the two entries or use pin_base values 128 apart", at,
                                new Location(c.name(), "irqchips[" + j + "]", other.address(), 0));
                    }
                }
            }
        }
    }
}
