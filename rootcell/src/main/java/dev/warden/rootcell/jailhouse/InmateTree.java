package dev.warden.rootcell.jailhouse;

import dev.warden.config.MemoryRegion;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code jailhouse cell linux} writes into the inmate's device tree: a node named exactly
 * {@code /memory} (added after the root's other children when missing: a {@code memory@...} node
 * is not it, the tool compares whole names) with {@code device_type} and the cell's RAM, the
 * command line in {@code /chosen/bootargs}, and where the initramfs lies in
 * {@code /chosen/linux,initrd-start} and {@code -end}. A property the node lacks goes after its
 * others. Addresses take the root's #address-cells (2: 64 bits, else 32), sizes #size-cells.
 */
public final class InmateTree {

    /** Small regions at cell address 0 hold the loader, not memory for the kernel. */
    static final long LOADER_REGION = 0x10000;

    private InmateTree() {}

    /**
     * @param ram         the cell's RAM regions, in configuration order
     * @param cmdline     the command line, or null to leave bootargs alone
     * @param initrdStart the initramfs's cell address, or -1 without one
     */
    public static byte[] patch(byte[] dtb, String name, List<MemoryRegion> ram, String cmdline, long initrdStart, long initrdEnd) {
        DeviceTree tree = DeviceTree.read(dtb, name);
        Node root = tree.root();
        if (!root.hasProperty("#address-cells") || !root.hasProperty("#size-cells")) throw new IllegalArgumentException("Invalid DTB");
        boolean wideAddress = root.u32("#address-cells").orElse(1L) == 2;
        boolean wideSize = root.u32("#size-cells").orElse(1L) == 2;
        ByteArrayOutputStream reg = new ByteArrayOutputStream();
        for (MemoryRegion r : ram) {
            if (r.virt() == 0 && r.size() <= LOADER_REGION) continue;
            reg.writeBytes(cells(r.virt(), wideAddress));
            reg.writeBytes(cells(r.size(), wideSize));
        }
        List<Property> memory = List.of(new Property("device_type", "memory\0".getBytes(StandardCharsets.US_ASCII)),
                new Property("reg", reg.toByteArray()));
        List<Property> chosen = new ArrayList<>();
        if (cmdline != null) chosen.add(new Property("bootargs", (cmdline + "\0").getBytes(StandardCharsets.ISO_8859_1)));
        if (initrdStart >= 0) {
            chosen.add(new Property("linux,initrd-start", cells(initrdStart, wideAddress)));
            chosen.add(new Property("linux,initrd-end", cells(initrdEnd, wideAddress)));
        }
        Node patched = withChild(withChild(root, "memory", memory), "chosen", chosen);
        return new DeviceTree(patched, tree.reservations(), tree.bootCpuidPhys()).toDtb();
    }

    /** A copy of {@code root} whose child named exactly {@code name} has {@code props} set (the child added when missing). */
    private static Node withChild(Node root, String name, List<Property> props) {
        List<Node> children = new ArrayList<>();
        boolean found = false;
        for (Node c : root.children()) {
            if (c.name().equals(name)) {
                children.add(new Node(name, merged(c.properties(), props), copies(c.children())));
                found = true;
            } else {
                children.add(copy(c));
            }
        }
        if (!found && !props.isEmpty()) children.add(new Node(name, props, List.of()));
        return new Node(root.name(), root.properties(), children);
    }

    private static List<Property> merged(List<Property> old, List<Property> set) {
        List<Property> out = new ArrayList<>();
        for (Property p : old) out.add(set.stream().filter(s -> s.name().equals(p.name())).findFirst().orElse(p));
        for (Property s : set) {
            if (old.stream().noneMatch(p -> p.name().equals(s.name()))) out.add(s);
        }
        return out;
    }

    private static Node copy(Node n) {
        return new Node(n.name(), n.properties(), copies(n.children()));
    }

    private static List<Node> copies(List<Node> nodes) {
        return nodes.stream().map(InmateTree::copy).toList();
    }

    private static byte[] cells(long value, boolean wide) {
        return wide ? ByteBuffer.allocate(8).putLong(value).array() : ByteBuffer.allocate(4).putInt((int) value).array();
    }
}
