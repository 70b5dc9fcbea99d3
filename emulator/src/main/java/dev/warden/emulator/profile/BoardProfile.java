package dev.warden.emulator.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a board is made of, like a Renode platform description: CPUs, RAM, devices, the timer,
 * the PSCI conduit, which UART plays which console role, and where the board boots from. The
 * device tree describes the same hardware to software; power-on checks the two against each other.
 */
public record BoardProfile(
        String name,
        String description,
        Path source,
        List<Cpu> cpus,
        List<RamBank> ram,
        List<Device> devices,
        long timerFrequencyHz,
        Psci psci,
        Consoles consoles,
        Boot boot,
        java.util.Map<String, String> software) {

    /** One core; {@code mpidr} is the affinity value the DT's cpu node has in {@code reg}. */
    public record Cpu(String name, long mpidr, String core) {}

    public record RamBank(String name, long base, long size) {
        public long end() { return base + size; }
    }

    /**
     * A device the board instantiates. {@code kind} selects the model (uart-8250, pl011, gicv3,
     * sdhci, cfi-flash, pcie-ecam, ...); {@code regions} are its register windows; {@code irq} is
     * the GIC INTID or -1; {@code pciFunctions} are what a PCIe host's ECAM shows (pcie-ecam only).
     */
    public record Device(String name, String kind, List<String> compatible, List<Region> regions, int irq,
                         long clockHz, int regShift, List<dev.warden.emulator.devices.pci.PciFunction> pciFunctions) {
        public Region primary() { return regions.get(0); }

        /** Whether [address, address + size) lies inside one of the device's regions. */
        public boolean covers(long address, long size) {
            return regions.stream().anyMatch(r -> address >= r.base() && address + size <= r.end());
        }
    }

    public record Region(long base, long size) {
        public long end() { return base + size; }
    }

    public record Psci(String conduit, String version) {}

    /** The UART names that play each console role; secondary and hypervisor may be absent. */
    public record Consoles(String primary, Optional<String> secondary, Optional<String> hypervisor) {}

    /**
     * Boot media and the firmware's view of it. {@code media} is a folder standing in for the
     * SD card's boot partition; {@code ubootEnvironment} selects the env layout (ti-2019 uses
     * overlay_files, ti-current name_overlays); {@code login} is what the root filesystem prints.
     */
    public record Boot(Path media, String baseDtb, String ubootEnvironment, String ubootVersion,
                       String socName, long fdtAddress, long overlayAddress, long kernelAddress,
                       Login login) {}

    /** What the root file system prints at login; {@code shellCpu} is the CPU the login shell runs on. */
    public record Login(String hostname, String tty, String distribution, String banner, int shellCpu) {}

    public Optional<Device> device(String deviceName) {
        return devices.stream().filter(d -> d.name().equals(deviceName)).findFirst();
    }

    public List<Device> devicesOfKind(String kind) {
        return devices.stream().filter(d -> d.kind().equals(kind)).toList();
    }
}
