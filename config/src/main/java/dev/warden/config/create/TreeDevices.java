package dev.warden.config.create;

import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.GicInterrupts;
import dev.warden.devicetree.board.PhysicalAddresses;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.RegEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The memory-mapped devices of a board tree after its overlays: every node with a reg that the CPU
 * can address (outside /cpus, /memory and /reserved-memory), its ranges, its GIC interrupts, and
 * whether Linux has it (enabled) or an overlay took it away.
 */
final class TreeDevices {

    /** One device node: physical ranges, GIC INTIDs, status as the root Linux sees it. */
    record Device(Node node, List<AddressRange> regs, List<Integer> interrupts, boolean enabled, boolean takenByOverlay) {
        /** The node's label, else its path: how comments name it. */
        String name() {
            return node.labels().isEmpty() ? node.path() : node.labels().get(0);
        }

        boolean isGic() {
            return GicInterrupts.isGic(node);
        }

        boolean isSmmuV3() {
            return node.isCompatible("arm,smmu-v3");
        }
    }

    private final List<Device> devices = new ArrayList<>();

    TreeDevices(BoardTree tree) {
        for (Node n : tree.merged().nodes()) {
            if (n.isRoot() || !n.hasProperty("reg") || excluded(n)) continue;
            Optional<List<RegEntry>> regs;
            try {
                regs = PhysicalAddresses.of(n);
            } catch (IllegalStateException e) {
                continue; // a reg that does not decode is not a device we can map
            }
            if (regs.isEmpty()) continue;
            List<AddressRange> ranges = regs.get().stream().filter(r -> r.size() > 0)
                    .map(r -> new AddressRange(r.address(), r.size())).toList();
            if (ranges.isEmpty()) continue;
            devices.add(new Device(n, ranges, GicInterrupts.of(tree.merged(), n), BoardTree.enabledWithParents(n),
                    tree.takenByOverlay(n)));
        }
    }

    static boolean excluded(Node n) {
        String path = n.path();
        return path.startsWith("/cpus") || path.startsWith("/memory") || path.startsWith("/reserved-memory")
                || path.startsWith("/__") || path.equals("/chosen") || path.equals("/aliases");
    }

    List<Device> all() {
        return devices;
    }

    /** What the root Linux uses: enabled, with its parents. */
    List<Device> enabled() {
        return devices.stream().filter(Device::enabled).toList();
    }

    /** What an overlay switched off: the devices a non-root cell (or the hypervisor) gets. */
    List<Device> taken() {
        return devices.stream().filter(Device::takenByOverlay).toList();
    }

    Optional<Device> gicV3() {
        return devices.stream().filter(d -> d.node().isCompatible("arm,gic-v3")).findFirst();
    }
}
