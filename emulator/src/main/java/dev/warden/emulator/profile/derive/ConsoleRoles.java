package dev.warden.emulator.profile.derive;

import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.SerialPorts.SerialPort;
import dev.warden.devicetree.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which UART plays which console role, and why. Primary: the UART /chosen/stdout-path names (Linux's
 * console). Secondary: a UART the overlay took away from Linux (Jailhouse overlays do that to give
 * an inmate its console), else the next UART Linux has enabled after the primary in alias order,
 * else the next one at all; a board with one UART shares it. Hypervisor: a UART whose label or
 * name says jailhouse or hypervisor, else the primary (Jailhouse's debug console usually shares it).
 */
record ConsoleRoles(SerialPort primary, Optional<SerialPort> secondary, SerialPort hypervisor, boolean primaryGuessed,
                    List<String> reasons) {

    static ConsoleRoles choose(BoardTree tree, List<SerialPort> uarts) {
        List<String> reasons = new ArrayList<>();
        Optional<Node> stdout = tree.merged().stdoutNode();
        Optional<SerialPort> fromChosen = stdout.flatMap(n -> uarts.stream().filter(u -> u.node() == n).findFirst());
        List<SerialPort> ordered = new ArrayList<>(uarts);
        ordered.sort(Comparator.comparingInt(u -> u.alias().orElse(Integer.MAX_VALUE)));
        SerialPort primary;
        if (fromChosen.isPresent()) {
            primary = fromChosen.get();
            reasons.add("primary: /chosen stdout-path names " + primary.node().path());
        } else {
            primary = ordered.stream().filter(u -> BoardTree.enabledWithParents(u.node())).findFirst().orElse(ordered.get(0));
            reasons.add("primary: no stdout-path names a UART; the first enabled one in alias order");
        }
        Optional<SerialPort> secondary = uarts.stream().filter(u -> u != primary && tree.takenByOverlay(u.node())).findFirst();
        if (secondary.isPresent()) {
            reasons.add("secondary: " + secondary.get().node().path() + ", which the overlay takes away from Linux "
                    + "(an inmate's console)");
        } else {
            List<SerialPort> after = rotated(ordered, primary);
            secondary = after.stream().filter(u -> BoardTree.enabledWithParents(u.node())).findFirst();
            if (secondary.isEmpty()) secondary = after.stream().findFirst();
            if (secondary.isPresent()) {
                reasons.add("secondary: " + secondary.get().node().path() + ", the next UART after the primary in alias"
                        + " order" + (BoardTree.enabledWithParents(secondary.get().node()) ? " that Linux has enabled" : ""));
            } else {
                secondary = Optional.of(primary);
                reasons.add("secondary: the board's only UART, shared with the primary (inmates print there too)");
            }
        }
        Optional<SerialPort> named = uarts.stream().filter(ConsoleRoles::namedForHypervisor).findFirst();
        SerialPort hypervisor = named.orElse(primary);
        reasons.add(named.isPresent() ? "hypervisor: " + hypervisor.node().path() + ", named for Jailhouse"
                : "hypervisor: the primary UART; Jailhouse's debug console shares it unless a UART is named for it");
        return new ConsoleRoles(primary, secondary, hypervisor, fromChosen.isEmpty(), List.copyOf(reasons));
    }

    /** The UARTs after {@code primary} in alias order, wrapping around, without it. */
    private static List<SerialPort> rotated(List<SerialPort> ordered, SerialPort primary) {
        int at = ordered.indexOf(primary);
        List<SerialPort> out = new ArrayList<>(ordered.subList(at + 1, ordered.size()));
        out.addAll(ordered.subList(0, at));
        return out;
    }

    private static boolean namedForHypervisor(SerialPort u) {
        List<String> words = new ArrayList<>(u.node().labels());
        words.add(u.node().name());
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT))
                .anyMatch(w -> w.contains("jailhouse") || w.contains("hypervisor"));
    }
}
