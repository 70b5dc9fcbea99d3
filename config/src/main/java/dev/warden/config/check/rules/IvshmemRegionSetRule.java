package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;

/**
 * Each ivshmem device needs, from shmem_regions_start, a state table, a read/write section and one
 * output section per peer (2 + shmem_peers regions); the hypervisor fails with EINVAL otherwise.
 * The flags follow a pattern: state read-only, the own output writable, the others' read-only.
 */
public final class IvshmemRegionSetRule extends BaseRule {
    static final int MAX_PEERS = 12;

    public IvshmemRegionSetRule() {
        super("ivshmem/region-set", Severity.ERROR, "Incomplete or inconsistent ivshmem region set");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        if (in.legacyIvshmem()) {
            return;
        }
        for (CellConfig c : in.allCells()) {
            for (int i = 0; i < c.pciDevices().size(); i++) {
                PciDevice d = c.pciDevices().get(i);
                if (d.isIvshmem()) {
                    checkDevice(c, i, d, out);
                }
            }
        }
    }

    private static void checkDevice(CellConfig c, int index, PciDevice d, FindingSink out) {
        Location at = new Location(c.name(), "pci_devices[" + index + "]", 0, 0);
        String name = "In cell '" + c.name() + "', ivshmem device " + d.bdfText();
        int start = d.shmemRegionsStart();
        int peers = d.shmemPeers();
        int regions = c.memoryRegions().size();
        if (peers == 0 || peers > MAX_PEERS || d.shmemDevId() >= peers) {
            out.add(name + " has shmem_dev_id " + d.shmemDevId() + " and shmem_peers " + peers
                            + ": the id must be below the peer count and at most 12 peers exist; the hypervisor "
                            + "fails with EINVAL",
                    "Number the peers of a link 0..shmem_peers-1 and give every endpoint the same shmem_peers", at);
            return;
        }
        if (start < 0 || (long) start + 2 + peers > regions) {
            out.add(name + " needs " + (2 + peers) + " regions from index " + start + " (state table, read/write "
                            + "section, one output section per peer) but the cell has " + regions
                            + "; the hypervisor fails with EINVAL (returning error -EINVAL from ivshmem.c)",
                    "Add the missing regions after region " + start + " (see JAILHOUSE_SHMEM_NET_REGIONS for the "
                            + "four-region net layout)", at);
            return;
        }
        MemoryRegion state = c.memoryRegions().get(start);
        if (state.has(MemoryRegion.WRITE)) {
            out.add(Severity.WARNING, name + ": its state table (region " + start + ") is writable; peers see each "
                    + "other's state only through their own read-only copy", "Make region " + start + " READ only",
                    at, CheckInput.region(c, start));
        }
        for (int peer = 0; peer < peers; peer++) {
            int r = start + 2 + peer;
            MemoryRegion m = c.memoryRegions().get(r);
            boolean own = peer == d.shmemDevId();
            if (m.size() != 0 && own != m.has(MemoryRegion.WRITE)) {
                out.add(Severity.WARNING, name + ": output section of peer " + peer + " (region " + r + ") is "
                                + (own ? "read-only although it is this endpoint's own (shmem_dev_id "
                                + d.shmemDevId() + ")" : "writable although it belongs to another peer"),
                        own ? "Add WRITE to region " + r : "Remove WRITE from region " + r, at,
                        CheckInput.region(c, r));
            }
        }
    }
}
