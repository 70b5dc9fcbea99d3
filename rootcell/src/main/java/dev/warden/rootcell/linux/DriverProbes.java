package dev.warden.rootcell.linux;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.devicetree.model.Node;
import dev.warden.emulator.devices.uart.UartDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The drivers the root-cell kernel binds: for every available node with a compatible it knows,
 * the probe touches the device's registers through the kernel's memory path (so a device the
 * cell does not own faults there) and prints what the driver prints.
 */
final class DriverProbes {

    /** A tty the kernel registered: its name, the node, and how to drive it. */
    record Tty(String name, Node node, UartDriver driver) {}

    private final MemoryAccess memory;
    private final KernelLog log;
    private final PciHosts pci;
    private final IoResources iomem;
    private final Map<String, Tty> ttys = new LinkedHashMap<>();
    private final List<String> bound = new ArrayList<>();
    private int nextVirq = 14;
    private int nextMmc;

    DriverProbes(MemoryAccess memory, KernelLog log, PciHosts pci, IoResources iomem) {
        this.memory = memory;
        this.log = log;
        this.pci = pci;
        this.iomem = iomem;
    }

    Map<String, Tty> ttys() { return ttys; }

    /** Paths of the nodes a driver bound to, in probe order. */
    List<String> bound() { return bound; }

    void probeAll(Node root, Map<String, String> aliasesByPath) {
        for (Node n : root.subtree()) {
            if (!n.isEnabled() || n.reg().isEmpty()) continue;
            if (n.isCompatible("arm,primecell")) amba(n);
            if (n.isCompatible("ti,am654-uart") || n.isCompatible("ns16550a")) {
                serial8250(n, aliasesByPath);
            } else if (n.isCompatible("arm,pl011")) {
                pl011(n, aliasesByPath);
            } else if (n.strings("compatible").stream().anyMatch(c -> c.contains("sdhci"))) {
                sdhci(n);
            } else if (n.isCompatible("virtio,mmio")) {
                virtioMmio(n);
            }
        }
    }

    /** The generic PCI host bridges: their driver registers later than the consoles' (device_initcall). */
    void probeHostBridges(Node root) {
        for (Node n : root.subtree()) {
            if (n.isEnabled() && !n.reg().isEmpty() && n.isCompatible("pci-host-ecam-generic")) {
                pci.probeEcam(n);
                bound.add(n.path());
            }
        }
    }

    /**
     * The AMBA bus adds a PrimeCell: it reads the PeriphID and PCellID registers in the last 32
     * bytes of the window (to match a driver) and claims the window under the node's name.
     */
    private void amba(Node n) {
        long base = n.reg().get(0).address();
        long size = n.reg().get(0).size();
        for (long reg = size - 0x20; reg < size; reg += 4) memory.read(base + reg, 4);
        iomem.request(base, base + size - 1, n.name());
    }

    /**
     * virtio_mmio: checks the magic, reads the version and the device ID; an empty transport
     * (device ID 0) is left alone without a word, as on QEMU with nothing plugged in.
     */
    private void virtioMmio(Node n) {
        long base = n.reg().get(0).address();
        long magic = memory.read(base, 4);
        if (magic != 0x74726976L) {
            log.printk(String.format("virtio-mmio %s.%s: Wrong magic value 0x%08x!", n.unitAddress(), n.baseName(), magic));
            return;
        }
        memory.read(base + 0x4, 4);
        if (memory.read(base + 0x8, 4) == 0) return;
        bound.add(n.path());
    }

    private void serial8250(Node n, Map<String, String> aliases) {
        long base = n.reg().get(0).address();
        int shift = n.u32("reg-shift").orElse(2L).intValue();
        UartDriver uart = new UartDriver(memory, base, UartDriver.Type.NS16550, shift);
        uart.probe();
        String tty = "ttyS" + aliasIndex(n, aliases, "serial").orElse(ttys.size());
        long clock = n.u32("clock-frequency").orElse(48_000_000L);
        log.printk(String.format("%s.serial: %s at MMIO 0x%x (irq = %d, base_baud = %d) is a 8250",
                n.unitAddress(), tty, base, nextVirq++, clock / 16));
        ttys.put(tty, new Tty(tty, n, uart));
        iomem.request(base, base + n.reg().get(0).size() - 1, n.unitAddress() + ".serial");
        bound.add(n.path());
    }

    private void pl011(Node n, Map<String, String> aliases) {
        long base = n.reg().get(0).address();
        UartDriver uart = new UartDriver(memory, base, UartDriver.Type.PL011, 0);
        long periphId = uart.probe();
        String tty = "ttyAMA" + aliasIndex(n, aliases, "serial").orElse(ttys.size());
        log.printk(String.format("%s.pl011: %s at MMIO 0x%x (irq = %d, base_baud = 0) is a PL011 rev%d",
                n.unitAddress(), tty, base, nextVirq++, (periphId >> 4) & 0xf));
        ttys.put(tty, new Tty(tty, n, uart));
        // devm_ioremap_resource: nested in the AMBA device's resource in Linux; the flat model keeps the AMBA one
        iomem.request(base, base + n.reg().get(0).size() - 1, n.unitAddress() + "." + n.baseName() + " " + n.name());
        bound.add(n.path());
    }

    private void sdhci(Node n) {
        long base = n.reg().get(0).address();
        memory.read(base + 0xfc, 4);                        // SDHCI_HOST_VERSION
        memory.read(base + 0x40, 4);                        // SDHCI_CAPABILITIES
        String dev = n.unitAddress() + "." + n.baseName();
        log.printk(String.format("mmc%d: SDHCI controller on %s [%s] using ADMA 64-bit", nextMmc++, dev, dev));
        bound.add(n.path());
    }

    private static Optional<Integer> aliasIndex(Node n, Map<String, String> aliases, String stem) {
        String alias = aliases.get(n.path());
        if (alias == null || !alias.startsWith(stem)) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(alias.substring(stem.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
