package dev.warden.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node with its path and line, so every complaint reads
 * {@code cells.yaml: line 12: memory[3].flags: unknown flag 'RAED' ...}. A mapping rejects every
 * key it does not {@link #allow(String...)}.
 */
final class YamlNode {
    private final Node node;
    private final String file;
    private final String path;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    YamlNode(Node node, String file, String path) {
        this.node = node;
        this.file = file;
        this.path = path;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw fail(t.getKeyNode(), path, "keys must be plain words");
                }
                if (entries.put(k.getValue(), t) != null) {
                    throw fail(k, path, "key '" + k.getValue() + "' appears twice");
                }
            }
        }
    }

    ConfigFormatException error(String message) {
        return fail(node, path, message);
    }

    private ConfigFormatException fail(Node at, String where, String message) {
        return new ConfigFormatException(file + ": line " + (at.getStartMark().getLine() + 1) + ": "
                + (where.isEmpty() ? "" : where + ": ") + message);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    YamlNode requireMapping() {
        if (!isMapping()) {
            throw error("expected a mapping (key: value lines)");
        }
        return this;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    YamlNode get(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            throw error("missing key '" + key + "'");
        }
        return new YamlNode(t.getValueNode(), file, path.isEmpty() ? key : path + "." + key);
    }

    YamlNode opt(String key) {
        return has(key) ? get(key) : null;
    }

    /** Declares the keys this mapping may have (for the unknown-key message) and checks them. */
    void allow(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw fail(e.getValue().getKeyNode(), path, "unknown key '" + e.getKey() + "'; expected one of "
                        + String.join(", ", keys));
            }
        }
    }

    List<YamlNode> items() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list");
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            out.add(new YamlNode(s.getValue().get(i), file, path + "[" + i + "]"));
        }
        return out;
    }

    String text() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value");
        }
        return s.getValue();
    }

    /** Decimal or 0x hex, underscores allowed, up to 64 bits unsigned. */
    long number() {
        String t = text().trim().replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw error("'" + text() + "' is not a number (decimal or 0x hex)");
        }
    }

    long unsigned(int bits) {
        long v = number();
        if (bits < 64 && Long.compareUnsigned(v, (1L << bits) - 1) > 0) {
            throw error("value " + text() + " does not fit in " + bits + " bits");
        }
        return v;
    }

    int u8() {
        return (int) unsigned(8);
    }

    int u16() {
        return (int) unsigned(16);
    }

    int u32() {
        return (int) unsigned(32);
    }

    boolean bool() {
        String t = text().trim();
        if (t.equals("true") || t.equals("1")) {
            return true;
        }
        if (t.equals("false") || t.equals("0")) {
            return false;
        }
        throw error("'" + t + "' is not true or false");
    }

    /** Flags as a list of names or one string "READ | WRITE"; a number is taken as is. */
    long flags(Map<String, Long> names) {
        List<String> parts = new ArrayList<>();
        if (isSequence()) {
            for (YamlNode item : items()) {
                parts.add(item.text());
            }
        } else {
            String t = text().trim();
            if (t.isEmpty() || t.equals("none")) {
                return 0;
            }
            for (String p : t.split("\\|")) {
                parts.add(p.trim());
            }
        }
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty()) {
                throw error("empty flag name in '" + text() + "'");
            }
            try {
                if (Character.isDigit(p.charAt(0))) {
                    value |= p.startsWith("0x") || p.startsWith("0X") ? Long.parseUnsignedLong(p.substring(2), 16)
                            : Long.parseUnsignedLong(p);
                } else {
                    value |= ConfigNames.flagValue(p, names);
                }
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }
        return value;
    }
}
