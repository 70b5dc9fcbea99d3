package dev.warden.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves a configuration between layouts: every field that exists in both is carried (with its
 * value renumbered where the meaning moved, e.g. MEM_IO_UNALIGNED 0x100 to 0x8000), and every
 * value that cannot be carried is dropped and named in {@link Conversion#dropped()}.
 */
public final class ConfigConverter {
    private final ConfigFormat from;
    private final ConfigFormat to;
    private final List<String> dropped = new ArrayList<>();

    /** The converted configuration and one line per value that the target cannot hold. */
    public record Conversion(JailhouseConfig config, List<String> dropped) {
        public Conversion {
            dropped = List.copyOf(dropped);
        }
    }

    private ConfigConverter(ConfigFormat from, ConfigFormat to) {
        this.from = from;
        this.to = to;
    }

    public static Conversion convert(JailhouseConfig config, ConfigFormat target) {
        ConfigConverter c = new ConfigConverter(config.format(), target);
        JailhouseConfig out = config instanceof SystemConfig s ? c.system(s) : c.cell((CellConfig) config, "");
        Architecture arch = config instanceof SystemConfig s ? s.architecture() : ((CellConfig) config).architecture();
        if (target == ConfigFormat.REV14) {
            out = out instanceof SystemConfig s ? new SystemConfig(s.format(), s.flags(), s.hypervisorMemory(),
                    s.debugConsole(), s.platform(), s.rootCell().withArchitecture(arch), arch)
                    : ((CellConfig) out).withArchitecture(arch);
        } else if (arch != Architecture.ARM64) {
            c.drop("architecture " + arch.label() + ": revision " + target.label()
                    + " files have no architecture byte (they are arm64 by build)");
        }
        return new Conversion(out, c.dropped);
    }

    /** Converts to revision 14, the values the checker and the hypervisor model work with. */
    public static JailhouseConfig toRevision14(JailhouseConfig config) {
        return config.format() == ConfigFormat.REV14 ? config : convert(config, ConfigFormat.REV14).config();
    }

    private SystemConfig system(SystemConfig s) {
        PlatformInfo p = s.platform();
        List<IommuUnit> units = new ArrayList<>();
        for (int i = 0; i < p.iommuUnits().size(); i++) {
            IommuUnit u = p.iommuUnits().get(i);
            String where = "platform.iommu_units[" + i + "]";
            if (u.isEmpty()) {
                units.add(u);
            } else if (to == ConfigFormat.REV10) {
                drop(where + " (" + IommuUnit.typeName(u.type()) + " at 0x" + Long.toHexString(u.base())
                        + "): revision 10 has no arm IOMMU units");
            } else if (to == ConfigFormat.TI12 && u.type() > IommuUnit.TYPE_PVU) {
                drop(where + " (" + IommuUnit.typeName(u.type()) + "): TI's fork has no code for this IOMMU type");
                units.add(IommuUnit.EMPTY);
            } else if (to != ConfigFormat.REV14 && u.type() == IommuUnit.TYPE_ARM_MMU500) {
                drop(where + " (arm-mmu500): revision " + to.label() + " has no ARM MMU-500 support");
                units.add(IommuUnit.EMPTY);
            } else if (to != ConfigFormat.TI12 && u.tiExtra() != 0) {
                drop(where + ": TI alignment bytes 0x" + Long.toHexString(u.tiExtra()) + " have no place upstream");
                units.add(new IommuUnit(u.type(), u.base(), u.size(), u.unionWord(), u.unionTail(), 0));
            } else {
                units.add(u);
            }
        }
        int armPadding = p.armPadding();
        if (to != ConfigFormat.REV14 && armPadding != 0) {
            drop("platform.arm.padding (0x" + Integer.toHexString(armPadding) + "): only revision 14 has it");
            armPadding = 0;
        }
        RawBytes reserved = p.reserved();
        if (to == ConfigFormat.REV10) {
            reserved = reserved.length() == 0 ? RawBytes.zeros(Rev10Layout.RESERVED_PLATFORM_BYTES) : reserved;
        } else {
            if (!reserved.isAllZero()) {
                drop("platform reserved bytes of the revision-10 arch union (" + reserved.hex() + ")");
            }
            reserved = RawBytes.EMPTY;
        }
        PlatformInfo platform = new PlatformInfo(p.pciMmconfigBase(), p.pciMmconfigEndBus(), p.pciIsVirtual(),
                p.pciDomain(), ConfigLayout.trimUnits(units), p.maintenanceIrq(), p.gicVersion(), armPadding,
                p.gicdBase(), p.giccBase(), p.gichBase(), p.gicvBase(), p.gicrBase(), reserved);
        return new SystemConfig(to, s.flags(), memory(s.hypervisorMemory(), "hypervisor_memory"),
                console(s.debugConsole(), "debug_console"), platform, cell(s.rootCell(), "root cell "));
    }

    private CellConfig cell(CellConfig c, String prefix) {
        String where = prefix + "'" + c.name() + "'";
        int flags = c.flags();
        if (to != ConfigFormat.REV14 && (flags & CellConfig.AARCH32) != 0) {
            drop(where + ": flag AARCH32 exists only in revision 14");
            flags &= ~CellConfig.AARCH32;
        }
        List<MemoryRegion> mem = new ArrayList<>();
        for (int i = 0; i < c.memoryRegions().size(); i++) {
            mem.add(memory(c.memoryRegions().get(i), where + " mem_regions[" + i + "]"));
        }
        List<PioRegion> pio = new ArrayList<>(c.pioRegions());
        RawBytes pioBitmap = c.pioBitmap();
        if (to.legacyFlags() && !from.legacyFlags()) {
            for (PioRegion p : pio) {
                drop(where + " pio region 0x" + Integer.toHexString(p.base()) + "+" + p.length()
                        + ": revision " + to.label() + " has a PIO bitmap, not ranges");
            }
            pio.clear();
        } else if (!to.legacyFlags() && from.legacyFlags()) {
            if (pioBitmap.length() > 0) {
                drop(where + " pio_bitmap (" + pioBitmap.length() + " bytes): revision " + to.label()
                        + " lists PIO ranges instead");
            }
            pioBitmap = RawBytes.EMPTY;
        }
        List<Integer> streamIds = c.streamIds();
        if (to == ConfigFormat.REV10 && !streamIds.isEmpty()) {
            drop(where + " stream_ids " + hexList(streamIds) + ": revision 10 has no stream ids");
            streamIds = List.of();
        }
        List<Regmap> regmaps = c.regmaps();
        if (to != ConfigFormat.TI12) {
            for (Regmap m : regmaps) {
                drop(where + " regmap 0x" + Long.toHexString(m.regBase()) + " (" + m.regCount() + " x "
                        + m.regSize() + " bytes, registers " + CpuSet.format(toBits(m)) + "): regmaps exist only "
                        + "in TI's fork");
            }
            regmaps = List.of();
        }
        List<PciDevice> pci = new ArrayList<>();
        for (PciDevice d : c.pciDevices()) {
            pci.add(pciDevice(d, where + " pci device " + d.bdfText()));
        }
        RawBytes header = c.embeddedHeader();
        return new CellConfig(to, header, c.name(), c.id(), flags, c.cpuSetSize(), c.cpus(), mem, c.cacheRegions(),
                c.irqchips(), pio, pioBitmap, pci, c.pciCaps(), streamIds, regmaps, c.vpciIrqBase(),
                c.cpuResetAddress(), c.msgReplyTimeout(), console(c.console(), where + " console"));
    }

    private static java.util.BitSet toBits(Regmap m) {
        java.util.BitSet b = new java.util.BitSet();
        m.registers().forEach(b::set);
        return b;
    }

    private MemoryRegion memory(MemoryRegion m, String where) {
        long flags = m.flags();
        if (from.legacyFlags() && !to.legacyFlags()) {
            if ((flags & MemoryRegion.LEGACY_IO_UNALIGNED) != 0) {
                flags = flags & ~MemoryRegion.LEGACY_IO_UNALIGNED | MemoryRegion.IO_UNALIGNED;
            }
        } else if (!from.legacyFlags() && to.legacyFlags()) {
            if ((flags & MemoryRegion.NO_HUGEPAGES) != 0) {
                drop(where + ": flag NO_HUGEPAGES does not exist in revision " + to.label());
                flags &= ~MemoryRegion.NO_HUGEPAGES;
            }
            if ((flags & MemoryRegion.IO_UNALIGNED) != 0) {
                flags = flags & ~MemoryRegion.IO_UNALIGNED | MemoryRegion.LEGACY_IO_UNALIGNED;
            }
        }
        return flags == m.flags() ? m : new MemoryRegion(m.phys(), m.virt(), m.size(), flags);
    }

    private Console console(Console c, String where) {
        int type = c.type();
        int flags = c.flags();
        if (to != ConfigFormat.REV14 && (type == Console.TYPE_IMX_LPUART || type == Console.TYPE_SCIF)) {
            drop(where + ": console type " + ConfigNames.consoleType(type) + " exists only in revision 14");
            type = Console.TYPE_NONE;
        }
        if (to == ConfigFormat.REV10 && (flags & Console.FLAG_MDR_QUIRK) != 0) {
            drop(where + ": console flag MDR_QUIRK does not exist in revision 10");
            flags &= ~Console.FLAG_MDR_QUIRK;
        }
        if (type == c.type() && flags == c.flags()) {
            return c;
        }
        return new Console(c.address(), c.size(), type, flags, c.divider(), c.gateNr(), c.clockReg());
    }

    private PciDevice pciDevice(PciDevice d, String where) {
        int protocol = d.shmemProtocol();
        int devId = d.shmemDevId();
        int peers = d.shmemPeers();
        int padding = d.legacyPadding();
        boolean legacyIn = from.legacyFlags();
        boolean legacyOut = to.legacyFlags();
        if (legacyIn && !legacyOut) {
            if (padding != 0) {
                drop(where + ": padding bytes 0x" + Integer.toHexString(padding) + " have no place in revision "
                        + to.label());
                padding = 0;
            }
            if (protocol == 0x0100) {
                protocol = 0x0001;
            } else if (protocol >= 0x8000) {
                drop(where + ": v0.10 custom protocol 0x" + Integer.toHexString(protocol)
                        + " renumbered into the revision-12 CUSTOM range as 0x"
                        + Integer.toHexString(0x4000 | protocol & 0x3fff));
                protocol = 0x4000 | protocol & 0x3fff;
            }
            if (d.isIvshmem()) {
                peers = 2;
                drop(where + ": v0.10 ivshmem links one shared region between two peers; revision " + to.label()
                        + " expects state, read/write and one output region per peer from shmem_regions_start: "
                        + "shmem_peers set to 2, shmem_dev_id to 0, review the region set");
            }
        } else if (!legacyIn && legacyOut) {
            if (devId != 0 || peers != 0) {
                drop(where + ": shmem_dev_id " + devId + " and shmem_peers " + peers + " do not exist in revision "
                        + to.label());
                devId = 0;
                peers = 0;
            }
            if (protocol == 0x0001) {
                protocol = 0x0100;
            } else if (protocol >= 0x4000 && protocol < 0x8000) {
                protocol = 0x8000 | protocol & 0x3fff;
            } else if (protocol >= 0x8000) {
                drop(where + ": virtio shared-memory protocol 0x" + Integer.toHexString(protocol)
                        + " does not exist in revision " + to.label());
                protocol = 0;
            }
        }
        return new PciDevice(d.type(), d.iommu(), d.domain(), d.bdf(), d.barMask(), d.capsStart(), d.numCaps(),
                d.numMsiVectors(), d.msiFlags(), d.numMsixVectors(), d.msixRegionSize(), d.msixAddress(),
                d.shmemRegionsStart(), devId, peers, protocol, padding);
    }

    private void drop(String what) {
        dropped.add(what);
    }

    private static String hexList(List<Integer> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int v : values) {
            sb.append(sb.length() > 1 ? ", " : "").append("0x").append(Integer.toHexString(v));
        }
        return sb.append(']').toString();
    }
}
