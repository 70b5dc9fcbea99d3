package dev.warden.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** Writes the YAML form read by {@link ConfigYaml}: one line per region, zero fields left out. */
final class ConfigYamlWriter {
    private final StringBuilder out = new StringBuilder();
    private final ConfigFormat format;

    private ConfigYamlWriter(ConfigFormat format) {
        this.format = format;
    }

    static String write(JailhouseConfig config) {
        ConfigYamlWriter w = new ConfigYamlWriter(config.format());
        if (config instanceof SystemConfig s) {
            w.system(s);
        } else {
            CellConfig c = (CellConfig) config;
            w.line("", "# Jailhouse cell configuration (format " + c.format().label() + ": " + c.format().release() + ")");
            w.line("", "kind: cell");
            w.line("", "format: " + c.format().label());
            if (c.architecture() != Architecture.ARM64) w.line("", "architecture: " + c.architecture().label());
            w.cell(c, "", false);
        }
        return w.out.toString();
    }

    private void system(SystemConfig s) {
        line("", "# Jailhouse system configuration (format " + s.format().label() + ": " + s.format().release() + ")");
        line("", "kind: system");
        line("", "format: " + s.format().label());
        if (s.architecture() != Architecture.ARM64) line("", "architecture: " + s.architecture().label());
        if (s.flags() != 0) {
            line("", "flags: " + flags(s.flags() & 0xffffffffL, ConfigNames.systemFlags()));
        }
        MemoryRegion hv = s.hypervisorMemory();
        List<String> hvParts = new ArrayList<>(List.of("phys: " + hex(hv.phys())));
        if (hv.virt() != 0) {
            hvParts.add("virt: " + hex(hv.virt()));
        }
        hvParts.add("size: " + hex(hv.size()));
        if (hv.flags() != 0) {
            hvParts.add("flags: " + flags(hv.flags(), ConfigNames.memoryFlags(format)));
        }
        line("", "hypervisor-memory: " + flow(hvParts));
        if (!s.debugConsole().isNone()) {
            line("", "debug-console: " + console(s.debugConsole()));
        }
        PlatformInfo p = s.platform();
        line("", "platform:");
        String in = "  ";
        if (p.pciMmconfigBase() != 0) {
            line(in, "pci-mmconfig-base: " + hex(p.pciMmconfigBase()));
        }
        if (p.pciMmconfigEndBus() != 0) {
            line(in, "pci-mmconfig-end-bus: " + p.pciMmconfigEndBus());
        }
        if (p.pciIsVirtual() > 1) {
            // not a boolean in the file (a damaged or hand-made one): keep the byte as it is
            line(in, "pci-is-virtual: " + p.pciIsVirtual());
        } else if (p.pciIsVirtual() != 0) {
            line(in, "pci-is-virtual: true");
        }
        if (p.pciDomain() != 0) {
            line(in, "pci-domain: " + p.pciDomain());
        }
        line(in, "gic-version: " + p.gicVersion());
        line(in, "maintenance-irq: " + p.maintenanceIrq());
        if (p.armPadding() != 0) {
            line(in, "arm-padding: " + hex(p.armPadding()));
        }
        String[] gicNames = {"gicd", "gicc", "gich", "gicv", "gicr"};
        long[] gics = {p.gicdBase(), p.giccBase(), p.gichBase(), p.gicvBase(), p.gicrBase()};
        for (int i = 0; i < gics.length; i++) {
            if (gics[i] != 0) {
                line(in, gicNames[i] + ": " + hex(gics[i]));
            }
        }
        if (!p.iommuUnits().isEmpty()) {
            line(in, "iommus:");
            for (IommuUnit u : p.iommuUnits()) {
                line(in + "  ", "- " + iommu(u));
            }
        }
        boolean defaultReserved = format == ConfigFormat.REV10
                ? p.reserved().equals(RawBytes.zeros(Rev10Layout.RESERVED_PLATFORM_BYTES)) : p.reserved().length() == 0;
        if (!defaultReserved) {
            line(in, "reserved: \"" + p.reserved().hex() + "\"");
        }
        line("", "root-cell:");
        cell(s.rootCell(), "  ", true);
    }

    private static String iommu(IommuUnit u) {
        if (u.isEmpty()) {
            return "{type: unused}";
        }
        List<String> parts = new ArrayList<>(List.of("type: " + IommuUnit.typeName(u.type()), "base: " + hex(u.base()),
                "size: " + hex(u.size() & 0xffffffffL)));
        boolean pvu = u.type() == IommuUnit.TYPE_PVU;
        if (u.unionWord() != 0) {
            parts.add((pvu ? "tlb-base: " : "union-word: ") + hex(u.unionWord()));
        }
        if (u.unionTail() != 0) {
            parts.add((pvu ? "tlb-size: " : "union-tail: ") + hex(u.unionTail() & 0xffffffffL));
        }
        if (u.tiExtra() != 0) {
            parts.add("ti-extra: " + hex(u.tiExtra()));
        }
        return flow(parts);
    }

    private void cell(CellConfig c, String in, boolean root) {
        line(in, "name: " + quote(c.name()));
        if (c.id() != 0) {
            line(in, "id: " + Integer.toUnsignedString(c.id()));
        }
        if (c.flags() != 0) {
            line(in, "flags: " + flags(c.flags() & 0xffffffffL, ConfigNames.cellFlags(format)));
        }
        line(in, "cpus: \"" + CpuSet.format(c.cpus()) + "\"");
        BitSet cpus = c.cpus();
        if (c.cpuSetSize() != Math.max(8, (cpus.length() + 63) / 64 * 8)) {
            line(in, "cpu-set-size: " + Integer.toUnsignedString(c.cpuSetSize()));
        }
        if (c.vpciIrqBase() != 0) {
            line(in, "vpci-irq-base: " + Integer.toUnsignedString(c.vpciIrqBase()));
        }
        if (c.cpuResetAddress() != 0) {
            line(in, "cpu-reset-address: " + hex(c.cpuResetAddress()));
        }
        if (c.msgReplyTimeout() != 0) {
            line(in, "msg-reply-timeout: " + Long.toUnsignedString(c.msgReplyTimeout()));
        }
        if (!c.console().isNone()) {
            line(in, "console: " + console(c.console()));
        }
        if (root && !c.embeddedHeader().isAllZero() || !root && c.embeddedHeader().length() > 0) {
            line(in, "embedded-header: \"" + c.embeddedHeader().hex() + "\"");
        }
        if (!c.memoryRegions().isEmpty()) {
            line(in, "memory:");
            List<MemoryRegion> mem = c.memoryRegions();
            for (int i = 0; i < mem.size(); i++) {
                int dev = format.legacyFlags() ? -1 : ShmemNet.match(mem, i);
                if (dev >= 0) {
                    line(in + "  ", "- {shmem-net: " + hex(mem.get(i).phys()) + ", dev-id: " + dev + "}");
                    i += 3;
                    continue;
                }
                line(in + "  ", "- " + memory(mem.get(i)));
            }
        }
        if (!c.cacheRegions().isEmpty()) {
            line(in, "cache:");
            for (CacheRegion k : c.cacheRegions()) {
                List<String> parts = new ArrayList<>(List.of("start: " + hex(k.start() & 0xffffffffL),
                        "size: " + hex(k.size() & 0xffffffffL), "type: " + k.type()));
                if (k.padding() != 0) {
                    parts.add("padding: " + k.padding());
                }
                if (k.flags() != 0) {
                    parts.add("flags: " + hex(k.flags()));
                }
                line(in + "  ", "- " + flow(parts));
            }
        }
        if (!c.irqchips().isEmpty()) {
            line(in, "irqchips:");
            for (Irqchip i : c.irqchips()) {
                List<String> parts = new ArrayList<>(List.of("address: " + hex(i.address())));
                if (i.id() != 0) {
                    parts.add("id: " + Integer.toUnsignedString(i.id()));
                }
                parts.add("pin-base: " + Integer.toUnsignedString(i.pinBase()));
                BitSet irqs = new BitSet();
                // the list form only where the reader takes it back: interrupt IDs up to CpuSet.MAX_INDEX
                if (i.pinBase() >= 0 && i.pinBase() <= CpuSet.MAX_INDEX + 1 - Irqchip.PINS) {
                    i.interrupts().forEach(irqs::set);
                    parts.add("interrupts: \"" + CpuSet.format(irqs) + "\"");
                } else {
                    parts.add("pin-bitmap: [" + String.join(", ", i.pinBitmap().stream()
                            .map(w -> hex(w & 0xffffffffL)).toList()) + "]");
                }
                line(in + "  ", "- " + flow(parts));
            }
        }
        if (!c.pioRegions().isEmpty()) {
            line(in, "pio:");
            for (PioRegion p : c.pioRegions()) {
                line(in + "  ", "- {base: " + hex(p.base()) + ", length: " + hex(p.length()) + "}");
            }
        }
        if (c.pioBitmap().length() > 0) {
            line(in, "pio-bitmap: \"" + c.pioBitmap().hex() + "\"");
        }
        if (!c.pciDevices().isEmpty()) {
            line(in, "pci-devices:");
            for (PciDevice d : c.pciDevices()) {
                pciDevice(d, in + "  ");
            }
        }
        if (!c.pciCaps().isEmpty()) {
            line(in, "pci-caps:");
            for (PciCapability k : c.pciCaps()) {
                List<String> parts = new ArrayList<>(List.of("id: " + hex(k.id()), "start: " + hex(k.start()),
                        "length: " + k.length()));
                if (k.flags() != 0) {
                    parts.add("flags: " + hex(k.flags()));
                }
                line(in + "  ", "- " + flow(parts));
            }
        }
        if (!c.streamIds().isEmpty()) {
            line(in, "stream-ids: [" + String.join(", ", c.streamIds().stream()
                    .map(v -> hex(v & 0xffffffffL)).toList()) + "]");
        }
        if (!c.regmaps().isEmpty()) {
            line(in, "regmaps:");
            for (Regmap m : c.regmaps()) {
                BitSet regs = new BitSet();
                m.registers().forEach(regs::set);
                line(in + "  ", "- {base: " + hex(m.regBase()) + ", count: " + Integer.toUnsignedString(m.regCount())
                        + ", size: " + m.regSize() + ", flags: " + flags(m.flags() & 0xffffffffL,
                        ConfigNames.memoryFlags(format)) + ", registers: \"" + CpuSet.format(regs) + "\"}");
            }
        }
    }

    private void pciDevice(PciDevice d, String in) {
        List<String> lines = new ArrayList<>();
        lines.add("type: " + ConfigNames.pciType(d.type()));
        lines.add("bdf: \"" + d.bdfText() + "\"");
        lines.add("domain: " + d.domain());
        if (d.iommu() != 0) {
            lines.add("iommu: " + d.iommu());
        }
        int last = 5;
        while (last >= 0 && d.barMask().get(last) == 0) {
            last--;
        }
        if (last >= 0) {
            lines.add("bar-mask: [" + String.join(", ", d.barMask().subList(0, last + 1).stream()
                    .map(v -> hex(v & 0xffffffffL)).toList()) + "]");
        }
        addIf(lines, "caps-start", d.capsStart());
        addIf(lines, "num-caps", d.numCaps());
        addIf(lines, "msi-vectors", d.numMsiVectors());
        addIf(lines, "msi-flags", d.msiFlags());
        addIf(lines, "msix-vectors", d.numMsixVectors());
        if (d.msixRegionSize() != 0) {
            lines.add("msix-region-size: " + hex(d.msixRegionSize()));
        }
        if (d.msixAddress() != 0) {
            lines.add("msix-address: " + hex(d.msixAddress()));
        }
        if (d.isIvshmem() || d.shmemRegionsStart() != 0) {
            lines.add("shmem-regions-start: " + Integer.toUnsignedString(d.shmemRegionsStart()));
        }
        if (d.isIvshmem() || d.shmemDevId() != 0 || d.shmemPeers() != 0) {
            if (!format.legacyFlags()) {
                lines.add("shmem-dev-id: " + d.shmemDevId());
                lines.add("shmem-peers: " + d.shmemPeers());
            }
        }
        if (d.isIvshmem() || d.shmemProtocol() != 0) {
            lines.add("shmem-protocol: " + ConfigNames.shmemProtocol(d.shmemProtocol(), format));
        }
        if (d.legacyPadding() != 0) {
            lines.add("padding: " + hex(d.legacyPadding()));
        }
        for (int i = 0; i < lines.size(); i++) {
            line(in, (i == 0 ? "- " : "  ") + lines.get(i));
        }
    }

    private static void addIf(List<String> lines, String key, int value) {
        if (value != 0) {
            lines.add(key + ": " + value);
        }
    }

    private String memory(MemoryRegion m) {
        List<String> parts = new ArrayList<>(List.of("phys: " + hex(m.phys())));
        if (m.virt() != m.phys()) {
            parts.add("virt: " + hex(m.virt()));
        }
        parts.add("size: " + hex(m.size()));
        if (m.flags() != 0) {
            parts.add("flags: " + flags(m.flags(), ConfigNames.memoryFlags(format)));
        }
        return flow(parts);
    }

    private String console(Console c) {
        List<String> parts = new ArrayList<>();
        parts.add("address: " + hex(c.address()));
        if (c.size() != 0) {
            parts.add("size: " + hex(c.size() & 0xffffffffL));
        }
        parts.add("type: " + ConfigNames.consoleType(c.type()));
        if (c.flags() != 0) {
            parts.add("flags: " + flags(c.flags(), ConfigNames.consoleFlags(format)));
        }
        if (c.divider() != 0) {
            parts.add("divider: " + hex(c.divider() & 0xffffffffL));
        }
        if (c.gateNr() != 0) {
            parts.add("gate-nr: " + Integer.toUnsignedString(c.gateNr()));
        }
        if (c.clockReg() != 0) {
            parts.add("clock-reg: " + hex(c.clockReg()));
        }
        return flow(parts);
    }

    private static String flags(long value, Map<String, Long> names) {
        return String.join(" | ", ConfigNames.flagNames(value, names));
    }

    private static String flow(List<String> parts) {
        return "{" + String.join(", ", parts) + "}";
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20 || ch > 0x7e) {
                sb.append(String.format("\\x%02x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }
}
