package dev.warden.config.check;

import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import dev.warden.devicetree.model.RegEntry;
import dev.warden.devicetree.overlay.Overlays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checker's view of a device tree from the devicetree module: reg ranges translated through
 * the parents' {@code ranges} to CPU physical addresses (a node behind a bus without
 * {@code ranges} is not memory mapped and is left out).
 */
public final class FdtDeviceTreeView implements DeviceTreeView {
    private final DeviceTree tree;
    private final String source;

    public FdtDeviceTreeView(DeviceTree tree, String source) {
        this.tree = tree;
        this.source = source;
    }

    /** Reads a .dtb, applies the overlays in order as fdtoverlay does, and views the result. */
    public static FdtDeviceTreeView load(Path dtb, List<Path> overlays) throws IOException {
        FdtBlob base = FdtBlob.load(Files.readAllBytes(dtb), dtb.getFileName().toString());
        List<FdtBlob> blobs = new ArrayList<>();
        StringBuilder name = new StringBuilder(dtb.getFileName().toString());
        for (Path o : overlays) {
            blobs.add(FdtBlob.load(Files.readAllBytes(o), o.getFileName().toString()));
            name.append(" + ").append(o.getFileName());
        }
        byte[] merged = blobs.isEmpty() ? base.bytes() : Overlays.fdtoverlay(base, blobs);
        return new FdtDeviceTreeView(DeviceTree.read(merged, name.toString()), name.toString());
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<Device> devices() {
        List<Device> out = new ArrayList<>();
        for (Node n : tree.nodes()) {
            if (n.isRoot() || !n.hasProperty("reg") || excluded(n)) {
                continue;
            }
            Optional<List<Range>> regs = translated(n);
            regs.ifPresent(r -> out.add(new Device(n.path(), enabledWithParents(n), r)));
        }
        return out;
    }

    @Override
    public List<Range> noMapReservations() {
        List<Range> out = new ArrayList<>();
        tree.node("/reserved-memory").ifPresent(rm -> {
            for (Node child : rm.children()) {
                if (child.hasProperty("no-map") && child.isEnabled()) {
                    for (RegEntry e : child.reg()) {
                        out.add(new Range(e.address(), e.size()));
                    }
                }
            }
        });
        return out;
    }

    @Override
    public int cpuCount() {
        return (int) tree.node("/cpus").map(cpus -> cpus.children().stream()
                .filter(c -> c.baseName().equals("cpu") && c.isEnabled()).count()).orElse(0L).longValue();
    }

    private static boolean excluded(Node n) {
        String path = n.path();
        return path.startsWith("/cpus") || path.startsWith("/memory") || path.startsWith("/reserved-memory")
                || path.startsWith("/__");
    }

    private static boolean enabledWithParents(Node n) {
        for (Node p = n; p != null; p = p.parent().orElse(null)) {
            if (!p.isEnabled()) {
                return false;
            }
        }
        return true;
    }

    /** The node's reg in CPU physical addresses, or empty when some parent bus is not memory mapped. */
    private static Optional<List<Range>> translated(Node n) {
        List<Range> out = new ArrayList<>();
        for (RegEntry e : n.reg()) {
            long address = e.address();
            boolean mapped = true;
            for (Node bus = n.parent().orElse(null); bus != null && !bus.isRoot(); bus = bus.parent().orElse(null)) {
                Optional<Property> ranges = bus.property("ranges");
                if (ranges.isEmpty()) {
                    mapped = false;
                    break;
                }
                if (ranges.get().isEmpty()) {
                    continue;
                }
                Long moved = through(bus, ranges.get(), address);
                if (moved == null) {
                    mapped = false;
                    break;
                }
                address = moved;
            }
            if (!mapped) {
                return Optional.empty();
            }
            out.add(new Range(address, e.size()));
        }
        return Optional.of(out);
    }

    private static Long through(Node bus, Property ranges, long address) {
        int childCells = bus.addressCells();
        int parentCells = bus.parent().map(Node::addressCells).orElse(Node.DEFAULT_ADDRESS_CELLS);
        int sizeCells = bus.sizeCells();
        int per = childCells + parentCells + sizeCells;
        long[] cells = ranges.cells();
        if (per == 0 || cells.length % per != 0 || childCells > 2 || parentCells > 2 || sizeCells > 2) {
            return null;
        }
        for (int i = 0; i < cells.length; i += per) {
            long child = ranges.cellsAsNumber(i, childCells);
            long parent = ranges.cellsAsNumber(i + childCells, parentCells);
            long size = ranges.cellsAsNumber(i + childCells + parentCells, sizeCells);
            if (Long.compareUnsigned(address, child) >= 0 && Long.compareUnsigned(address - child, size) < 0) {
                return parent + (address - child);
            }
        }
        return null;
    }
}
