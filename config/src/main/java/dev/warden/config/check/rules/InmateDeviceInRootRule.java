package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.DeviceTreeView;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;

/**
 * A device given to a non-root cell (not ROOTSHARED) must be disabled in the root DT: when the
 * cell is created its registers leave the root cell, and the root driver's next access parks.
 */
public final class InmateDeviceInRootRule extends BaseRule {
    public InmateDeviceInRootRule() {
        super("dt/inmate-device-in-root", Severity.WARNING, "Device of a non-root cell still enabled in the root DT");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        if (in.deviceTree().isEmpty()) {
            return;
        }
        for (DeviceTreeView.Device d : in.deviceTree().get().devices()) {
            if (!d.enabled()) {
                continue;
            }
            for (DeviceTreeView.Range r : d.regs()) {
                for (CellConfig c : in.cells()) {
                    for (int i = 0; i < c.memoryRegions().size(); i++) {
                        MemoryRegion m = c.memoryRegions().get(i);
                        if (!m.has(MemoryRegion.IO) || m.has(MemoryRegion.ROOTSHARED) || !r.overlaps(m.phys(), m.size())) {
                            continue;
                        }
                        out.add("Node " + d.path() + " (" + hex(r.start()) + "+" + hex(r.size()) + ") is enabled in the "
                                        + "root DT but region " + i + " gives it to cell '" + c.name() + "'; after "
                                        + "'cell create' the root driver's next access parks a root CPU",
                                "Set status = \"disabled\" on " + d.path() + " in the root DT (overlay), or mark the "
                                        + "region ROOTSHARED if both really share it",
                                new Location(d.path(), "reg", r.start(), r.size()), CheckInput.region(c, i));
                    }
                }
            }
        }
    }
}
