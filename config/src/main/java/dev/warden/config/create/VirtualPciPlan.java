package dev.warden.config.create;

import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.PhysicalAddresses;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.RegEntry;
import java.util.BitSet;
import java.util.List;

/**
 * The virtual PCI host Jailhouse adds for ivshmem: its 1 MiB ECAM window (bus 0 only), its PCI
 * domain and the SPIs its INTx lines use. The window is the highest 1 MiB below the first RAM
 * bank that, with the BAR window the driver puts right after it, no node, bus window, RAM bank or
 * reservation of the tree touches (on the AM625 SK the ECAM just below RAM put the BARs in RAM); the domain the
 * one after every PCI host Linux numbers; the INTx SPIs the lowest four no node of the tree uses.
 */
final class VirtualPciPlan {

    static final long ECAM_SIZE = 0x100000;
    /** Room kept free after the ECAM for the memory window the driver gives the host: 2 pages per ivshmem device. */
    static final long BAR_WINDOW = 0x100000;
    static final int INTX_LINES = 4;

    final long mmconfigBase;
    final String mmconfigComment;
    final int domain;
    final String domainComment;
    /** Interrupt IDs some node of the tree uses (any status). */
    final BitSet used = new BitSet();

    VirtualPciPlan(BoardTree tree, TreeDevices devices, MemoryPlan memory) {
        RangeSet occupied = new RangeSet();
        for (TreeDevices.Device d : devices.all()) {
            d.regs().forEach(occupied::add);
            d.interrupts().forEach(used::set);
        }
        PhysicalAddresses.busWindows(tree.merged()).forEach(w -> occupied.add(new AddressRange(w.address(), w.size())));
        memory.banks.forEach(b -> occupied.add(b.value()));
        tree.merged().node("/reserved-memory").ifPresent(rm -> rm.children().forEach(n -> n.reg()
                .forEach((RegEntry r) -> occupied.add(new AddressRange(r.address(), r.size())))));
        long below = Math.min(memory.banks.stream().mapToLong(b -> b.value().start()).min().orElse(1L << 32), 1L << 32);
        long base = -1;
        // the driver puts the host's memory window (the ivshmem BARs) right after the ECAM: both must be free
        for (long c = (below - ECAM_SIZE - BAR_WINDOW) & ~(ECAM_SIZE - 1); c >= ECAM_SIZE; c -= ECAM_SIZE) {
            if (!occupied.overlaps(new AddressRange(c, ECAM_SIZE + BAR_WINDOW))) {
                base = c;
                break;
            }
        }
        if (base < 0) {
            throw new ConfigCreateException(tree.describe() + ": no free 2 MiB below the first RAM bank for the "
                    + "virtual PCI host's ECAM and the memory window after it (every one is used by a node, bus window or RAM)");
        }
        mmconfigBase = base;
        mmconfigComment = "the highest 1 MiB below RAM that, with the 1 MiB after it for the ivshmem BARs, no node, bus"
                + " window or reservation of the tree uses";
        int hosts = 0;
        int highest = -1;
        for (Node n : tree.merged().nodes()) {
            if (n.string("device_type").filter("pci"::equals).isPresent() && BoardTree.enabledWithParents(n)) hosts++;
            highest = Math.max(highest, n.u32("linux,pci-domain").map(Long::intValue).orElse(-1));
        }
        domain = Math.max(hosts, highest + 1);
        domainComment = hosts == 0 && highest < 0 ? "the tree has no PCI host: Linux numbers this one 0"
                : "after the tree's " + Math.max(hosts, highest + 1) + " PCI domain(s)";
    }

    /** The lowest SPI number b from {@code from} with INTIDs 32+b .. 32+b+3 unused by the tree. */
    int freeIntxBase(int from) {
        for (int b = from; b + 32 + INTX_LINES <= 1020; b++) {
            if (used.get(32 + b, 32 + b + INTX_LINES).isEmpty()) return b;
        }
        throw new ConfigCreateException("no four free SPIs for the virtual PCI host's INTx lines");
    }

    static List<Integer> intx(int base) {
        return List.of(32 + base, 33 + base, 34 + base, 35 + base);
    }
}
