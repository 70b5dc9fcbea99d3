package dev.warden.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The byte work for one binary layout. The common parts (element structs, the order of the
 * arrays) live here; each revision's class says where its descriptor, platform and PCI device
 * fields sit. Decoding starts after the 8 header bytes that {@link CellConfigs} already checked.
 */
abstract class ConfigLayout {
    static final int HEADER_BYTES = 8;
    static final int MEMORY_SIZE = 32;
    static final int CONSOLE_SIZE = 32;
    static final int CACHE_SIZE = 12;
    static final int IRQCHIP_SIZE = 32;
    static final int PIO_SIZE = 4;
    static final int PCI_DEVICE_SIZE = 56;
    static final int PCI_CAP_SIZE = 8;
    static final int STREAM_ID_SIZE = 4;

    abstract ConfigFormat format();

    /** sizeof(struct jailhouse_cell_desc) in this layout. */
    abstract int cellDescSize();

    /** sizeof(struct jailhouse_system) in this layout, embedded root descriptor included. */
    abstract int systemSize();

    abstract boolean hasStreamIds();

    abstract boolean hasRegmaps();

    /** Revision 10 and TI carry a PIO bitmap whose byte count sits where later revisions count ranges. */
    abstract boolean pioIsBitmap();

    abstract PlatformInfo decodePlatform(LeReader r);

    abstract void encodePlatform(LeWriter w, PlatformInfo p, String where);

    abstract PciDevice decodePciDevice(LeReader r);

    abstract void encodePciDevice(LeWriter w, PciDevice d, String where);

    // ---------------------------------------------------------------- header

    void writeHeader(LeWriter w, boolean system, Architecture architecture) {
        if (format() == ConfigFormat.REV14) {
            w.bytes((system ? "JHSYS" : "JHCLL").getBytes(StandardCharsets.US_ASCII)).u8(architecture.code()).u16(14);
        } else {
            w.bytes((system ? "JHSYST" : "JHCELL").getBytes(StandardCharsets.US_ASCII)).u16(format().revision());
        }
    }

    // ---------------------------------------------------------------- system

    SystemConfig decodeSystem(LeReader r) {
        r.require(systemSize() - HEADER_BYTES, "system configuration header (" + systemSize() + " bytes in "
                + format().release() + " layout)");
        int flags = r.u32();
        MemoryRegion hv = decodeMemory(r);
        Console debug = decodeConsole(r);
        PlatformInfo platform = decodePlatform(r);
        RawBytes embedded = r.raw(HEADER_BYTES);
        CellConfig root = decodeCellBody(r, embedded);
        return new SystemConfig(format(), flags, hv, debug, platform, root);
    }

    byte[] encodeSystem(SystemConfig s) {
        LeWriter w = new LeWriter();
        writeHeader(w, true, s.architecture());
        w.u32(s.flags());
        encodeMemory(w, s.hypervisorMemory());
        encodeConsole(w, s.debugConsole());
        encodePlatform(w, s.platform(), "platform");
        RawBytes embedded = s.rootCell().embeddedHeader();
        w.fixed(embedded.length() == 0 ? RawBytes.EMPTY : embedded, HEADER_BYTES);
        encodeCellBody(w, s.rootCell());
        return w.toByteArray();
    }

    // ---------------------------------------------------------------- cell

    CellConfig decodeCell(LeReader r) {
        r.require(cellDescSize() - HEADER_BYTES, "cell descriptor (" + cellDescSize() + " bytes in "
                + format().release() + " layout)");
        return decodeCellBody(r, RawBytes.EMPTY);
    }

    byte[] encodeCell(CellConfig c) {
        LeWriter w = new LeWriter();
        writeHeader(w, false, c.architecture());
        encodeCellBody(w, c);
        return w.toByteArray();
    }

    private CellConfig decodeCellBody(LeReader r, RawBytes embeddedHeader) {
        String name = decodeName(r);
        int id = r.u32();
        int flags = r.u32();
        long cpuSetSize = r.u32() & 0xffffffffL;
        long numMem = r.u32() & 0xffffffffL;
        long numCache = r.u32() & 0xffffffffL;
        long numIrqchips = r.u32() & 0xffffffffL;
        long numPio = r.u32() & 0xffffffffL;
        long numPci = r.u32() & 0xffffffffL;
        long numCaps = r.u32() & 0xffffffffL;
        long numStreamIds = hasStreamIds() ? r.u32() & 0xffffffffL : 0;
        long numRegmaps = hasRegmaps() ? r.u32() & 0xffffffffL : 0;
        int vpciIrqBase = r.u32();
        long reset = r.u64();
        long timeout = r.u64();
        Console console = decodeConsole(r);

        if (cpuSetSize > r.remaining()) {
            r.require(cpuSetSize, "cpu_set (cpu_set_size = " + cpuSetSize + ")");
        }
        BitSet cpus = BitSet.valueOf(r.bytes((int) cpuSetSize));

        List<MemoryRegion> mem = new ArrayList<>();
        for (long i = 0; i < numMem; i++) {
            r.require(MEMORY_SIZE, element("mem_regions", i, "num_memory_regions", numMem));
            mem.add(decodeMemory(r));
        }
        List<CacheRegion> caches = new ArrayList<>();
        for (long i = 0; i < numCache; i++) {
            r.require(CACHE_SIZE, element("cache_regions", i, "num_cache_regions", numCache));
            caches.add(new CacheRegion(r.u32(), r.u32(), r.u8(), r.u8(), r.u16()));
        }
        List<Irqchip> irqchips = new ArrayList<>();
        for (long i = 0; i < numIrqchips; i++) {
            r.require(IRQCHIP_SIZE, element("irqchips", i, "num_irqchips", numIrqchips));
            irqchips.add(new Irqchip(r.u64(), r.u32(), r.u32(), List.of(r.u32(), r.u32(), r.u32(), r.u32())));
        }
        List<PioRegion> pio = new ArrayList<>();
        RawBytes pioBitmap = RawBytes.EMPTY;
        if (pioIsBitmap()) {
            r.require(numPio, "pio_bitmap (pio_bitmap_size = " + numPio + ")");
            pioBitmap = r.raw((int) numPio);
        } else {
            for (long i = 0; i < numPio; i++) {
                r.require(PIO_SIZE, element("pio_regions", i, "num_pio_regions", numPio));
                pio.add(new PioRegion(r.u16(), r.u16()));
            }
        }
        List<PciDevice> pci = new ArrayList<>();
        for (long i = 0; i < numPci; i++) {
            r.require(PCI_DEVICE_SIZE, element("pci_devices", i, "num_pci_devices", numPci));
            pci.add(decodePciDevice(r));
        }
        List<PciCapability> caps = new ArrayList<>();
        for (long i = 0; i < numCaps; i++) {
            r.require(PCI_CAP_SIZE, element("pci_caps", i, "num_pci_caps", numCaps));
            caps.add(new PciCapability(r.u16(), r.u16(), r.u16(), r.u16()));
        }
        List<Integer> streamIds = new ArrayList<>();
        for (long i = 0; i < numStreamIds; i++) {
            r.require(STREAM_ID_SIZE, element("stream_ids", i, "num_stream_ids", numStreamIds));
            streamIds.add(r.u32());
        }
        List<Regmap> regmaps = new ArrayList<>();
        for (long i = 0; i < numRegmaps; i++) {
            r.require(Regmap.SIZE, element("regmaps", i, "num_regmaps", numRegmaps));
            long base = r.u64();
            int count = r.u32();
            int size = r.u8();
            int rflags = r.u32();
            List<Integer> bitmap = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                bitmap.add(r.u32());
            }
            regmaps.add(new Regmap(base, count, size, rflags, bitmap));
        }
        return new CellConfig(format(), embeddedHeader, name, id, flags, (int) cpuSetSize, cpus, mem, caches,
                irqchips, pio, pioBitmap, pci, caps, streamIds, regmaps, vpciIrqBase, reset, timeout, console);
    }

    private static String element(String array, long index, String countField, long count) {
        return array + "[" + index + "] (" + countField + " = " + count + ")";
    }

    private static String decodeName(LeReader r) {
        int offset = r.position();
        byte[] raw = r.bytes(CellConfig.NAME_BYTES);
        int nul = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                nul = i;
                break;
            }
        }
        if (nul < 0) {
            throw r.errorAt(offset, "cell name has no NUL terminator in its 32 bytes (at most 31 characters)");
        }
        for (int i = nul; i < raw.length; i++) {
            if (raw[i] != 0) {
                throw r.errorAt(offset + i, "cell name: byte after the NUL terminator is 0x"
                        + Integer.toHexString(raw[i] & 0xff) + ", expected zero padding");
            }
        }
        return new String(raw, 0, nul, StandardCharsets.ISO_8859_1);
    }

    private void encodeCellBody(LeWriter w, CellConfig c) {
        String where = "cell '" + c.name() + "'";
        byte[] name = c.name().getBytes(StandardCharsets.ISO_8859_1);
        if (name.length >= CellConfig.NAME_BYTES) {
            throw new ConfigFormatException(where + ": name is " + name.length
                    + " characters, at most 31 fit (32 bytes with the NUL)");
        }
        w.bytes(name).zeros(CellConfig.NAME_BYTES - name.length);
        byte[] cpuBytes = c.cpus().toByteArray();
        if (cpuBytes.length > c.cpuSetSize()) {
            throw new ConfigFormatException(where + ": CPU set " + CpuSet.format(c.cpus())
                    + " needs " + cpuBytes.length + " bytes, cpu_set_size is " + c.cpuSetSize());
        }
        if (!pioIsBitmap() && c.pioBitmap().length() > 0) {
            throw notInFormat(where, "pio_bitmap");
        }
        if (pioIsBitmap() && !c.pioRegions().isEmpty()) {
            throw notInFormat(where, "pio_regions");
        }
        if (!hasStreamIds() && !c.streamIds().isEmpty()) {
            throw notInFormat(where, "stream_ids");
        }
        if (!hasRegmaps() && !c.regmaps().isEmpty()) {
            throw notInFormat(where, "regmaps");
        }
        w.u32(c.id()).u32(c.flags()).u32(c.cpuSetSize()).u32(c.memoryRegions().size())
                .u32(c.cacheRegions().size()).u32(c.irqchips().size())
                .u32(pioIsBitmap() ? c.pioBitmap().length() : c.pioRegions().size())
                .u32(c.pciDevices().size()).u32(c.pciCaps().size());
        if (hasStreamIds()) {
            w.u32(c.streamIds().size());
        }
        if (hasRegmaps()) {
            w.u32(c.regmaps().size());
        }
        w.u32(c.vpciIrqBase()).u64(c.cpuResetAddress()).u64(c.msgReplyTimeout());
        encodeConsole(w, c.console());
        w.bytes(cpuBytes).zeros(c.cpuSetSize() - cpuBytes.length);
        for (MemoryRegion m : c.memoryRegions()) {
            encodeMemory(w, m);
        }
        for (CacheRegion k : c.cacheRegions()) {
            w.u32(k.start()).u32(k.size()).u8(k.type()).u8(k.padding()).u16(k.flags());
        }
        for (Irqchip i : c.irqchips()) {
            w.u64(i.address()).u32(i.id()).u32(i.pinBase());
            i.pinBitmap().forEach(w::u32);
        }
        if (pioIsBitmap()) {
            w.raw(c.pioBitmap());
        } else {
            for (PioRegion p : c.pioRegions()) {
                w.u16(p.base()).u16(p.length());
            }
        }
        for (int i = 0; i < c.pciDevices().size(); i++) {
            encodePciDevice(w, c.pciDevices().get(i), where + ": pci_devices[" + i + "]");
        }
        for (PciCapability p : c.pciCaps()) {
            w.u16(p.id()).u16(p.start()).u16(p.length()).u16(p.flags());
        }
        c.streamIds().forEach(w::u32);
        for (Regmap m : c.regmaps()) {
            w.u64(m.regBase()).u32(m.regCount()).u8(m.regSize()).u32(m.flags());
            m.regBitmap().forEach(w::u32);
        }
    }

    ConfigFormatException notInFormat(String where, String field) {
        return new ConfigFormatException(where + ": " + field + " cannot be written in the revision "
                + format().label() + " layout (" + format().release() + "); convert the configuration first");
    }

    // ---------------------------------------------------------------- elements

    static MemoryRegion decodeMemory(LeReader r) {
        return new MemoryRegion(r.u64(), r.u64(), r.u64(), r.u64());
    }

    static void encodeMemory(LeWriter w, MemoryRegion m) {
        w.u64(m.phys()).u64(m.virt()).u64(m.size()).u64(m.flags());
    }

    static Console decodeConsole(LeReader r) {
        return new Console(r.u64(), r.u32(), r.u16(), r.u16(), r.u32(), r.u32(), r.u64());
    }

    static void encodeConsole(LeWriter w, Console c) {
        w.u64(c.address()).u32(c.size()).u16(c.type()).u16(c.flags()).u32(c.divider()).u32(c.gateNr())
                .u64(c.clockReg());
    }

    /** The 28-byte upstream unit of revisions 12 and 14. */
    static IommuUnit decodeUpstreamIommu(LeReader r) {
        return new IommuUnit(r.u32(), r.u64(), r.u32(), r.u64(), r.u32(), 0);
    }

    static void encodeUpstreamIommu(LeWriter w, IommuUnit u, String where) {
        if (u.tiExtra() != 0) {
            throw new ConfigFormatException(where + ": TI alignment bytes 0x" + Long.toHexString(u.tiExtra())
                    + " have no place in the upstream IOMMU unit; convert the configuration first");
        }
        w.u32(u.type()).u64(u.base()).u32(u.size()).u64(u.unionWord()).u32(u.unionTail());
    }

    static List<IommuUnit> trimUnits(List<IommuUnit> units) {
        int n = units.size();
        while (n > 0 && units.get(n - 1).isEmpty()) {
            n--;
        }
        return List.copyOf(units.subList(0, n));
    }

    /** The modern PCI device of revisions 12 and 14: dev id and peers at 52/53, protocol at 54. */
    static PciDevice decodeModernPci(LeReader r) {
        int type = r.u8();
        int iommu = r.u8();
        int domain = r.u16();
        int bdf = r.u16();
        List<Integer> bars = List.of(r.u32(), r.u32(), r.u32(), r.u32(), r.u32(), r.u32());
        return new PciDevice(type, iommu, domain, bdf, bars, r.u16(), r.u16(), r.u8(), r.u8(), r.u16(), r.u16(),
                r.u64(), r.u32(), r.u8(), r.u8(), r.u16(), 0);
    }

    /** The v0.10/TI PCI device: protocol at 52, two padding bytes at 54. */
    static PciDevice decodeLegacyPci(LeReader r) {
        int type = r.u8();
        int iommu = r.u8();
        int domain = r.u16();
        int bdf = r.u16();
        List<Integer> bars = List.of(r.u32(), r.u32(), r.u32(), r.u32(), r.u32(), r.u32());
        int capsStart = r.u16();
        int numCaps = r.u16();
        int msi = r.u8();
        int msiFlags = r.u8();
        int msix = r.u16();
        int msixSize = r.u16();
        long msixAddress = r.u64();
        int shmemRegion = r.u32();
        int protocol = r.u16();
        int padding = r.u16();
        return new PciDevice(type, iommu, domain, bdf, bars, capsStart, numCaps, msi, msiFlags, msix, msixSize,
                msixAddress, shmemRegion, 0, 0, protocol, padding);
    }

    static void encodePciCommon(LeWriter w, PciDevice d) {
        w.u8(d.type()).u8(d.iommu()).u16(d.domain()).u16(d.bdf());
        d.barMask().forEach(w::u32);
        w.u16(d.capsStart()).u16(d.numCaps()).u8(d.numMsiVectors()).u8(d.msiFlags()).u16(d.numMsixVectors())
                .u16(d.msixRegionSize()).u64(d.msixAddress()).u32(d.shmemRegionsStart());
    }

    void encodeModernPci(LeWriter w, PciDevice d, String where) {
        if (d.legacyPadding() != 0) {
            throw notInFormat(where, "the v0.10 padding bytes (0x" + Integer.toHexString(d.legacyPadding()) + ")");
        }
        encodePciCommon(w, d);
        w.u8(d.shmemDevId()).u8(d.shmemPeers()).u16(d.shmemProtocol());
    }

    void encodeLegacyPci(LeWriter w, PciDevice d, String where) {
        if (d.shmemDevId() != 0 || d.shmemPeers() != 0) {
            throw notInFormat(where, "shmem_dev_id/shmem_peers");
        }
        encodePciCommon(w, d);
        w.u16(d.shmemProtocol()).u16(d.legacyPadding());
    }

    /** The arm part shared by revisions 10, 12 and TI: maintenance irq, GIC version, five GIC bases at 90. */
    static long[] decodeOldGic(LeReader r) {
        return new long[] {r.u8(), r.u8(), r.u64(), r.u64(), r.u64(), r.u64(), r.u64()};
    }

    static void encodeOldGic(LeWriter w, PlatformInfo p, String where) {
        if (p.armPadding() != 0) {
            throw new ConfigFormatException(where + ": arm padding 0x" + Integer.toHexString(p.armPadding())
                    + " exists only in revision 14");
        }
        w.u8(p.maintenanceIrq()).u8(p.gicVersion()).u64(p.gicdBase()).u64(p.giccBase()).u64(p.gichBase())
                .u64(p.gicvBase()).u64(p.gicrBase());
    }
}
