package dev.warden.rootcell.linux;

import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import dev.warden.emulator.bus.MemoryAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's generic ECAM host bridge driver (pci-host-generic): it claims the bridge's memory
 * window, and a window that another driver already holds makes the probe fail with -ENOMEM, as
 * Linux's resource collision does; otherwise it scans bus 0 through the kernel's memory path and
 * the functions it finds appear in /sys/bus/pci/devices.
 */
public final class PciHosts {

    private final MemoryAccess memory;
    private final KernelLog log;
    private final IoResources iomem;
    private final List<String> devices = new ArrayList<>();

    PciHosts(MemoryAccess memory, KernelLog log, IoResources iomem) {
        this.memory = memory;
        this.log = log;
        this.iomem = iomem;
    }

    /** Functions found so far, as /sys/bus/pci/devices names them (0000:00:00.0). */
    public List<String> devices() {
        return List.copyOf(devices);
    }

    /**
     * The virtual host bridge the jailhouse driver adds at {@code ecam} (node /pci@0, bus 0 only),
     * with a memory window of {@code windowSize} bytes right after the 1 MiB of ECAM.
     */
    public void probeVirtual(long ecam, int domain, long windowSize) {
        String dev = Long.toHexString(ecam) + ".pci";
        long window = ecam + 0x100000;
        long end = window + windowSize - 1;
        log.printk("pci-host-generic " + dev + ": host bridge /pci@0 ranges:");
        log.printk(String.format("pci-host-generic %s:      MEM 0x%010x..0x%010x -> 0x%010x", dev, window, end, window));
        IoResources.Resource conflict = iomem.conflict(window, end);
        if (conflict != null) {
            log.printk(String.format("pci-host-generic %s: resource collision: [mem 0x%08x-0x%08x] conflicts with %s"
                    + " [mem 0x%08x-0x%08x]", dev, window, end, conflict.name(), conflict.start(), conflict.end()));
            log.printk("pci-host-generic: probe of " + dev + " failed with error -12");
            return;
        }
        iomem.request(window, end, "pci@0");
        log.printk(String.format("pci-host-generic %s: ECAM at [mem 0x%08x-0x%08x] for [bus 00]", dev, ecam, ecam + 0xfffff));
        log.printk(String.format("pci-host-generic %s: PCI host bridge to bus %04x:00", dev, domain));
        scan(ecam, domain);
    }

    /** The kinds of window a PCI range's first cell names (bits 24..25): I/O, 32-bit and 64-bit memory. */
    private static final int SPACE_IO = 1, SPACE_MEM64 = 3;
    private static final long PREFETCHABLE = 1L << 30;

    /**
     * A host bridge the tree describes ({@code pci-host-ecam-generic}, QEMU's {@code /pcie@10000000}):
     * its ranges, the ECAM it claims, the root bus resources, then bus 0 scanned through the ECAM.
     * The windows become iomem resources under the node's name, as the kernel's host bridge
     * resources are.
     */
    void probeEcam(Node host) {
        long ecam = host.reg().get(0).address();
        long ecamEnd = ecam + host.reg().get(0).size() - 1;
        String dev = "pci-host-generic " + Long.toHexString(ecam) + "." + host.baseName() + ":";
        long[] busRange = host.property("bus-range").map(Property::cells).filter(c -> c.length == 2).orElse(new long[] {0, 0xff});
        String buses = String.format("[bus %02x-%02x]", busRange[0], busRange[1]);
        log.printk(dev + " host bridge " + host.path() + " ranges:");
        List<String> roots = new ArrayList<>();
        roots.add(buses);
        boolean tooLarge = false;
        for (long[] r : ranges(host)) {
            int space = (int) (r[0] >>> 24) & 3;
            long cpu = r[2], pciAddress = r[1], size = r[3];
            log.printk(String.format("%s   %6s 0x%010x..0x%010x -> 0x%010x", dev, space == SPACE_IO ? "IO" : "MEM", cpu,
                    cpu + size - 1, pciAddress));
            if (space == SPACE_IO) {
                roots.add(String.format("[io  0x%04x-0x%04x]", pciAddress, pciAddress + size - 1));
            } else {
                roots.add(String.format("[mem 0x%08x-0x%08x%s]", cpu, cpu + size - 1, (r[0] & PREFETCHABLE) != 0 ? " pref" : ""));
                iomem.request(cpu, cpu + size - 1, host.name());
                tooLarge |= (r[0] & PREFETCHABLE) == 0 && (size >>> 32) != 0;
            }
        }
        if (tooLarge) log.printk(dev + " Memory resource size exceeds max for 32 bits");
        iomem.request(ecam, ecamEnd, "PCI ECAM");
        int domain = host.u32("linux,pci-domain").orElse(0L).intValue();
        log.printk(String.format("%s ECAM at [mem 0x%08x-0x%08x] for %s", dev, ecam, ecamEnd, buses));
        log.printk(String.format("%s PCI host bridge to bus %04x:%02x", dev, domain, busRange[0]));
        for (String root : roots) log.printk(String.format("pci_bus %04x:%02x: root bus resource %s", domain, busRange[0], root));
        scan(ecam, domain);
    }

    /** {flags, PCI address, CPU address, size} of every entry of a host's ranges (3 PCI cells, the parent's address cells, 2 size cells). */
    private static List<long[]> ranges(Node host) {
        List<long[]> out = new ArrayList<>();
        Property ranges = host.property("ranges").orElse(null);
        if (ranges == null || ranges.isEmpty()) return out;
        int parent = host.parent().map(Node::addressCells).orElse(Node.DEFAULT_ADDRESS_CELLS);
        int size = host.sizeCells();
        int per = 3 + parent + size;
        long[] cells = ranges.cells();
        if (cells.length % per != 0 || parent > 2 || size > 2) return out;
        for (int i = 0; i < cells.length; i += per) {
            out.add(new long[] {cells[i], ranges.cellsAsNumber(i + 1, 2), ranges.cellsAsNumber(i + 3, parent),
                    ranges.cellsAsNumber(i + 3 + parent, size)});
        }
        return out;
    }

    /** Bus 0 of an ECAM window: every slot whose vendor ID is not all ones is a function. */
    void scan(long ecam, int domain) {
        for (int slot = 0; slot < 32; slot++) {
            long id = memory.read(ecam + ((long) slot << 15), 4);
            if (id == 0xffffffffL || id == 0) continue;
            long classRev = memory.read(ecam + ((long) slot << 15) + 8, 4);
            log.printk(String.format("pci %04x:00:%02x.0: [%04x:%04x] type 00 class 0x%06x", domain, slot,
                    id & 0xffff, id >>> 16, classRev >>> 8));
            devices.add(String.format("%04x:00:%02x.0", domain, slot));
        }
    }
}
