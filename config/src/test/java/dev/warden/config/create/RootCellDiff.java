package dev.warden.config.create;

import dev.warden.config.CellConfig;
import dev.warden.config.CpuSet;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The differences between a generated root cell and a hand-written one, by topic: each with a key
 * and a detail that names both sides, so that a test can give the reason for every one. Device
 * regions are compared as the address space they cover, RAM and ivshmem as region lists,
 * interrupts as the set the irqchips grant.
 */
final class RootCellDiff {

    record Difference(String key, String detail) {
        @Override
        public String toString() {
            return key + ": " + detail;
        }
    }

    private final List<Difference> out = new ArrayList<>();

    static List<Difference> between(SystemConfig generated, SystemConfig written) {
        RootCellDiff d = new RootCellDiff();
        d.compare(generated, written);
        return d.out;
    }

    private void compare(SystemConfig g, SystemConfig w) {
        field("hypervisor-memory", range(g.hypervisorMemory()), range(w.hypervisorMemory()));
        field("debug-console", console(g.debugConsole()), console(w.debugConsole()));
        field("platform.pci-mmconfig-base", hex(g.platform().pciMmconfigBase()), hex(w.platform().pciMmconfigBase()));
        field("platform.pci-domain", g.platform().pciDomain(), w.platform().pciDomain());
        field("platform.gic", hex(g.platform().gicdBase()) + "/" + hex(g.platform().gicrBase()) + "/"
                + g.platform().maintenanceIrq(), hex(w.platform().gicdBase()) + "/" + hex(w.platform().gicrBase()) + "/"
                + w.platform().maintenanceIrq());
        field("platform.iommus", g.platform().activeIommuUnits().stream().map(u -> u.type() + "@" + hex(u.base())).toList(),
                w.platform().activeIommuUnits().stream().map(u -> u.type() + "@" + hex(u.base())).toList());
        CellConfig a = g.rootCell();
        CellConfig b = w.rootCell();
        field("root.name", a.name(), b.name());
        field("root.cpus", CpuSet.format(a.cpus()), CpuSet.format(b.cpus()));
        field("root.vpci-irq-base", a.vpciIrqBase(), b.vpciIrqBase());
        field("memory.ivshmem", ivshmem(a), ivshmem(b));
        field("memory.ram", regions(a, false), regions(b, false));
        coverage("memory.mmio", a, b);
        BitSet ga = granted(a);
        BitSet gb = granted(b);
        if (!ga.equals(gb)) {
            BitSet onlyA = (BitSet) ga.clone();
            onlyA.andNot(gb);
            BitSet onlyB = (BitSet) gb.clone();
            onlyB.andNot(ga);
            out.add(new Difference("irqchips", "only generated: " + CpuSet.format(onlyA) + "; only hand-written: "
                    + CpuSet.format(onlyB)));
        }
        field("irqchips.pin-bases", a.irqchips().stream().map(i -> i.pinBase()).toList(),
                b.irqchips().stream().map(i -> i.pinBase()).toList());
        field("pci-devices", pci(a), pci(b));
        field("stream-ids", a.streamIds().size() + " ids", b.streamIds().size() + " ids");
    }

    private void coverage(String key, CellConfig a, CellConfig b) {
        RangeSet sa = mmio(a);
        RangeSet sb = mmio(b);
        RangeSet onlyA = mmio(a);
        sb.ranges().forEach(onlyA::subtract);
        RangeSet onlyB = mmio(b);
        sa.ranges().forEach(onlyB::subtract);
        if (!onlyA.ranges().isEmpty() || !onlyB.ranges().isEmpty()) {
            out.add(new Difference(key, "only generated: " + onlyA.ranges() + "; only hand-written: " + onlyB.ranges()));
        }
    }

    private static RangeSet mmio(CellConfig c) {
        RangeSet s = new RangeSet();
        for (MemoryRegion m : c.memoryRegions()) {
            if (m.has(MemoryRegion.IO) && m.size() > 0) s.add(new AddressRange(m.phys(), m.size()));
        }
        return s;
    }

    private static Set<Integer> ivshmemIndices(CellConfig c) {
        Set<Integer> out = new HashSet<>();
        for (PciDevice d : c.pciDevices()) {
            if (!d.isIvshmem()) continue;
            int count = d.shmemProtocol() == 1 ? 4 : 2 + d.shmemPeers();
            for (int i = 0; i < count; i++) out.add(d.shmemRegionsStart() + i);
        }
        return out;
    }

    private static List<String> ivshmem(CellConfig c) {
        Set<Integer> idx = ivshmemIndices(c);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.memoryRegions().size(); i++) {
            if (idx.contains(i) && c.memoryRegions().get(i).size() > 0) out.add(region(c.memoryRegions().get(i)));
        }
        return out;
    }

    private static List<String> regions(CellConfig c, boolean io) {
        Set<Integer> idx = ivshmemIndices(c);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.memoryRegions().size(); i++) {
            MemoryRegion m = c.memoryRegions().get(i);
            if (!idx.contains(i) && m.size() > 0 && m.has(MemoryRegion.IO) == io) out.add(region(m));
        }
        return out;
    }

    private static BitSet granted(CellConfig c) {
        BitSet s = new BitSet();
        c.irqchips().forEach(i -> i.interrupts().forEach(s::set));
        return s;
    }

    private static String pci(CellConfig c) {
        return c.pciDevices().stream().map(d -> d.bdfText() + " dom " + d.domain() + " peers " + d.shmemPeers() + " proto "
                + d.shmemProtocol() + " bar " + hex(d.barMask().get(0) & 0xffffffffL)).collect(Collectors.joining(", "));
    }

    private static String console(dev.warden.config.Console c) {
        return dev.warden.config.ConfigNames.consoleType(c.type()) + "@" + hex(c.address()) + " flags " + String.join("|",
                dev.warden.config.ConfigNames.flagNames(c.flags(), dev.warden.config.ConfigNames.consoleFlags(
                        dev.warden.config.ConfigFormat.REV14)));
    }

    private static String region(MemoryRegion m) {
        return hex(m.phys()) + "+" + hex(m.size()) + "/" + hex(m.flags());
    }

    private static String range(MemoryRegion m) {
        return hex(m.phys()) + "+" + hex(m.size());
    }

    private void field(String key, Object g, Object w) {
        if (!Objects.equals(g, w)) out.add(new Difference(key, "generated " + g + ", hand-written " + w));
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
