package dev.warden.hypervisor.rootcell.linux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of the kernel's unflattened device tree: what drivers, /proc/device-tree and the
 * console setup read. Property values are the raw big-endian bytes of the blob.
 */
public final class DeviceNode {

    private final String name;
    private final DeviceNode parent;
    private final Map<String, byte[]> properties = new LinkedHashMap<>();
    private final List<DeviceNode> children = new ArrayList<>();

    DeviceNode(String name, DeviceNode parent) {
        this.name = name;
        this.parent = parent;
    }

    public String name() { return name; }

    public Optional<DeviceNode> parent() { return Optional.ofNullable(parent); }

    public Map<String, byte[]> properties() { return properties; }

    public List<DeviceNode> children() { return children; }

    public String path() {
        if (parent == null) return "/";
        String p = parent.path();
        return (p.equals("/") ? "" : p) + "/" + name;
    }

    /** The unit address after '@', as the kernel names platform devices ("2800000.serial"). */
    public String unitAddress() {
        int at = name.indexOf('@');
        return at < 0 ? "" : name.substring(at + 1);
    }

    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    public Optional<byte[]> property(String prop) {
        return Optional.ofNullable(properties.get(prop));
    }

    public Optional<String> string(String prop) {
        return property(prop).map(DeviceNode::firstString);
    }

    public List<String> strings(String prop) {
        List<String> out = new ArrayList<>();
        property(prop).ifPresent(v -> {
            int start = 0;
            for (int i = 0; i < v.length; i++) {
                if (v[i] == 0) {
                    out.add(new String(v, start, i - start, StandardCharsets.ISO_8859_1));
                    start = i + 1;
                }
            }
        });
        return out;
    }

    public Optional<Long> u32(String prop) {
        return property(prop).filter(v -> v.length >= 4).map(v -> cell(v, 0));
    }

    public boolean isCompatible(String compatible) {
        return strings("compatible").contains(compatible);
    }

    /** status absent, "okay" or "ok": the kernel binds a driver. */
    public boolean isAvailable() {
        String s = string("status").orElse("okay");
        return s.equals("okay") || s.equals("ok");
    }

    public Optional<DeviceNode> child(String childName) {
        for (DeviceNode c : children) if (c.name.equals(childName)) return Optional.of(c);
        for (DeviceNode c : children) if (c.baseName().equals(childName)) return Optional.of(c);
        return Optional.empty();
    }

    /** The (address, size) pairs of {@code reg}, decoded with the parent's cell counts. */
    public List<long[]> reg() {
        List<long[]> out = new ArrayList<>();
        byte[] v = properties.get("reg");
        if (v == null) return out;
        int ac = parent == null ? 2 : parent.u32("#address-cells").orElse(2L).intValue();
        int sc = parent == null ? 1 : parent.u32("#size-cells").orElse(1L).intValue();
        int stride = 4 * (ac + sc);
        for (int off = 0; stride > 0 && off + stride <= v.length; off += stride) {
            out.add(new long[] {cells(v, off, ac), cells(v, off + 4 * ac, sc)});
        }
        return out;
    }

    static long cell(byte[] v, int off) {
        return ((v[off] & 0xffL) << 24) | ((v[off + 1] & 0xffL) << 16) | ((v[off + 2] & 0xffL) << 8) | (v[off + 3] & 0xffL);
    }

    private static long cells(byte[] v, int off, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) value = (value << 32) | cell(v, off + 4 * i);
        return value;
    }

    private static String firstString(byte[] v) {
        int end = 0;
        while (end < v.length && v[end] != 0) end++;
        return new String(v, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** Every node below and including this one, depth first in tree order. */
    public List<DeviceNode> walk() {
        List<DeviceNode> out = new ArrayList<>();
        out.add(this);
        for (DeviceNode c : children) out.addAll(c.walk());
        return out;
    }
}
