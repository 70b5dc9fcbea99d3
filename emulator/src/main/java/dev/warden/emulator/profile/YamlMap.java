package dev.warden.emulator.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, line-aware access to one YAML mapping. Every error names the file, the line of the
 * offending node and the field that was expected, and unknown keys are rejected so that a typo
 * never silently falls back to a default. Board profiles and a project's warden.yaml are read with it.
 */
public final class YamlMap {

    private final String file;
    private final String path;
    private final MappingNode node;
    private final Map<String, Node> values = new LinkedHashMap<>();

    /**
     * snakeyaml's complaint about {@code text} as a clear error: the file, the line, what is wrong.
     * Covers the scanner's and parser's errors (with a mark) and the reader's (a character YAML does
     * not allow, with a position).
     */
    public static ProfileException syntaxError(String file, String text, org.yaml.snakeyaml.error.YAMLException e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return new ProfileException(file + ":" + (m.getProblemMark().getLine() + 1) + ": not valid YAML: " + m.getProblem());
        }
        if (e instanceof org.yaml.snakeyaml.reader.ReaderException r) {
            int end = Math.min(text.length(), Math.max(0, text.offsetByCodePoints(0,
                    Math.min(r.getPosition(), text.codePointCount(0, text.length())))));
            int line = 1 + (int) text.substring(0, end).chars().filter(ch -> ch == '\n').count();
            return new ProfileException(String.format("%s:%d: not valid YAML: character 0x%x is not allowed in a YAML file",
                    file, line, r.getCodePoint()));
        }
        return new ProfileException(file + ":1: not valid YAML: " + e.getMessage());
    }

    public YamlMap(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        if (!(node instanceof MappingNode m)) {
            throw error(node, "expected a mapping (key: value lines) for " + describe(path));
        }
        this.node = m;
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) throw error(t.getKeyNode(), "expected a plain key");
            if (values.put(k.getValue(), t.getValueNode()) != null) {
                throw error(k, "duplicate key '" + k.getValue() + "' in " + describe(path));
            }
        }
    }

    public ProfileException error(Node at, String message) {
        int line = at == null ? node.getStartMark().getLine() + 1 : at.getStartMark().getLine() + 1;
        return new ProfileException(file + ":" + line + ": " + message);
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the profile" : "'" + path + "'";
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public void allowOnly(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (NodeTuple t : node.getValue()) {
            String k = ((ScalarNode) t.getKeyNode()).getValue();
            if (!allowed.contains(k)) {
                throw error(t.getKeyNode(), "unknown field '" + field(k) + "' (expected one of: "
                        + String.join(", ", keys) + ")");
            }
        }
    }

    public java.util.Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    private Node require(String key) {
        Node n = values.get(key);
        if (n == null) throw error(null, "missing field '" + field(key) + "'");
        return n;
    }

    public String string(String key) {
        return scalar(require(key), key);
    }

    public Optional<String> optString(String key) {
        Node n = values.get(key);
        return n == null ? Optional.empty() : Optional.of(scalar(n, key));
    }

    private String scalar(Node n, String key) {
        if (!(n instanceof ScalarNode s)) throw error(n, "expected a single value for '" + field(key) + "'");
        return s.getValue();
    }

    public long number(String key) {
        Node n = require(key);
        return parseNumber(n, scalar(n, key), key);
    }

    public Optional<Long> optNumber(String key) {
        Node n = values.get(key);
        return n == null ? Optional.empty() : Optional.of(parseNumber(n, scalar(n, key), key));
    }

    private long parseNumber(Node n, String text, String key) {
        String t = text.replace("_", "").trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error(n, "expected a number (decimal or 0x-hex) for '" + field(key) + "', found '" + text + "'");
        }
    }

    public YamlMap map(String key) {
        return new YamlMap(file, field(key), require(key));
    }

    public Optional<YamlMap> optMap(String key) {
        Node n = values.get(key);
        return n == null ? Optional.empty() : Optional.of(new YamlMap(file, field(key), n));
    }

    public List<YamlMap> listOfMaps(String key) {
        Node n = require(key);
        if (!(n instanceof SequenceNode seq)) throw error(n, "expected a list ('- ...' items) for '" + field(key) + "'");
        List<YamlMap> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new YamlMap(file, field(key) + "[" + i + "]", seq.getValue().get(i)));
        }
        return out;
    }

    public List<String> optStrings(String key) {
        Node n = values.get(key);
        if (n == null) return List.of();
        if (n instanceof ScalarNode s) return List.of(s.getValue());
        if (!(n instanceof SequenceNode seq)) throw error(n, "expected a list of values for '" + field(key) + "'");
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) out.add(scalar(item, key));
        return out;
    }

    public Node node() {
        return node;
    }
}
