package dev.warden.emulator.board;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.RegEntry;
import dev.warden.emulator.profile.BoardProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * At power-on, the board profile (what the emulator builds) and the device tree the board boots
 * (what software is told) must describe the same hardware: the same CPUs, RAM inside the board's
 * banks, the PSCI conduit, every enabled device of the tree whose compatible the emulator models
 * at an address where the profile has a device of that kind (UARTs and the GIC at exactly the
 * base, the GIC's distributor and redistributor windows at the same addresses and sizes; the
 * others with every reg window, and a PCIe host with every window of its ranges, inside the
 * profile device's regions), and, the other way round, a tree node for every such device of the
 * profile. A mismatch would make scenarios fail for reasons that have nothing to do with what
 * they test, so it is reported up front, every difference on its own line.
 */
public final class ProfileTreeCheck {

    private ProfileTreeCheck() {}

    /** The differences; empty when profile and tree agree. */
    public static List<String> differences(BoardProfile profile, DeviceTree tree, String treeName) {
        List<String> out = new ArrayList<>();
        String where = treeName + " vs " + profile.source();
        List<Long> treeCpus = new ArrayList<>();
        tree.node("/cpus").ifPresent(cpus -> cpus.children().stream().filter(n -> n.baseName().equals("cpu"))
                .forEach(n -> n.reg().stream().findFirst().ifPresent(r -> treeCpus.add(r.address()))));
        List<Long> profileCpus = profile.cpus().stream().map(BoardProfile.Cpu::mpidr).toList();
        if (!treeCpus.equals(profileCpus)) {
            out.add(where + ": /cpus lists MPIDRs " + hex(treeCpus) + ", the profile's cpus are " + hex(profileCpus));
        }
        for (Node memory : tree.root().children()) {
            if (!memory.baseName().equals("memory")) continue;
            for (RegEntry bank : memory.reg()) {
                boolean inside = profile.ram().stream().anyMatch(r -> bank.address() >= r.base()
                        && bank.address() + bank.size() <= r.end());
                if (!inside) {
                    out.add(String.format("%s: %s reg 0x%x+0x%x is not inside any RAM bank of the profile",
                            where, memory.path(), bank.address(), bank.size()));
                }
            }
        }
        psciMethod(tree).ifPresent(p -> {
            String method = p.string("method").orElse("");
            if (!method.equals(profile.psci().conduit())) {
                out.add(String.format("%s: %s method is \"%s\", the profile's psci.conduit is %s",
                        where, p.path(), method, profile.psci().conduit()));
            }
        });
        for (Node n : tree.nodes()) {
            if (!n.isEnabled() || n.reg().isEmpty()) continue;
            String kind = kindOf(n);
            if (kind == null) continue;
            if (kind.equals("uart") || kind.equals("gicv3")) {
                atBase(n, kind, profile, where).ifPresent(out::add);
            } else {
                covered(n, kind, profile, where, out);
            }
        }
        for (BoardProfile.Device d : profile.devices()) {
            if (!dev.warden.emulator.profile.DeviceKinds.TREE_DESCRIBED.contains(d.kind())) continue;
            boolean described = tree.nodes().stream().anyMatch(n -> d.kind().equals(kindOf(n)) && !n.reg().isEmpty()
                    && d.covers(n.reg().get(0).address(), n.reg().get(0).size()));
            if (!described) {
                out.add(String.format("%s: the profile's %s (%s) at 0x%x has no node in the tree", where, d.name(),
                        d.kind(), d.primary().base()));
            }
        }
        return out;
    }

    /** UARTs and the GIC: a device of the kind at the node's first address, the GIC with the same windows. */
    private static Optional<String> atBase(Node n, String kind, BoardProfile profile, String where) {
        long address = n.reg().get(0).address();
        Optional<BoardProfile.Device> device = profile.devices().stream().filter(d -> d.primary().base() == address
                && (d.kind().equals(kind) || kind.equals("uart") && (d.kind().equals("uart-8250") || d.kind().equals("pl011"))))
                .findFirst();
        if (device.isEmpty()) {
            return Optional.of(String.format("%s: %s (%s) at 0x%x is enabled in the tree, but the profile has no %s there",
                    where, n.path(), String.join(", ", n.compatibles()), address, kind));
        }
        return kind.equals("gicv3") ? sameRegions(n, device.get(), where) : Optional.empty();
    }

    /** The GIC's distributor and redistributor windows must both be where, and as large as, the profile has them. */
    private static Optional<String> sameRegions(Node gic, BoardProfile.Device d, String where) {
        for (int i = 0; i < Math.min(gic.reg().size(), d.regions().size()); i++) {
            RegEntry inTree = gic.reg().get(i);
            BoardProfile.Region inProfile = d.regions().get(i);
            if (inTree.address() != inProfile.base()) {
                return Optional.of(String.format("%s: %s reg[%d] is at 0x%x, the profile's %s region %d at 0x%x",
                        where, gic.path(), i, inTree.address(), d.name(), i, inProfile.base()));
            }
            if (inTree.size() != inProfile.size()) {
                return Optional.of(String.format("%s: %s reg[%d] is 0x%x bytes, the profile's %s region %d 0x%x",
                        where, gic.path(), i, inTree.size(), d.name(), i, inProfile.size()));
            }
        }
        return Optional.empty();
    }

    /** Every reg window of the node (and of a PCIe host, every window of its ranges) inside one device of the kind. */
    private static void covered(Node n, String kind, BoardProfile profile, String where, List<String> out) {
        List<BoardProfile.Device> candidates = profile.devicesOfKind(kind);
        List<long[]> windows = new ArrayList<>();
        n.reg().forEach(r -> windows.add(new long[] {r.address(), r.size()}));
        if (kind.equals("pcie-ecam")) windows.addAll(dev.warden.emulator.profile.DeviceKinds.pciRanges(n));
        for (long[] w : windows) {
            if (candidates.stream().noneMatch(d -> d.covers(w[0], w[1]))) {
                out.add(String.format("%s: %s (%s) has 0x%x+0x%x, which no %s device of the profile covers",
                        where, n.path(), String.join(", ", n.compatibles()), w[0], w[1], kind));
            }
        }
    }

    private static Optional<Node> psciMethod(DeviceTree tree) {
        return tree.nodes().stream().filter(Node::isEnabled)
                .filter(n -> n.compatibles().stream().anyMatch(c -> c.startsWith("arm,psci")))
                .filter(n -> n.hasProperty("method")).findFirst();
    }

    private static String kindOf(Node n) {
        return dev.warden.emulator.profile.DeviceKinds.of(n).orElse(null);
    }

    private static String hex(List<Long> values) {
        return values.stream().map(v -> "0x" + Long.toHexString(v)).collect(Collectors.joining(", ", "[", "]"));
    }
}
