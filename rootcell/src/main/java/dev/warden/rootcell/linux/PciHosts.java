package dev.warden.rootcell.linux;

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
