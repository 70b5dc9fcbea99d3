package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.DeviceTreeView;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.MemoryRegion;

/**
 * The hypervisor memory must be a no-map reservation of the DT after overlays, else Linux owns it
 * and 'jailhouse enable' fails (request_mem_region failed ... Did you reserve the memory ...).
 */
public final class HypervisorReservedRule extends BaseRule {
    public HypervisorReservedRule() {
        super("dt/hypervisor-not-reserved", Severity.ERROR, "Hypervisor memory not reserved no-map in the DT");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        if (in.deviceTree().isEmpty()) {
            return;
        }
        DeviceTreeView dt = in.deviceTree().get();
        MemoryRegion hv = in.system().hypervisorMemory();
        Location at = new Location("hypervisor", "hypervisor_memory", hv.phys(), hv.size());
        DeviceTreeView.Range partial = null;
        for (DeviceTreeView.Range r : dt.noMapReservations()) {
            if (r.contains(hv.phys(), hv.size())) {
                return;
            }
            if (r.overlaps(hv.phys(), hv.size())) {
                partial = r;
            }
        }
        String range = hex(hv.phys()) + ".." + hex(hv.phys() + hv.size() - 1);
        if (partial != null) {
            out.add("The hypervisor memory " + range + " is only partly inside the no-map reservation "
                            + hex(partial.start()) + "+" + hex(partial.size()) + " of " + dt.source()
                            + "; 'jailhouse enable' fails with request_mem_region failed",
                    "Make the /reserved-memory node cover " + range + " exactly, or move hypervisor_memory into it",
                    at);
        } else {
            out.add("The hypervisor memory " + range + " is not reserved (no /reserved-memory node with no-map) in "
                            + dt.source() + "; Linux uses it and 'jailhouse enable' fails with request_mem_region failed",
                    "Add a /reserved-memory child with reg = <" + range + "> and no-map (the board's Jailhouse overlay)",
                    at);
        }
    }
}
