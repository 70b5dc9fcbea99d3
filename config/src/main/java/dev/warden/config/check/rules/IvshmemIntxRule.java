package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.PciDevice;
import java.util.BitSet;

/**
 * A virtual PCI device without MSI-X signals INTx on interrupt 32 + vpci_irq_base + (device & 3):
 * the cell's irqchip bitmap must grant it, or the interrupt never arrives (moving a device to
 * another slot moves its interrupt).
 */
public final class IvshmemIntxRule extends BaseRule {
    public IvshmemIntxRule() {
        super("ivshmem/intx-not-granted", Severity.WARNING, "vPCI INTx interrupt of a device not granted to its cell");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        long gicd = in.system().platform().gicdBase();
        for (CellConfig c : in.allCells()) {
            BitSet granted = SharedInterruptRule.interrupts(c, gicd);
            for (int i = 0; i < c.pciDevices().size(); i++) {
                PciDevice d = c.pciDevices().get(i);
                if (!d.isIvshmem() || d.numMsixVectors() != 0) {
                    continue;
                }
                long irq = 32L + (c.vpciIrqBase() & 0xffffffffL) + (d.device() & 3);
                if (irq > Integer.MAX_VALUE || !granted.get((int) irq)) {
                    out.add("In cell '" + c.name() + "', ivshmem device " + d.bdfText() + " raises INTx on interrupt "
                                    + irq + " (32 + vpci_irq_base " + Integer.toUnsignedString(c.vpciIrqBase())
                                    + " + " + (d.device() & 3) + ") but no irqchip entry grants it",
                            "Add interrupt " + irq + " to the cell's irqchip at the GIC distributor, or change "
                                    + "vpci_irq_base",
                            new Location(c.name(), "pci_devices[" + i + "]", 0, 0),
                            new Location(c.name(), "irqchips", 0, 0));
                }
            }
        }
    }
}
