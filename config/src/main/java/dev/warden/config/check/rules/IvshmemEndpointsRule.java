package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.PciDevice;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints of one ivshmem link (the hypervisor pairs them by BDF) must agree: the same peer
 * count, the same protocol, the same shared memory, distinct ids. Missing peers are reported as
 * information: the link works once the other cells exist.
 */
public final class IvshmemEndpointsRule extends BaseRule {
    private record Endpoint(CellConfig cell, int index, PciDevice device) {
        Location location() {
            return new Location(cell.name(), "pci_devices[" + index + "]", 0, 0);
        }

        long statePhys() {
            int s = device.shmemRegionsStart();
            return s >= 0 && s < cell.memoryRegions().size() ? cell.memoryRegions().get(s).phys() : -1;
        }
    }

    public IvshmemEndpointsRule() {
        super("ivshmem/endpoints", Severity.ERROR, "ivshmem endpoints of one link disagree or are missing");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        if (in.legacyIvshmem()) {
            return;
        }
        Map<Integer, List<Endpoint>> links = new LinkedHashMap<>();
        for (CellConfig c : in.allCells()) {
            for (int i = 0; i < c.pciDevices().size(); i++) {
                PciDevice d = c.pciDevices().get(i);
                if (d.isIvshmem()) {
                    links.computeIfAbsent(d.bdf(), k -> new ArrayList<>()).add(new Endpoint(c, i, d));
                }
            }
        }
        for (List<Endpoint> link : links.values()) {
            checkLink(link, out);
        }
    }

    private static void checkLink(List<Endpoint> link, FindingSink out) {
        Endpoint first = link.get(0);
        String bdf = first.device().bdfText();
        BitSet ids = new BitSet();
        for (Endpoint e : link) {
            PciDevice d = e.device();
            if (e != first && d.shmemPeers() != first.device().shmemPeers()) {
                out.add("ivshmem link " + bdf + ": '" + first.cell().name() + "' says " + first.device().shmemPeers()
                                + " peers, '" + e.cell().name() + "' says " + d.shmemPeers(),
                        "Give every endpoint of " + bdf + " the same shmem_peers", first.location(), e.location());
            }
            if (e != first && d.shmemProtocol() != first.device().shmemProtocol()) {
                out.add("ivshmem link " + bdf + ": protocol 0x" + Integer.toHexString(first.device().shmemProtocol())
                                + " in '" + first.cell().name() + "' but 0x" + Integer.toHexString(d.shmemProtocol())
                                + " in '" + e.cell().name() + "'",
                        "Use the same shmem_protocol on every endpoint", first.location(), e.location());
            }
            if (e != first && e.statePhys() != first.statePhys()) {
                out.add("ivshmem link " + bdf + ": the state table of '" + first.cell().name() + "' is at "
                                + hex(first.statePhys()) + " but that of '" + e.cell().name() + "' at "
                                + hex(e.statePhys()) + "; the peers do not share memory",
                        "Point every endpoint's regions at the same physical addresses", first.location(),
                        e.location());
            }
            if (ids.get(d.shmemDevId())) {
                out.add("ivshmem link " + bdf + ": shmem_dev_id " + d.shmemDevId() + " is used twice (again in '"
                                + e.cell().name() + "'); the second endpoint fails with EBUSY",
                        "Give every endpoint of " + bdf + " its own shmem_dev_id", e.location());
            }
            ids.set(d.shmemDevId());
        }
        int peers = first.device().shmemPeers();
        BitSet missing = new BitSet();
        missing.set(0, Math.max(0, peers));
        missing.andNot(ids);
        if (!missing.isEmpty()) {
            List<Location> at = link.stream().map(Endpoint::location).toList();
            out.add(Severity.INFO, "ivshmem link " + bdf + " has " + peers + " peers but the checked cells provide "
                            + "only ids " + dev.warden.config.CpuSet.format(ids) + "; peers "
                            + dev.warden.config.CpuSet.format(missing) + " are not in this set",
                    "Check the cell that provides the missing peer together with these, or lower shmem_peers",
                    at.toArray(Location[]::new));
        }
    }
}
