package dev.warden.config.create;

import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.PhysicalAddresses;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.RegEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the hypervisor, the ivshmem window and the inmate RAM go, and what RAM stays the root
 * cell's. The hypervisor takes the first 4 MiB of the Jailhouse reservation (the /reserved-memory
 * child named, labelled or compatible "jailhouse"), or --hypervisor; the ivshmem window the 64 KiB
 * after it; the inmate RAM is --inmate-memory, else a reservation named "inmate", else the rest of
 * the Jailhouse reservation from the next 2 MiB boundary. The root keeps the RAM banks without
 * the Jailhouse reservation and the inmate RAM (it maps the inmate RAM separately, to load images).
 */
final class MemoryPlan {

    static final long HYPERVISOR_SIZE = 0x400000;
    static final long MIN_HYPERVISOR = 0x100000;
    static final long IVSHMEM_WINDOW = 0x10000;
    static final long TWO_MIB = 0x200000;

    private final BoardTree tree;
    private final String source;
    final List<Annotated<AddressRange>> banks = new ArrayList<>();
    private final List<AddressRange> noMap = new ArrayList<>();
    AddressRange hypervisor;
    String hypervisorComment;
    Optional<AddressRange> reservation = Optional.empty();
    Optional<AddressRange> ivshmem = Optional.empty();
    String ivshmemComment = "";
    Optional<AddressRange> inmate = Optional.empty();
    String inmateComment = "";
    final List<Annotated<AddressRange>> rootRam = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    MemoryPlan(BoardTree tree, Optional<AddressRange> hypervisorOption, Optional<AddressRange> inmateOption) {
        this.tree = tree;
        this.source = tree.describe();
        for (Node m : tree.merged().root().children()) {
            if (!m.baseName().equals("memory")) continue;
            for (RegEntry r : m.reg()) {
                if (r.size() > 0) banks.add(new Annotated<>(new AddressRange(r.address(), r.size()), m.path()));
            }
        }
        Optional<Annotated<AddressRange>> jailhouse = reserved("jailhouse");
        Optional<Annotated<AddressRange>> inmateNode = reserved("inmate");
        for (Node n : reservedChildren()) {
            if (n.hasProperty("no-map")) regs(n).forEach(noMap::add);
        }
        placeHypervisor(hypervisorOption, jailhouse);
        placeIvshmem();
        placeInmate(inmateOption, inmateNode);
        if (ivshmem.isEmpty() && inmate.isPresent() && inmateOption.isEmpty() && inmate.get().size() >= 2 * TWO_MIB) {
            // no room beside the hypervisor: the window comes off the end of a reserved inmate area
            AddressRange i = inmate.get();
            ivshmem = Optional.of(new AddressRange(i.end() - IVSHMEM_WINDOW, IVSHMEM_WINDOW));
            inmate = Optional.of(new AddressRange(i.start(), i.size() - IVSHMEM_WINDOW));
            ivshmemComment = "the last 64 KiB of the inmate reservation (the Jailhouse one has no room after the hypervisor)";
        }
        if (ivshmem.isEmpty()) {
            notes.add("no reserved room for an ivshmem window (64 KiB after the hypervisor): the root cell has no "
                    + "ivshmem device; make the Jailhouse reservation 64 KiB larger to get one");
        }
        rootRam();
    }

    // ---- the three places ----

    private void placeHypervisor(Optional<AddressRange> option, Optional<Annotated<AddressRange>> jailhouse) {
        if (option.isPresent()) {
            AddressRange h = option.get();
            requireUsable("--hypervisor", h);
            hypervisor = h;
            hypervisorComment = "--hypervisor " + h;
            // the no-map reservation around it (Linux does not use it) may also hold the ivshmem window
            reservation = noMap.stream().filter(r -> r.contains(h)).findFirst();
            return;
        }
        if (jailhouse.isEmpty()) {
            throw new ConfigCreateException(source + ": no /reserved-memory node for Jailhouse (a child named jailhouse@..., "
                    + "or with a \"jailhouse\" compatible or label): give --hypervisor ADDR,SIZE (a range reserved no-map) "
                    + "or the board's Jailhouse overlay with --overlay");
        }
        AddressRange r = jailhouse.get().value();
        if (r.size() < MIN_HYPERVISOR || !r.pageAligned()) {
            throw new ConfigCreateException(source + ": " + jailhouse.get().comment() + " reserves " + r + "; expected at "
                    + "least 1 MiB, page aligned, for the hypervisor");
        }
        reservation = Optional.of(r);
        hypervisor = new AddressRange(r.start(), Math.min(HYPERVISOR_SIZE, r.size()));
        hypervisorComment = (r.size() > HYPERVISOR_SIZE ? "the first 4 MiB of " : "") + jailhouse.get().comment() + " ("
                + r + ")";
    }

    private void placeIvshmem() {
        AddressRange room = reservation.orElse(hypervisor);
        if (hypervisor.end() + IVSHMEM_WINDOW <= room.end()) {
            ivshmem = Optional.of(new AddressRange(hypervisor.end(), IVSHMEM_WINDOW));
            ivshmemComment = "the 64 KiB after the hypervisor in its reservation";
        }
    }

    private void placeInmate(Optional<AddressRange> option, Optional<Annotated<AddressRange>> node) {
        if (option.isPresent()) {
            AddressRange i = option.get();
            requireUsable("--inmate-memory", i);
            if (i.overlaps(hypervisor)) {
                throw new ConfigCreateException("--inmate-memory " + i + " overlaps the hypervisor memory " + hypervisor
                        + "; expected a range of its own");
            }
            ivshmem.filter(i::overlaps).ifPresent(s -> ivshmem = Optional.empty());
            inmate = option;
            inmateComment = "--inmate-memory " + i;
            return;
        }
        if (node.isPresent()) {
            inmate = Optional.of(node.get().value());
            inmateComment = node.get().comment();
            return;
        }
        if (reservation.isPresent()) {
            long used = ivshmem.map(AddressRange::end).orElse(hypervisor.end());
            long start = (used + TWO_MIB - 1) & ~(TWO_MIB - 1);
            long end = reservation.get().end();
            if (end - start >= TWO_MIB) {
                inmate = Optional.of(new AddressRange(start, end - start));
                inmateComment = "the rest of the Jailhouse reservation, from the next 2 MiB boundary";
                return;
            }
        }
        notes.add("no inmate RAM (--inmate-memory, a reserved-memory node named inmate, or room in the Jailhouse "
                + "reservation): no inmate-cell template");
    }

    /** --hypervisor and --inmate-memory must be page-aligned RAM that Linux does not use. */
    private void requireUsable(String option, AddressRange r) {
        if (!r.pageAligned()) {
            throw new ConfigCreateException(option + " " + r + ": expected a start and size in whole 4 KiB pages");
        }
        Optional<Annotated<AddressRange>> bank = banks.stream().filter(b -> b.value().contains(r)).findFirst();
        if (bank.isEmpty()) {
            throw new ConfigCreateException(option + " " + r + ": not inside a RAM bank of " + source + " (banks: "
                    + String.join(", ", banks.stream().map(b -> b.comment() + " " + b.value()).toList()) + ")");
        }
        RangeSet linux = linuxRam();
        if (linux.overlaps(r)) {
            throw new ConfigCreateException(option + " " + r + ": overlaps the RAM Linux uses in " + source
                    + " (" + bank.get().comment() + " is not reserved there); expected a range inside a /reserved-memory"
                    + " node with no-map (the board's Jailhouse overlay)");
        }
    }

    /** RAM as the root Linux sees it: the banks without the no-map reservations. */
    RangeSet linuxRam() {
        RangeSet s = new RangeSet();
        banks.forEach(b -> s.add(b.value()));
        noMap.forEach(s::subtract);
        return s;
    }

    private void rootRam() {
        for (Annotated<AddressRange> bank : banks) {
            RangeSet s = new RangeSet().add(bank.value());
            reservation.ifPresent(s::subtract);
            s.subtract(hypervisor);
            ivshmem.ifPresent(s::subtract);
            inmate.ifPresent(s::subtract);
            boolean cut = s.ranges().size() != 1 || !s.ranges().get(0).equals(bank.value());
            for (AddressRange r : s.ranges()) {
                rootRam.add(new Annotated<>(r, "RAM (" + bank.comment() + ")" + (cut ? ", without what Jailhouse and "
                        + "the inmate take" : "")));
            }
        }
    }

    // ---- /reserved-memory ----

    private List<Node> reservedChildren() {
        return tree.merged().node("/reserved-memory").map(Node::children).orElse(List.of()).stream()
                .filter(Node::isEnabled).toList();
    }

    /** The first reservation whose name, label or compatible mentions {@code word}. */
    private Optional<Annotated<AddressRange>> reserved(String word) {
        for (Node n : reservedChildren()) {
            List<String> words = new ArrayList<>(n.labels());
            words.add(n.baseName());
            words.addAll(n.compatibles());
            if (words.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains(word))) {
                List<AddressRange> r = regs(n);
                if (!r.isEmpty()) return Optional.of(new Annotated<>(r.get(0), n.path()));
            }
        }
        return Optional.empty();
    }

    private static List<AddressRange> regs(Node n) {
        return PhysicalAddresses.of(n).orElse(List.of()).stream().filter(r -> r.size() > 0)
                .map(r -> new AddressRange(r.address(), r.size())).toList();
    }
}
