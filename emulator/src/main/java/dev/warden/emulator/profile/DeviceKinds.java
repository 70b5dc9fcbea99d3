package dev.warden.emulator.profile;

import dev.warden.devicetree.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which profile device kind models a device-tree node, by its compatible strings: one table for
 * the check of a profile against its tree and for the derivation of a profile from a tree.
 */
public final class DeviceKinds {

    /** Compatible strings and the kind that models them ("uart": uart-8250 or pl011, by the UART's type). */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("ti,am654-uart", "uart"), Map.entry("ns16550a", "uart"), Map.entry("arm,pl011", "uart"),
            Map.entry("arm,gic-v3", "gicv3"), Map.entry("cfi-flash", "cfi-flash"),
            Map.entry("pci-host-ecam-generic", "pcie-ecam"), Map.entry("arm,pl031", "pl031"),
            Map.entry("arm,pl061", "pl061"), Map.entry("qemu,fw-cfg-mmio", "fw-cfg"),
            Map.entry("virtio,mmio", "virtio-mmio"));

    /** Kinds a profile may only have where the tree has a node for them (QEMU virt's devices). */
    public static final List<String> TREE_DESCRIBED = List.of("cfi-flash", "pcie-ecam", "pl031", "pl061", "fw-cfg", "virtio-mmio");

    private DeviceKinds() {}

    /** The kind of the node's first compatible that Warden models, if any ("uart" for every UART). */
    public static Optional<String> of(Node n) {
        for (String c : n.compatibles()) {
            String kind = KINDS.get(c);
            if (kind != null) return Optional.of(kind);
        }
        return Optional.empty();
    }

    /** The parent-bus windows of a PCI host's ranges: (pci flags/address: 3 cells, parent address, size). */
    public static List<long[]> pciRanges(Node host) {
        List<long[]> out = new ArrayList<>();
        Optional<dev.warden.devicetree.model.Property> ranges = host.property("ranges");
        if (ranges.isEmpty() || ranges.get().isEmpty()) return out;
        int child = host.addressCells();
        int parent = host.parent().map(Node::addressCells).orElse(Node.DEFAULT_ADDRESS_CELLS);
        int size = host.sizeCells();
        int per = child + parent + size;
        long[] cells = ranges.get().cells();
        if (per == 0 || cells.length % per != 0 || parent > 2 || size > 2) return out;
        for (int i = 0; i < cells.length; i += per) {
            out.add(new long[] {ranges.get().cellsAsNumber(i + child, parent), ranges.get().cellsAsNumber(i + child + parent, size)});
        }
        return out;
    }
}
