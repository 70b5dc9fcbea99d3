package dev.warden.devicetree.board;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import dev.warden.devicetree.model.RegEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a node's registers are as the CPU sees them: {@code reg} translated through every parent
 * bus's {@code ranges}. A bus without {@code ranges} (an I2C or SPI controller, say) is not memory
 * mapped, so its children have no CPU address at all.
 */
public final class PhysicalAddresses {

    private PhysicalAddresses() {}

    /** The node's reg in CPU physical addresses, or empty when some parent bus is not memory mapped. */
    public static Optional<List<RegEntry>> of(Node n) {
        List<RegEntry> out = new ArrayList<>();
        for (RegEntry e : n.reg()) {
            Long address = toCpu(n.parent().orElse(null), e.address());
            if (address == null) return Optional.empty();
            out.add(new RegEntry(address, e.size()));
        }
        return Optional.of(out);
    }

    /**
     * Every window a bus opens with a non-empty {@code ranges}, in CPU physical addresses: the
     * address space the SoC gives to devices, described or not.
     */
    public static List<RegEntry> busWindows(DeviceTree tree) {
        List<RegEntry> out = new ArrayList<>();
        for (Node bus : tree.nodes()) {
            if (bus.isRoot()) continue;
            Optional<Property> ranges = bus.property("ranges");
            if (ranges.isEmpty() || ranges.get().isEmpty()) continue;
            for (long[] r : entries(bus, ranges.get())) {
                Long cpu = toCpu(bus.parent().orElse(null), r[1]);
                if (cpu != null) out.add(new RegEntry(cpu, r[2]));
            }
        }
        return out;
    }

    /** An address on {@code bus}'s child side, moved up to the CPU; null when some level does not map it. */
    private static Long toCpu(Node bus, long address) {
        for (Node b = bus; b != null && !b.isRoot(); b = b.parent().orElse(null)) {
            Optional<Property> ranges = b.property("ranges");
            if (ranges.isEmpty()) return null;
            if (ranges.get().isEmpty()) continue; // identity mapping
            Long moved = null;
            for (long[] r : entries(b, ranges.get())) {
                if (Long.compareUnsigned(address, r[0]) >= 0 && Long.compareUnsigned(address - r[0], r[2]) < 0) {
                    moved = r[1] + (address - r[0]);
                    break;
                }
            }
            if (moved == null) return null;
            address = moved;
        }
        return address;
    }

    /** {child address, parent address, size} triples of a ranges property; empty when its cell counts do not fit. */
    private static List<long[]> entries(Node bus, Property ranges) {
        int childCells = bus.addressCells();
        int parentCells = bus.parent().map(Node::addressCells).orElse(Node.DEFAULT_ADDRESS_CELLS);
        int sizeCells = bus.sizeCells();
        int per = childCells + parentCells + sizeCells;
        List<long[]> out = new ArrayList<>();
        if (per == 0 || childCells > 2 || parentCells > 2 || sizeCells > 2 || ranges.length() % (4 * per) != 0) {
            return out;
        }
        int n = ranges.length() / 4;
        for (int i = 0; i < n; i += per) {
            out.add(new long[] {ranges.cellsAsNumber(i, childCells), ranges.cellsAsNumber(i + childCells, parentCells),
                ranges.cellsAsNumber(i + childCells + parentCells, sizeCells)});
        }
        return out;
    }
}
