package dev.warden.config.create;

import dev.warden.config.CellConfig;
import dev.warden.config.ConfigYaml;
import dev.warden.config.Console;
import dev.warden.config.IommuUnit;
import dev.warden.config.Irqchip;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;
import dev.warden.config.PlatformInfo;
import dev.warden.config.RawBytes;
import dev.warden.config.SystemConfig;
import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.GicInterrupts;
import dev.warden.devicetree.board.SerialPorts;
import dev.warden.devicetree.model.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code warden config create}: a root cell from the board's device tree after its overlays, the
 * way upstream's arm64 root cells are laid out: ivshmem regions first, the RAM without what
 * Jailhouse takes, the RAM reserved for inmates (so the root can load them), the device pages,
 * the GIC's interrupt blocks, the virtual PCI host with one ivshmem device; and an inmate-cell
 * template for what the overlay took away from Linux.
 */
public final class RootCellFromTree {

    static final int MAINTENANCE_IRQ_DEFAULT = 25;
    static final int NAME_MAX = 31;
    /** Bar masks of an ivshmem device with 4 KiB registers and no MSI-X (INTx). */
    static final List<Integer> BAR_MASK_INTX = List.of(0xfffff000, 0, 0, 0, 0, 0);

    private final CreateRequest request;
    private final BoardTree tree;
    private final TreeDevices devices;
    private final List<String> notes = new ArrayList<>();

    private RootCellFromTree(CreateRequest request) {
        this.request = request;
        this.tree = request.tree();
        this.devices = new TreeDevices(tree);
    }

    public static CreatedConfigs create(CreateRequest request) {
        return new RootCellFromTree(request).run();
    }

    private CreatedConfigs run() {
        String name = request.name();
        if (name.isEmpty() || name.getBytes(StandardCharsets.ISO_8859_1).length > NAME_MAX) {
            throw new ConfigCreateException("--name '" + name + "': expected 1 to 31 characters (the cell name field)");
        }
        TreeDevices.Device gic = devices.gicV3().orElseThrow(this::noGicV3);
        if (gic.regs().size() < 2) {
            throw new ConfigCreateException(tree.describe() + ": " + gic.node().path() + " has " + gic.regs().size()
                    + " reg entries; expected the distributor and the redistributors");
        }
        MemoryPlan memory = new MemoryPlan(tree, request.hypervisor(), request.inmateMemory());
        notes.addAll(memory.notes);
        VirtualPciPlan pci = new VirtualPciPlan(tree, devices, memory);
        int rootIntx = pci.freeIntxBase(0);
        int inmateIntx = pci.freeIntxBase(rootIntx + VirtualPciPlan.INTX_LINES);
        int cpuCount = cpuCount();

        SystemDraft sys = new SystemDraft();
        sys.header.add("Root cell of " + name + ", written by `warden config create` from " + tree.describe() + ".");
        sys.header.add("Each value says where in the tree it came from. Check the choices marked 'chosen' against your");
        sys.header.add("SoC's manual: the tree does not describe every free address or interrupt.");
        sys.hypervisor = new MemoryRegion(memory.hypervisor.start(), 0, memory.hypervisor.size(), 0);
        sys.hypervisorComment = "hypervisor: " + memory.hypervisorComment;
        debugConsole(sys);

        List<IommuUnit> iommus = new ArrayList<>();
        for (TreeDevices.Device d : devices.taken()) {
            if (d.isSmmuV3() && iommus.size() < PlatformInfo.MAX_IOMMU_UNITS) {
                AddressRange r = d.regs().get(0);
                iommus.add(new IommuUnit(IommuUnit.TYPE_SMMUV3, r.start(), (int) r.size(), 0, 0, 0));
                sys.iommuComments.add(d.node().path() + ", which the overlay takes away from Linux for Jailhouse");
            }
        }
        AddressRange gicd = gic.regs().get(0);
        AddressRange gicr = gic.regs().get(1);
        int maintenance = GicInterrupts.of(tree.merged(), gic.node()).stream().filter(i -> i >= 16 && i < 32).findFirst()
                .orElse(MAINTENANCE_IRQ_DEFAULT);
        sys.platform = new PlatformInfo(pci.mmconfigBase, 0, 1, pci.domain, iommus, maintenance, 3, 0, gicd.start(), 0, 0,
                0, gicr.start(), RawBytes.EMPTY);
        sys.platformComments.put("pci-mmconfig-base", "chosen: " + pci.mmconfigComment);
        sys.platformComments.put("pci-is-virtual", "Jailhouse adds a virtual PCI host for ivshmem");
        sys.platformComments.put("pci-domain", pci.domainComment);
        sys.platformComments.put("gic-version", gic.node().path() + " is arm,gic-v3");
        sys.platformComments.put("maintenance-irq", "the GIC's own interrupt (PPI " + (maintenance - 16) + ")");
        sys.platformComments.put("gicd", "distributor, reg[0] of " + gic.node().path());
        sys.platformComments.put("gicr", "redistributors, reg[1]");

        CellDraft root = sys.root;
        root.name = name;
        root.cpus.set(0, cpuCount);
        root.cpusComment = "every CPU of /cpus: Jailhouse takes them all over, Linux keeps running on them";
        root.vpciIrqBase = rootIntx;
        root.vpciComment = "chosen: INTx of the virtual PCI host on interrupts " + (32 + rootIntx) + ".."
                + (35 + rootIntx) + ", which no node of the tree uses";
        memory.ivshmem.ifPresent(s -> ivshmemRegions(root, s, 0, memory.ivshmemComment));
        memory.rootRam.forEach(r -> root.region(ram(r.value(), MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.EXECUTE),
                r.comment()));
        memory.inmate.ifPresent(i -> root.region(ram(i, MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.EXECUTE),
                "RAM reserved for inmates (" + memory.inmateComment + "): mapped so the root can load their images"));
        List<AddressRange> forbidden = new ArrayList<>(List.of(gicd, gicr,
                new AddressRange(pci.mmconfigBase, VirtualPciPlan.ECAM_SIZE), memory.hypervisor));
        gic.regs().stream().skip(2).forEach(forbidden::add);
        iommus.forEach(u -> forbidden.add(new AddressRange(u.base(), u.size())));
        memory.ivshmem.ifPresent(forbidden::add);
        memory.inmate.ifPresent(forbidden::add);
        memory.banks.forEach(b -> forbidden.add(b.value()));
        List<TreeDevices.Device> rootDevices = devices.enabled().stream().filter(d -> !d.isGic()).toList();
        for (MmioPlan.Window w : new MmioPlan(rootDevices, forbidden).windows) {
            root.region(ram(w.range(), MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.IO), MmioPlan.names(w.nodes()));
        }
        // the blocks hold what Linux and the inmate use, not firmware's reserved nodes
        BitSet used = new BitSet();
        devices.all().stream().filter(d -> d.enabled() || d.takenByOverlay())
                .forEach(d -> d.interrupts().forEach(used::set));
        VirtualPciPlan.intx(rootIntx).forEach(used::set);
        VirtualPciPlan.intx(inmateIntx).forEach(used::set);
        root.irqchips.addAll(Irqchips.blocks(gicd.start(), used, notes));
        root.irqchipComment = "every interrupt of the 128-line blocks that hold one of a device Linux or the inmate uses, or of the virtual "
                + "PCI host (a non-root cell takes its own at 'cell create')";
        memory.ivshmem.ifPresent(s -> root.pciDevices.add(ivshmem(pci.domain, 0)));
        root.pciComment = "ivshmem 00:00.0 between the root (peer 0) and the inmate template (peer 1), INTx";

        SystemConfig system = sys.toConfig();
        String rootYaml = CommentedYaml.system(sys);
        requireReadsBack(rootYaml, system);
        notes.add(String.format("hypervisor memory 0x%x+0x%x (%s)", memory.hypervisor.start(), memory.hypervisor.size(),
                memory.hypervisorComment));
        notes.add(String.format("chosen: pci-mmconfig-base 0x%x and vpci-irq-base %d (interrupts %d..%d); the tree shows"
                + " them free, check them against the SoC's memory and interrupt maps", pci.mmconfigBase, rootIntx,
                32 + rootIntx, 35 + rootIntx));

        Optional<CellDraft> inmate = InmateTemplate.build(tree, devices, memory, sys, pci, inmateIntx, cpuCount, notes);
        Optional<CellConfig> inmateConfig = inmate.map(c -> c.toConfig(false));
        Optional<String> inmateYaml = inmate.map(c -> CommentedYaml.cell(c, InmateTemplate.header(name, tree)));
        if (inmateConfig.isPresent()) requireReadsBack(inmateYaml.get(), inmateConfig.get());
        return new CreatedConfigs(system, rootYaml, inmateConfig, inmateYaml, notes);
    }

    private ConfigCreateException noGicV3() {
        Optional<Node> other = tree.merged().nodes().stream().filter(GicInterrupts::isGic).findFirst();
        return new ConfigCreateException(tree.describe() + ": " + other.map(n -> "the interrupt controller " + n.path()
                + " is " + String.join(", ", n.compatibles()) + "; config create writes GICv3 (arm,gic-v3) root cells only")
                .orElse("no arm,gic-v3 interrupt controller; expected the GICv3 with its distributor and redistributors"));
    }

    private int cpuCount() {
        return (int) tree.merged().node("/cpus").map(c -> c.children().stream()
                .filter(n -> n.baseName().equals("cpu") && n.isEnabled()).count()).orElse(0L).longValue();
    }

    private void debugConsole(SystemDraft sys) {
        Optional<SerialPorts.SerialPort> uart = tree.merged().stdoutNode().flatMap(n -> SerialPorts.of(tree.merged(), n));
        String why = "debug console: /chosen stdout-path, ";
        if (uart.isEmpty()) {
            uart = SerialPorts.all(tree.merged()).stream().filter(u -> BoardTree.enabledWithParents(u.node())).findFirst();
            why = "debug console: no stdout-path names a UART; the first enabled one, ";
            if (uart.isEmpty()) {
                notes.add("no UART for the hypervisor's debug console: it prints to its virtual console only");
                return;
            }
            notes.add("the debug console is " + uart.get().node().path() + " (no stdout-path names a UART)");
        }
        sys.debugConsole = console(uart.get(), 0x1000);
        sys.debugConsoleComment = why + uart.get().node().path() + " (" + String.join(", ", uart.get().node().compatibles())
                + (uart.get().kind() == SerialPorts.Kind.NS16550 ? ", registers " + (1 << uart.get().regShift()) + " bytes apart"
                : "") + ")";
    }

    /** The console entry for a UART: 8250 with its register stride (and TI's MDR quirk), or PL011. */
    static Console console(SerialPorts.SerialPort u, int size) {
        long address = u.node().reg().isEmpty() ? 0 : dev.warden.devicetree.board.PhysicalAddresses.of(u.node())
                .map(r -> r.get(0).address()).orElse(u.node().reg().get(0).address());
        if (u.kind() == SerialPorts.Kind.PL011) {
            return new Console(address, size, Console.TYPE_PL011, Console.FLAG_ACCESS_MMIO | Console.FLAG_REGDIST_4, 0, 0, 0);
        }
        int flags = Console.FLAG_ACCESS_MMIO | (u.regShift() == 2 ? Console.FLAG_REGDIST_4 : 0);
        // TI's UART needs its mode register set to UART 16x before it sends: Jailhouse's MDR quirk does that
        if (u.node().isCompatible("ti,am654-uart")) flags |= Console.FLAG_MDR_QUIRK;
        return new Console(address, size, Console.TYPE_8250, flags, 0, 0, 0);
    }

    static MemoryRegion ram(AddressRange r, long flags) {
        return new MemoryRegion(r.start(), r.start(), r.size(), flags);
    }

    /**
     * The ivshmem region set of one peer in a 64 KiB window (as upstream's QEMU cells): state table
     * 4 KiB, R/W section 36 KiB, one 8 KiB output section per peer, writable for its owner only.
     */
    static void ivshmemRegions(CellDraft cell, AddressRange window, int peer, String where) {
        long s = window.start();
        long rs = peer == 0 ? 0 : MemoryRegion.ROOTSHARED;
        long r = MemoryRegion.READ;
        long w = MemoryRegion.WRITE;
        String c = "ivshmem (" + where + "): state table, R/W section, output of peer 0 (root), output of peer 1 (inmate)";
        cell.region(new MemoryRegion(s, s, 0x1000, r | rs), c);
        cell.region(new MemoryRegion(s + 0x1000, s + 0x1000, 0x9000, r | w | rs), c);
        cell.region(new MemoryRegion(s + 0xa000, s + 0xa000, 0x2000, r | (peer == 0 ? w : 0) | rs), c);
        cell.region(new MemoryRegion(s + 0xc000, s + 0xc000, 0x2000, r | (peer == 1 ? w : 0) | rs), c);
    }

    static PciDevice ivshmem(int domain, int peer) {
        return new PciDevice(PciDevice.TYPE_IVSHMEM, 0, domain, 0, BAR_MASK_INTX, 0, 0, 0, 0, 0, 0, 0, 0, peer, 2, 0, 0);
    }

    /** The YAML must read back as exactly what was drafted: what the user edits is what was checked. */
    private static void requireReadsBack(String yaml, Object config) {
        Object read = ConfigYaml.parse(yaml, "generated");
        if (!read.equals(config)) {
            throw new IllegalStateException("config create wrote YAML that reads back differently:\n" + yaml);
        }
    }
}
