package dev.warden.devicetree.board;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The GIC interrupt IDs a node's {@code interrupts} (or {@code interrupts-extended}) name, for
 * the lines wired straight to an ARM GIC: {@code <0 n flags>} is SPI n = INTID n + 32,
 * {@code <1 n flags>} is PPI n = INTID n + 16. Lines that go through another interrupt
 * controller (a GPIO bank, TI's interrupt routers) have no GIC ID of their own and are left out.
 */
public final class GicInterrupts {

    /** Compatibles of the ARM GICs whose three-cell specifiers this reads. */
    public static final Set<String> GIC_COMPATIBLES =
            Set.of("arm,gic-v3", "arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic", "arm,gic-v2");

    private static final int SPI = 0;
    private static final int PPI = 1;

    private GicInterrupts() {}

    public static boolean isGic(Node n) {
        return n.compatibles().stream().anyMatch(GIC_COMPATIBLES::contains);
    }

    /** The INTIDs, in the order the node lists them. */
    public static List<Integer> of(DeviceTree tree, Node n) {
        List<Integer> out = new ArrayList<>();
        Optional<Property> extended = n.property("interrupts-extended");
        if (extended.isPresent()) {
            long[] cells = cells(extended.get());
            int i = 0;
            while (i < cells.length) {
                Optional<Node> parent = tree.nodeByPhandle(cells[i]);
                int count = parent.flatMap(p -> p.u32("#interrupt-cells")).map(Long::intValue).orElse(-1);
                if (count < 0 || i + 1 + count > cells.length) break;
                if (isGic(parent.get()) && count == 3) add(out, cells[i + 1], cells[i + 2]);
                i += 1 + count;
            }
            return out;
        }
        Optional<Property> interrupts = n.property("interrupts");
        Optional<Node> parent = interruptParent(tree, n);
        if (interrupts.isEmpty() || parent.isEmpty() || !isGic(parent.get())) return out;
        int count = parent.get().u32("#interrupt-cells").map(Long::intValue).orElse(3);
        long[] cells = cells(interrupts.get());
        if (count != 3) return out;
        for (int i = 0; i + 2 < cells.length; i += 3) add(out, cells[i], cells[i + 1]);
        return out;
    }

    /** The node's interrupt parent: its own or the nearest ancestor's interrupt-parent phandle. */
    public static Optional<Node> interruptParent(DeviceTree tree, Node n) {
        for (Node p = n; p != null; p = p.parent().orElse(null)) {
            Optional<Long> phandle = p.property("interrupt-parent").filter(x -> x.length() == 4).map(Property::u32);
            if (phandle.isPresent()) return tree.nodeByPhandle(phandle.get());
        }
        return Optional.empty();
    }

    private static void add(List<Integer> out, long type, long number) {
        if (type == SPI && number < 988) out.add((int) number + 32);
        else if (type == PPI && number < 16) out.add((int) number + 16);
    }

    private static long[] cells(Property p) {
        return p.length() % 4 == 0 ? p.cells() : new long[0];
    }
}
