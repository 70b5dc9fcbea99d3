package dev.warden.rootcell.jailhouse;

import dev.warden.config.CellConfig;
import java.util.BitSet;

/**
 * A cell as the driver keeps it (driver/cell.c): the id the hypervisor gave it, its name, the
 * CPUs it took from Linux, and its configuration, which tells where images may be loaded.
 */
public record DriverCell(int id, String name, BitSet cpus, CellConfig config) {

    public DriverCell {
        cpus = (BitSet) cpus.clone();
    }

    @Override
    public BitSet cpus() {
        return (BitSet) cpus.clone();
    }
}
