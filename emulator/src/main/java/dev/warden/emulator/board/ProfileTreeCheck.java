package dev.warden.emulator.board;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.RegEntry;
import dev.warden.emulator.profile.BoardProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At power-on, the board profile (what the emulator builds) and the device tree the board boots
 * (what software is told) must describe the same hardware: the same CPUs, RAM inside the board's
 * banks, and every enabled UART and interrupt controller of the tree at an address where the
 * profile puts one. A mismatch would make scenarios fail for reasons that have nothing to do
 * with what they test, so it is reported up front, every difference on its own line.
 */
public final class ProfileTreeCheck {

    private static final Set<String> UART_COMPATIBLES = Set.of("ti,am654-uart", "ns16550a", "arm,pl011");

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
        for (Node n : tree.nodes()) {
            if (!n.isEnabled() || n.reg().isEmpty()) continue;
            String kind = kindOf(n);
            if (kind == null) continue;
            long address = n.reg().get(0).address();
            boolean present = profile.devices().stream().anyMatch(d -> d.regions().get(0).base() == address
                    && (d.kind().equals(kind) || kind.equals("uart") && (d.kind().equals("uart-8250") || d.kind().equals("pl011"))));
            if (!present) {
                out.add(String.format("%s: %s (%s) at 0x%x is enabled in the tree, but the profile has no %s there",
                        where, n.path(), String.join(", ", n.compatibles()), address, kind));
            } else if (kind.equals("gicv3")) {
                sameRegions(n, profile, where).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The GIC's distributor and redistributor windows must both be where the profile has them. */
    private static java.util.Optional<String> sameRegions(Node gic, BoardProfile profile, String where) {
        long gicd = gic.reg().get(0).address();
        BoardProfile.Device d = profile.devices().stream().filter(x -> x.regions().get(0).base() == gicd).findFirst().orElseThrow();
        for (int i = 1; i < Math.min(gic.reg().size(), d.regions().size()); i++) {
            long inTree = gic.reg().get(i).address();
            long inProfile = d.regions().get(i).base();
            if (inTree != inProfile) {
                return java.util.Optional.of(String.format("%s: %s reg[%d] is at 0x%x, the profile's %s region %d at 0x%x",
                        where, gic.path(), i, inTree, d.name(), i, inProfile));
            }
        }
        return java.util.Optional.empty();
    }

    private static String kindOf(Node n) {
        for (String c : n.compatibles()) {
            if (UART_COMPATIBLES.contains(c)) return "uart";
            if (c.equals("arm,gic-v3")) return "gicv3";
        }
        return null;
    }

    private static String hex(List<Long> values) {
        return values.stream().map(v -> "0x" + Long.toHexString(v)).collect(Collectors.joining(", ", "[", "]"));
    }
}
