package dev.warden.config;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A cell descriptor with its arrays: a non-root {@code .cell} file, or the root cell inside a
 * system configuration. Values are as stored in {@link #format()}; use {@link ConfigConverter}
 * to get revision-14 meanings. In revision 10 and TI the PIO part is a bitmap
 * ({@code pioBitmap}), from revision 12 a list ({@code pioRegions}); {@code regmaps} exist only
 * in TI's layout, stream ids from revision 12 and in TI's. {@code embeddedHeader} keeps the
 * signature/architecture/revision bytes of a root cell's embedded descriptor (zero in shipped
 * configs); it is empty for a non-root cell, whose header follows from its format.
 */
public record CellConfig(ConfigFormat format, RawBytes embeddedHeader, String name, int id, int flags,
        int cpuSetSize, BitSet cpus, List<MemoryRegion> memoryRegions, List<CacheRegion> cacheRegions,
        List<Irqchip> irqchips, List<PioRegion> pioRegions, RawBytes pioBitmap, List<PciDevice> pciDevices,
        List<PciCapability> pciCaps, List<Integer> streamIds, List<Regmap> regmaps, int vpciIrqBase,
        long cpuResetAddress, long msgReplyTimeout, Console console, Architecture architecture) implements JailhouseConfig {
    public static final int PASSIVE_COMMREG = 0x1;
    public static final int TEST_DEVICE = 0x2;
    /** Revision 14 only. */
    public static final int AARCH32 = 0x4;
    public static final int VIRTUAL_CONSOLE_PERMITTED = 0x40000000;
    public static final int VIRTUAL_CONSOLE_ACTIVE = 0x80000000;
    public static final int NAME_BYTES = 32;

    public CellConfig {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(name, "name");
        cpus = (BitSet) cpus.clone();
        memoryRegions = List.copyOf(memoryRegions);
        cacheRegions = List.copyOf(cacheRegions);
        irqchips = List.copyOf(irqchips);
        pioRegions = List.copyOf(pioRegions);
        pciDevices = List.copyOf(pciDevices);
        pciCaps = List.copyOf(pciCaps);
        streamIds = List.copyOf(streamIds);
        regmaps = List.copyOf(regmaps);
        Objects.requireNonNull(embeddedHeader, "embeddedHeader");
        Objects.requireNonNull(pioBitmap, "pioBitmap");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(architecture, "architecture");
    }

    /** An arm64 cell (what every layout before revision 14 is). */
    public CellConfig(ConfigFormat format, RawBytes embeddedHeader, String name, int id, int flags,
            int cpuSetSize, BitSet cpus, List<MemoryRegion> memoryRegions, List<CacheRegion> cacheRegions,
            List<Irqchip> irqchips, List<PioRegion> pioRegions, RawBytes pioBitmap, List<PciDevice> pciDevices,
            List<PciCapability> pciCaps, List<Integer> streamIds, List<Regmap> regmaps, int vpciIrqBase,
            long cpuResetAddress, long msgReplyTimeout, Console console) {
        this(format, embeddedHeader, name, id, flags, cpuSetSize, cpus, memoryRegions, cacheRegions, irqchips,
                pioRegions, pioBitmap, pciDevices, pciCaps, streamIds, regmaps, vpciIrqBase, cpuResetAddress,
                msgReplyTimeout, console, Architecture.ARM64);
    }

    public CellConfig withArchitecture(Architecture a) {
        return new CellConfig(format, embeddedHeader, name, id, flags, cpuSetSize, cpus, memoryRegions, cacheRegions,
                irqchips, pioRegions, pioBitmap, pciDevices, pciCaps, streamIds, regmaps, vpciIrqBase,
                cpuResetAddress, msgReplyTimeout, console, a);
    }

    /** A copy of the CPU set (bit n = logical CPU n). */
    @Override
    public BitSet cpus() {
        return (BitSet) cpus.clone();
    }

    /** The CPU indices, ascending. */
    public List<Integer> cpuList() {
        return cpus.stream().boxed().toList();
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) == flag;
    }

    public CellConfig withFormat(ConfigFormat f) {
        return new CellConfig(f, embeddedHeader, name, id, flags, cpuSetSize, cpus, memoryRegions, cacheRegions,
                irqchips, pioRegions, pioBitmap, pciDevices, pciCaps, streamIds, regmaps, vpciIrqBase,
                cpuResetAddress, msgReplyTimeout, console);
    }

    public CellConfig withName(String n) {
        return new CellConfig(format, embeddedHeader, n, id, flags, cpuSetSize, cpus, memoryRegions, cacheRegions,
                irqchips, pioRegions, pioBitmap, pciDevices, pciCaps, streamIds, regmaps, vpciIrqBase,
                cpuResetAddress, msgReplyTimeout, console);
    }

    public CellConfig withCpus(BitSet c) {
        return new CellConfig(format, embeddedHeader, name, id, flags, cpuSetSize, c, memoryRegions, cacheRegions,
                irqchips, pioRegions, pioBitmap, pciDevices, pciCaps, streamIds, regmaps, vpciIrqBase,
                cpuResetAddress, msgReplyTimeout, console);
    }

    public CellConfig withMemoryRegions(List<MemoryRegion> m) {
        return new CellConfig(format, embeddedHeader, name, id, flags, cpuSetSize, cpus, m, cacheRegions,
                irqchips, pioRegions, pioBitmap, pciDevices, pciCaps, streamIds, regmaps, vpciIrqBase,
                cpuResetAddress, msgReplyTimeout, console);
    }

    public CellConfig withIrqchips(List<Irqchip> i) {
        return new CellConfig(format, embeddedHeader, name, id, flags, cpuSetSize, cpus, memoryRegions, cacheRegions,
                i, pioRegions, pioBitmap, pciDevices, pciCaps, streamIds, regmaps, vpciIrqBase,
                cpuResetAddress, msgReplyTimeout, console);
    }

    public CellConfig withPciDevices(List<PciDevice> p) {
        return new CellConfig(format, embeddedHeader, name, id, flags, cpuSetSize, cpus, memoryRegions, cacheRegions,
                irqchips, pioRegions, pioBitmap, p, pciCaps, streamIds, regmaps, vpciIrqBase,
                cpuResetAddress, msgReplyTimeout, console);
    }

    public CellConfig withConsole(Console c) {
        return new CellConfig(format, embeddedHeader, name, id, flags, cpuSetSize, cpus, memoryRegions, cacheRegions,
                irqchips, pioRegions, pioBitmap, pciDevices, pciCaps, streamIds, regmaps, vpciIrqBase,
                cpuResetAddress, msgReplyTimeout, c);
    }
}
