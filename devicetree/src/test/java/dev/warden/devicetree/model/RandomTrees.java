package dev.warden.devicetree.model;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for device trees: unique sibling names (as libfdt compares them), any values. */
public final class RandomTrees {
    private RandomTrees() {
    }

    public static Arbitrary<DeviceTree> trees(int depth) {
        Arbitrary<List<ReserveEntry>> reservations = Combinators
                .combine(Arbitraries.longs(), Arbitraries.longs().greaterOrEqual(1))
                .as(ReserveEntry::new).list().ofMaxSize(3);
        return Combinators.combine(node("", depth), reservations, Arbitraries.integers().between(0, 3))
                .as(DeviceTree::new);
    }

    public static Arbitrary<Node> node(String name, int depth) {
        Arbitrary<List<Property>> props = properties();
        if (depth == 0) {
            return props.map(p -> new Node(name, p, List.of()));
        }
        Arbitrary<List<String>> childNames = nodeNames().list().ofMaxSize(3).uniqueElements(RandomTrees::baseName);
        return Combinators.combine(props, childNames).flatAs((p, names) -> {
            List<Arbitrary<Node>> kids = new ArrayList<>();
            for (String n : names) {
                kids.add(node(n, depth - 1));
            }
            Arbitrary<List<Node>> children = kids.isEmpty()
                    ? Arbitraries.just(List.of())
                    : Combinators.combine(kids).as(l -> l);
            return children.map(c -> new Node(name, p, c));
        });
    }

    public static Arbitrary<List<Property>> properties() {
        return Arbitraries.maps(propertyNames(), values()).ofMaxSize(5).map(m -> {
            List<Property> out = new ArrayList<>();
            m.forEach((n, v) -> out.add(new Property(n, v)));
            return out;
        });
    }

    static String baseName(String nodeName) {
        int at = nodeName.indexOf('@');
        return at < 0 ? nodeName : nodeName.substring(0, at);
    }

    public static Arbitrary<String> nodeNames() {
        Arbitrary<String> base = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> unit = Arbitraries.longs().between(0, 0xffffffffL).map(Long::toHexString);
        return Combinators.combine(base, unit, Arbitraries.of(true, false))
                .as((b, u, withUnit) -> withUnit ? b + "@" + u : b);
    }

    public static Arbitrary<String> propertyNames() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('#', ',', '-').ofMinLength(1).ofMaxLength(12)
                .filter(n -> !n.equals("phandle") && !n.equals("linux,phandle"));
    }

    /** Values of every shape: raw bytes, cells, and printable string lists (for the printers). */
    public static Arbitrary<byte[]> values() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> strings = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t')
                .ofMaxLength(12).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> (String.join("\0", l) + "\0").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(raw, strings);
    }
}
