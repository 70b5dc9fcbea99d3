package dev.warden.devicetree.board;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The UARTs of a tree that Warden and Jailhouse can drive: the 8250/16550 family (including TI's
 * K3 UART, an 8250 with 32-bit registers 4 bytes apart) and ARM's PL011.
 */
public final class SerialPorts {

    /** How the registers are driven. */
    public enum Kind { NS16550, PL011 }

    /**
     * One UART: its node, kind, register stride ({@code reg-shift}), access width
     * ({@code reg-io-width}), input clock when the tree states it, and its {@code serialN} alias.
     */
    public record SerialPort(Node node, Kind kind, int regShift, int regIoWidth, OptionalLong clockHz,
                             OptionalInt alias) {
        /** The Linux tty name the alias gives it (ttyS2, ttyAMA0), or empty without an alias. */
        public Optional<String> ttyName() {
            if (alias.isEmpty()) return Optional.empty();
            return Optional.of((kind == Kind.PL011 ? "ttyAMA" : "ttyS") + alias.getAsInt());
        }
    }

    static final Set<String> NS16550 = Set.of("ns8250", "ns16450", "ns16550", "ns16550a", "ns16750",
            "ti,am654-uart", "snps,dw-apb-uart");
    /** TI's K3 UART driver implies a 4-byte register stride when the node does not state one. */
    static final Set<String> STRIDE_4_BY_DRIVER = Set.of("ti,am654-uart");
    static final String PL011 = "arm,pl011";

    private SerialPorts() {}

    /** Every UART node of the tree, whatever its status, in tree order. */
    public static List<SerialPort> all(DeviceTree tree) {
        List<SerialPort> out = new ArrayList<>();
        for (Node n : tree.nodes()) of(tree, n).ifPresent(out::add);
        return out;
    }

    public static Optional<SerialPort> of(DeviceTree tree, Node n) {
        List<String> compatibles = n.compatibles();
        Kind kind;
        if (compatibles.contains(PL011)) {
            kind = Kind.PL011;
        } else if (compatibles.stream().anyMatch(NS16550::contains)) {
            kind = Kind.NS16550;
        } else {
            return Optional.empty();
        }
        if (n.reg().isEmpty()) return Optional.empty();
        boolean impliedStride = compatibles.stream().anyMatch(STRIDE_4_BY_DRIVER::contains);
        int shift = n.u32("reg-shift").map(Long::intValue).orElse(kind == Kind.NS16550 && impliedStride ? 2 : 0);
        int width = n.u32("reg-io-width").map(Long::intValue).orElse(shift == 2 ? 4 : 1);
        return Optional.of(new SerialPort(n, kind, shift, width, clock(tree, n), alias(tree, n)));
    }

    /** clock-frequency, else the rate of a fixed-clock the first 'clocks' entry names. */
    private static OptionalLong clock(DeviceTree tree, Node n) {
        Optional<Long> direct = n.u32("clock-frequency");
        if (direct.isPresent()) return OptionalLong.of(direct.get());
        Optional<Node> source = n.property("clocks").filter(p -> p.length() >= 4)
                .flatMap(p -> tree.nodeByPhandle(p.cellsAsNumber(0, 1)));
        if (source.isPresent() && source.get().isCompatible("fixed-clock")) {
            Optional<Long> rate = source.get().u32("clock-frequency");
            if (rate.isPresent()) return OptionalLong.of(rate.get());
        }
        return OptionalLong.empty();
    }

    private static OptionalInt alias(DeviceTree tree, Node n) {
        for (Map.Entry<String, String> a : tree.aliases().entrySet()) {
            if (!a.getKey().matches("serial\\d+")) continue;
            Optional<Node> target = tree.node(a.getValue());
            if (target.isPresent() && target.get() == n) return OptionalInt.of(Integer.parseInt(a.getKey().substring(6)));
        }
        return OptionalInt.empty();
    }
}
