package dev.warden.devicetree.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A device-tree node: its unit name, ordered properties and children. A node is immutable once
 * built; it knows its parent (set when the parent is built) and the labels the tree's
 * {@code __symbols__} give it.
 */
public final class Node {
    /** Cell counts a node's children get when the node has no #address-cells / #size-cells. */
    public static final int DEFAULT_ADDRESS_CELLS = 2;
    public static final int DEFAULT_SIZE_CELLS = 1;

    private final String name;
    private final List<Property> properties;
    private final List<Node> children;
    private Node parent;
    private List<String> labels = List.of();

    public Node(String name, List<Property> properties, List<Node> children) {
        this.name = name;
        this.properties = List.copyOf(properties);
        this.children = List.copyOf(children);
        for (Node child : this.children) {
            if (child.parent != null) {
                throw new IllegalArgumentException("node " + child.name + " already has a parent");
            }
            child.parent = this;
        }
    }

    public String name() {
        return name;
    }

    /** The name without the unit address ("serial" for "serial@2800000"). */
    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** The unit address text after '@' ("2800000"), or "" when there is none. */
    public String unitAddress() {
        int at = name.indexOf('@');
        return at < 0 ? "" : name.substring(at + 1);
    }

    public boolean isRoot() {
        return parent == null;
    }

    public Optional<Node> parent() {
        return Optional.ofNullable(parent);
    }

    public String path() {
        if (parent == null) {
            return "/";
        }
        String p = parent.path();
        return (p.equals("/") ? "" : p) + "/" + name;
    }

    public List<Property> properties() {
        return properties;
    }

    public List<Node> children() {
        return children;
    }

    public List<String> labels() {
        return labels;
    }

    void setLabels(List<String> labels) {
        this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
    }

    public Optional<Property> property(String propertyName) {
        for (Property p : properties) {
            if (p.name().equals(propertyName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public boolean hasProperty(String propertyName) {
        return property(propertyName).isPresent();
    }

    /**
     * The direct child called {@code childName}; like libfdt, a name without '@' also matches
     * the first child named "{@code childName}@...".
     */
    public Optional<Node> child(String childName) {
        for (Node c : children) {
            String n = c.name;
            if (n.equals(childName)
                    || (childName.indexOf('@') < 0 && n.startsWith(childName) && n.length() > childName.length()
                            && n.charAt(childName.length()) == '@')) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A descendant by a relative path such as "bus@100000/serial@2800000". */
    public Optional<Node> find(String relativePath) {
        Node n = this;
        for (String part : relativePath.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<Node> c = n.child(part);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            n = c.get();
        }
        return Optional.of(n);
    }

    /** This node and all its descendants, depth first, in tree order. */
    public List<Node> subtree() {
        List<Node> out = new ArrayList<>();
        collect(out);
        return out;
    }

    private void collect(List<Node> out) {
        out.add(this);
        for (Node c : children) {
            c.collect(out);
        }
    }

    // ---------------------------------------------------------------- typed access

    /** The node's phandle ("phandle", else "linux,phandle"), if it has one. */
    public OptionalLong phandle() {
        for (String n : List.of("phandle", "linux,phandle")) {
            Optional<Property> p = property(n);
            if (p.isPresent() && p.get().length() == 4) {
                return OptionalLong.of(p.get().u32());
            }
        }
        return OptionalLong.empty();
    }

    public Optional<Long> u32(String propertyName) {
        return property(propertyName).map(p -> wrap(() -> p.u32(), p));
    }

    public Optional<String> string(String propertyName) {
        return property(propertyName).map(p -> wrap(() -> p.string(), p));
    }

    public List<String> strings(String propertyName) {
        return property(propertyName).map(p -> wrap(() -> p.strings(), p)).orElse(List.of());
    }

    private <T> T wrap(java.util.function.Supplier<T> get, Property p) {
        try {
            return get.get();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(path() + ": " + e.getMessage(), e);
        }
    }

    /** #address-cells of this node (for its children's reg), default 2. */
    public int addressCells() {
        return u32("#address-cells").map(Long::intValue).orElse(DEFAULT_ADDRESS_CELLS);
    }

    /** #size-cells of this node (for its children's reg), default 1. */
    public int sizeCells() {
        return u32("#size-cells").map(Long::intValue).orElse(DEFAULT_SIZE_CELLS);
    }

    /** The reg property decoded with the parent's #address-cells and #size-cells. */
    public List<RegEntry> reg() {
        Optional<Property> reg = property("reg");
        if (reg.isEmpty()) {
            return List.of();
        }
        int ac = parent == null ? DEFAULT_ADDRESS_CELLS : parent.addressCells();
        int sc = parent == null ? DEFAULT_SIZE_CELLS : parent.sizeCells();
        long[] cells = wrap(() -> reg.get().cells(), reg.get());
        int per = ac + sc;
        if (per == 0 || cells.length % per != 0 || ac > 2 || sc > 2) {
            throw new IllegalStateException(path() + ": reg has " + cells.length + " cells, expected a multiple of "
                    + per + " (#address-cells " + ac + " + #size-cells " + sc + " of the parent)");
        }
        List<RegEntry> out = new ArrayList<>();
        for (int i = 0; i < cells.length; i += per) {
            out.add(new RegEntry(reg.get().cellsAsNumber(i, ac), sc == 0 ? 0 : reg.get().cellsAsNumber(i + ac, sc)));
        }
        return out;
    }

    /** The status property, "okay" when absent. */
    public String status() {
        return string("status").orElse("okay");
    }

    /** Enabled as Linux sees it: no status, or status "okay" / "ok". */
    public boolean isEnabled() {
        String s = status();
        return s.equals("okay") || s.equals("ok");
    }

    public List<String> compatibles() {
        return strings("compatible");
    }

    public boolean isCompatible(String compatible) {
        return compatibles().contains(compatible);
    }

    @Override
    public String toString() {
        return path();
    }
}
