package dev.warden.config.create;

import dev.warden.config.CellConfig;
import dev.warden.config.Console;
import dev.warden.config.MemoryRegion;
import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.SerialPorts;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A starting point for a non-root cell: the last CPU, the inmate RAM at cell address 0 (loadable,
 * for a bare-metal inmate), the devices the overlay took away from Linux with their interrupts,
 * the ivshmem peer of the root, a console (the first UART taken from Linux, else the debug console
 * shared with the root) and the communication region where the inmate library expects it.
 */
final class InmateTemplate {

    /** Where Jailhouse's inmate library maps the communication region. */
    static final long COMM_REGION = 0x80000000L;
    /** A bare-metal inmate is linked at 0 and runs from 64 KiB, as Jailhouse's demos. */
    static final long IMAGE_SIZE = 0x10000;

    private InmateTemplate() {}

    static Optional<CellDraft> build(BoardTree tree, TreeDevices devices, MemoryPlan memory, SystemDraft sys,
                                     VirtualPciPlan pci, int intxBase, int cpuCount, List<String> notes) {
        if (memory.inmate.isEmpty()) return Optional.empty();
        if (cpuCount < 2) {
            notes.add("the board has one CPU: no inmate-cell template (the root keeps it)");
            return Optional.empty();
        }
        CellDraft c = new CellDraft();
        String base = sys.root.name;
        c.name = (base.length() > 24 ? base.substring(0, 24) : base) + "-inmate";
        c.flags = CellConfig.PASSIVE_COMMREG;
        c.cpus.set(cpuCount - 1);
        c.cpusComment = "the last CPU (Linux cannot give up CPU 0)";
        c.vpciIrqBase = intxBase;
        c.vpciComment = "chosen: its INTx on interrupts " + (32 + intxBase) + ".." + (35 + intxBase) + ", unused by the tree";
        memory.ivshmem.ifPresent(s -> RootCellFromTree.ivshmemRegions(c, s, 1, memory.ivshmemComment));
        BitSet irqs = new BitSet();
        Optional<SerialPorts.SerialPort> console = Optional.empty();
        for (TreeDevices.Device d : devices.taken()) {
            if (d.isGic() || d.isSmmuV3()) continue;
            for (AddressRange r : d.regs()) {
                c.region(RootCellFromTree.ram(r.pages(), MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.IO),
                        d.name() + " (" + d.node().path() + "), which the overlay takes away from Linux");
            }
            d.interrupts().stream().filter(i -> i >= 32).forEach(irqs::set);
            if (console.isEmpty()) console = SerialPorts.of(tree.merged(), d.node());
        }
        if (console.isPresent()) {
            c.console = RootCellFromTree.console(console.get(), 0);
            c.consoleComment = "console: " + console.get().node().path() + ", taken from Linux by the overlay";
        } else if (!sys.debugConsole.isNone()) {
            Console d = sys.debugConsole;
            c.console = new Console(d.address(), 0, d.type(), d.flags(), 0, 0, 0);
            c.consoleComment = "console: the hypervisor's debug console UART, shared with the root (no UART was taken "
                    + "from Linux)";
            c.region(new MemoryRegion(d.address(), d.address(), 0x1000,
                    MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.IO | MemoryRegion.ROOTSHARED),
                    "the shared console UART (ROOTSHARED: the root keeps it)");
        }
        AddressRange ram = memory.inmate.get();
        long rwxl = MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.EXECUTE | MemoryRegion.LOADABLE;
        c.region(new MemoryRegion(ram.start(), 0, IMAGE_SIZE, rwxl), "the inmate image at cell address 0: the first 64 KiB"
                + " of its RAM (" + memory.inmateComment + ")");
        AddressRange rest = new AddressRange(ram.start() + IMAGE_SIZE, ram.size() - IMAGE_SIZE);
        boolean clash = rest.overlaps(new AddressRange(COMM_REGION, 0x1000))
                || c.memory.stream().anyMatch(m -> new AddressRange(m.value().virt(), m.value().size()).overlaps(rest));
        if (rest.size() > 0 && !clash) {
            c.region(new MemoryRegion(rest.start(), rest.start(), rest.size(), rwxl),
                    "the rest of its RAM at its own address (a Linux inmate's)");
        } else if (rest.size() > 0) {
            notes.add("inmate template: the inmate RAM above its first 64 KiB is not mapped (at its own address it would"
                    + " overlap the communication region or a device)");
        }
        c.region(new MemoryRegion(0, COMM_REGION, 0x1000, MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.COMM_REGION),
                "communication region, where the inmate library expects it");
        memory.ivshmem.ifPresent(s -> {
            irqs.set(32 + intxBase);
            c.pciDevices.add(RootCellFromTree.ivshmem(pci.domain, 1));
            c.pciComment = "ivshmem 00:00.0, peer 1 of the root's";
        });
        c.irqchips.addAll(Irqchips.exact(sys.platform.gicdBase(), irqs, notes));
        c.irqchipComment = "the interrupts of its devices and of its ivshmem INTx";
        notes.add("inmate template " + c.name + ": CPU " + (cpuCount - 1) + ", RAM " + ram + ", "
                + devices.taken().stream().filter(d -> !d.isGic() && !d.isSmmuV3()).count()
                + " device(s) taken from Linux by the overlay");
        return Optional.of(c);
    }

    static List<String> header(String rootName, BoardTree tree) {
        return List.of("Inmate-cell template for " + rootName + ", written by `warden config create` from " + tree.describe()
                        + ".",
                "A bare-metal inmate linked at 0 runs as is; a Linux inmate needs the loader region and its own tree.");
    }
}
