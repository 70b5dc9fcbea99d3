package dev.warden.devicetree.model;

import dev.warden.devicetree.blob.FdtReader;
import dev.warden.devicetree.blob.FdtWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A whole device tree: the root node, the memory reservations and the boot CPU, with lookups
 * by path, alias, label (from {@code /__symbols__}) and phandle.
 */
public final class DeviceTree {
    private final Node root;
    private final List<ReserveEntry> reservations;
    private final int bootCpuidPhys;
    private final Map<String, String> labels;
    private final Map<Long, Node> byPhandle = new HashMap<>();

    public DeviceTree(Node root, List<ReserveEntry> reservations, int bootCpuidPhys) {
        if (!root.isRoot()) {
            throw new IllegalArgumentException("the root of a tree cannot have a parent");
        }
        this.root = root;
        this.reservations = List.copyOf(reservations);
        this.bootCpuidPhys = bootCpuidPhys;
        this.labels = readSymbols(root);
        Map<Node, List<String>> labelsOf = new HashMap<>();
        labels.forEach((label, path) -> node(path).ifPresent(n -> labelsOf.computeIfAbsent(n, k -> new ArrayList<>()).add(label)));
        for (Node n : root.subtree()) {
            n.setLabels(labelsOf.getOrDefault(n, List.of()));
            OptionalLong ph = n.phandle();
            if (ph.isPresent()) {
                byPhandle.putIfAbsent(ph.getAsLong(), n);
            }
        }
    }

    public DeviceTree(Node root) {
        this(root, List.of(), 0);
    }

    /** Parses a .dtb/.dtbo; bad input throws {@link dev.warden.devicetree.FdtException}. */
    public static DeviceTree read(byte[] blob, String sourceName) {
        return FdtReader.read(blob, sourceName);
    }

    /** The tree as a blob laid out the way dtc writes one (version 17, no free space). */
    public byte[] toDtb() {
        return FdtWriter.write(this);
    }

    /** The tree as DTS text, exactly as {@code dtc -I dtb -O dts} 1.6.1 prints its blob. */
    public String toDts() {
        return dev.warden.devicetree.print.DtsPrinter.print(this);
    }

    private static Map<String, String> readSymbols(Node root) {
        Map<String, String> out = new LinkedHashMap<>();
        root.child("__symbols__").ifPresent(symbols -> {
            for (Property p : symbols.properties()) {
                if (p.isStringList()) {
                    out.put(p.name(), p.string());
                }
            }
        });
        return out;
    }

    public Node root() {
        return root;
    }

    public List<ReserveEntry> reservations() {
        return reservations;
    }

    public int bootCpuidPhys() {
        return bootCpuidPhys;
    }

    /** label -> path, from /__symbols__ (empty for a tree compiled without -@). */
    public Map<String, String> labels() {
        return labels;
    }

    /** alias -> path, from /aliases. */
    public Map<String, String> aliases() {
        Map<String, String> out = new LinkedHashMap<>();
        root.child("aliases").ifPresent(a -> {
            for (Property p : a.properties()) {
                if (p.isStringList()) {
                    out.put(p.name(), p.string());
                }
            }
        });
        return out;
    }

    /**
     * A node by path, resolved like libfdt's fdt_path_offset: "/a/b", or an alias with an
     * optional rest ("serial2", "mmc0/part"); a name without unit address matches "name@...".
     */
    public Optional<Node> node(String path) {
        if (path.startsWith("/")) {
            return root.find(path);
        }
        int slash = path.indexOf('/');
        String alias = slash < 0 ? path : path.substring(0, slash);
        String target = aliases().get(alias);
        if (target == null || !target.startsWith("/")) {
            return Optional.empty();
        }
        Optional<Node> base = root.find(target);
        return slash < 0 ? base : base.flatMap(n -> n.find(path.substring(slash + 1)));
    }

    /** A node by path, or an exception naming the path. */
    public Node requireNode(String path) {
        return node(path).orElseThrow(() -> new IllegalArgumentException("no node " + path + " in the device tree"));
    }

    public Optional<Node> nodeByLabel(String label) {
        String path = labels.get(label);
        return path == null ? Optional.empty() : node(path);
    }

    public Optional<Node> nodeByPhandle(long phandle) {
        return Optional.ofNullable(byPhandle.get(phandle));
    }

    /** Every node, depth first in tree order. */
    public List<Node> nodes() {
        return root.subtree();
    }

    /** Nodes whose compatible list contains {@code compatible}, in tree order. */
    public List<Node> compatibleNodes(String compatible) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes()) {
            if (n.isCompatible(compatible)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The node /chosen's stdout-path points at (alias or path, options after ':' dropped). */
    public Optional<Node> stdoutNode() {
        return root.find("chosen").flatMap(c -> c.string("stdout-path")).flatMap(s -> {
            int colon = s.indexOf(':');
            return node(colon < 0 ? s : s.substring(0, colon));
        });
    }
}
