package dev.warden.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The hand-writable YAML form of a configuration: hex addresses, flag names, CPU lists, irqchip
 * interrupts by ID, the ivshmem-net region set as one {@code shmem-net} entry and TI regmaps by
 * register. Reading rejects unknown keys and bad values with the file and line.
 *
 * <pre>
 * kind: system                      # or: cell (then the cell keys below sit at the top level)
 * format: 14                        # 10, 12, ti-12 or 14 (default 14); flag values follow it
 * flags: VIRTUAL_DEBUG_CONSOLE
 * hypervisor-memory: {phys: 0x8dfc00000, size: 0x400000}
 * debug-console: {address: 0x2800000, size: 0x1000, type: 8250, flags: MMIO | REGDIST_4}
 * platform:
 *   pci-mmconfig-base: 0x76000000   # also pci-mmconfig-end-bus, pci-is-virtual, pci-domain
 *   gic-version: 3
 *   maintenance-irq: 25
 *   gicd: 0x1800000                 # also gicc, gich, gicv, gicr
 *   iommus:
 *     - {type: pvu, base: 0x30f80000, size: 0x1000, tlb-base: 0x36000000, tlb-size: 0x40000}
 * root-cell:
 *   name: "k3-am654-idk"
 *   flags: PASSIVE_COMMREG          # cell flags
 *   cpus: "0-3"
 *   vpci-irq-base: 138              # also id, cpu-set-size, cpu-reset-address, msg-reply-timeout
 *   console: {address: 0x40a00000, type: 8250, flags: MMIO | REGDIST_4, divider: 0x35}
 *   memory:
 *     - {phys: 0x8e0000000, virt: 0x0, size: 0x10000, flags: READ | WRITE | EXECUTE | LOADABLE}
 *     - {shmem-net: 0x8dfb00000, dev-id: 0}     # the four regions of JAILHOUSE_SHMEM_NET_REGIONS
 *   irqchips:
 *     - {address: 0x1800000, pin-base: 160, interrupts: "189-190"}
 *   pci-devices:
 *     - {type: ivshmem, bdf: "00:01.0", domain: 1, bar-mask: [0xffff0000], shmem-regions-start: 5,
 *        shmem-dev-id: 0, shmem-peers: 2, shmem-protocol: veth}
 *   stream-ids: [0x2, 0xf002]
 *   regmaps:                        # format ti-12 only
 *     - {base: 0x11c000, count: 256, size: 4, flags: READ | WRITE, registers: "126-127"}
 * </pre>
 * Also accepted: {@code cache}, {@code pio} (12/14) or {@code pio-bitmap} (10/ti-12, hex),
 * {@code pci-caps}, and the raw fields that keep odd files byte-exact ({@code embedded-header},
 * {@code pin-bitmap}, {@code padding}, {@code reserved}, {@code ti-extra}, {@code arm-padding}).
 */
public final class ConfigYaml {
    static final String[] TOP_SYSTEM = {"kind", "format", "architecture", "flags", "hypervisor-memory", "debug-console",
        "platform", "root-cell"};
    static final String[] CELL_KEYS = {"name", "id", "flags", "cpus", "cpu-set-size", "vpci-irq-base",
        "cpu-reset-address", "msg-reply-timeout", "console", "memory", "cache", "irqchips", "pio", "pio-bitmap",
        "pci-devices", "pci-caps", "stream-ids", "regmaps", "embedded-header"};

    private ConfigYaml() {
    }

    public static JailhouseConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    public static void write(JailhouseConfig config, Path file) {
        try {
            Files.writeString(file, write(config), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigFormatException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    // ================================================================ reading

    public static JailhouseConfig parse(String text, String sourceName) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigFormatException(sourceName + ": line " + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigFormatException(sourceName + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ConfigFormatException(sourceName + ": line 1: empty file, expected 'kind: system' or "
                    + "'kind: cell' and the configuration");
        }
        YamlNode top = new YamlNode(root, sourceName, "").requireMapping();
        String kind = top.get("kind").text();
        ConfigFormat format = ConfigFormat.REV14;
        if (top.has("format")) {
            YamlNode f = top.get("format");
            try {
                format = ConfigFormat.parse(f.text());
            } catch (IllegalArgumentException e) {
                throw f.error(e.getMessage());
            }
        }
        Architecture arch = Architecture.ARM64;
        if (top.has("architecture")) {
            YamlNode a = top.get("architecture");
            arch = Architecture.parse(a.text()).orElseThrow(() -> a.error("architecture is '" + a.text()
                    + "', expected x86, arm or arm64"));
            if (format != ConfigFormat.REV14 && arch != Architecture.ARM64) {
                throw a.error("format " + format.label() + " has no architecture byte: only arm64 configurations have it");
            }
        }
        if (kind.equals("system")) {
            top.allow(TOP_SYSTEM);
            SystemConfig s = readSystem(top, format);
            return new SystemConfig(s.format(), s.flags(), s.hypervisorMemory(), s.debugConsole(), s.platform(),
                    s.rootCell().withArchitecture(arch), arch);
        }
        if (kind.equals("cell")) {
            List<String> keys = new ArrayList<>(List.of("kind", "format"));
            keys.addAll(List.of(CELL_KEYS));
            keys.add("architecture");
            top.allow(keys.toArray(String[]::new));
            return readCell(top, format, false).withArchitecture(arch);
        }
        throw top.get("kind").error("kind is '" + kind + "', expected 'system' (root cell) or 'cell'");
    }

    private static SystemConfig readSystem(YamlNode top, ConfigFormat format) {
        int flags = top.has("flags") ? (int) top.get("flags").flags(ConfigNames.systemFlags()) : 0;
        YamlNode hv = top.get("hypervisor-memory").requireMapping();
        hv.allow("phys", "virt", "size", "flags");
        MemoryRegion hypervisor = new MemoryRegion(hv.get("phys").number(), num(hv, "virt", 0), hv.get("size").number(),
                hv.has("flags") ? hv.get("flags").flags(ConfigNames.memoryFlags(format)) : 0);
        Console debug = top.has("debug-console") ? readConsole(top.get("debug-console"), format) : Console.NONE;
        PlatformInfo platform = readPlatform(top.get("platform"), format);
        CellConfig root = readCell(top.get("root-cell").requireMapping(), format, true);
        return new SystemConfig(format, flags, hypervisor, debug, platform, root);
    }

    private static PlatformInfo readPlatform(YamlNode p, ConfigFormat format) {
        p.requireMapping();
        p.allow("pci-mmconfig-base", "pci-mmconfig-end-bus", "pci-is-virtual", "pci-domain", "iommus",
                "maintenance-irq", "gic-version", "arm-padding", "gicd", "gicc", "gich", "gicv", "gicr", "reserved");
        List<IommuUnit> units = new ArrayList<>();
        if (p.has("iommus")) {
            for (YamlNode u : p.get("iommus").items()) {
                units.add(readIommu(u));
            }
            if (units.size() > PlatformInfo.MAX_IOMMU_UNITS) {
                throw p.get("iommus").error(units.size() + " IOMMU units, at most 8 fit");
            }
        }
        RawBytes reserved = format == ConfigFormat.REV10 ? RawBytes.zeros(Rev10Layout.RESERVED_PLATFORM_BYTES)
                : RawBytes.EMPTY;
        if (p.has("reserved")) {
            reserved = hex(p.get("reserved"));
        }
        return new PlatformInfo(num(p, "pci-mmconfig-base", 0), (int) u(p, "pci-mmconfig-end-bus", 8),
                p.has("pci-is-virtual") ? pciIsVirtual(p.get("pci-is-virtual")) : 0, (int) u(p, "pci-domain", 16),
                units, (int) u(p, "maintenance-irq", 8), p.get("gic-version").u8(), (int) u(p, "arm-padding", 16),
                num(p, "gicd", 0), num(p, "gicc", 0), num(p, "gich", 0), num(p, "gicv", 0), num(p, "gicr", 0),
                reserved);
    }

    /** true, false, or the byte itself (0..255) where a file holds something else. */
    private static int pciIsVirtual(YamlNode v) {
        String t = v.text().trim();
        return t.equals("true") || t.equals("false") ? (v.bool() ? 1 : 0) : v.u8();
    }

    private static IommuUnit readIommu(YamlNode u) {
        u.requireMapping();
        u.allow("type", "base", "size", "tlb-base", "tlb-size", "union-word", "union-tail", "ti-extra");
        YamlNode typeNode = u.get("type");
        int type;
        try {
            type = ConfigNames.iommuTypeValue(typeNode.text());
        } catch (IllegalArgumentException e) {
            throw typeNode.error(e.getMessage());
        }
        // an unused slot may still carry bytes (a damaged or hand-made file): keep what the YAML gives
        boolean unused = type == IommuUnit.TYPE_UNUSED;
        long base = unused ? num(u, "base", 0) : u.get("base").number();
        int size = unused ? (int) u(u, "size", 32) : u.get("size").u32();
        long word = u.has("tlb-base") ? u.get("tlb-base").number() : num(u, "union-word", 0);
        int tail = (int) (u.has("tlb-size") ? u.get("tlb-size").unsigned(32) : u(u, "union-tail", 32));
        return new IommuUnit(type, base, size, word, tail, num(u, "ti-extra", 0));
    }

    private static CellConfig readCell(YamlNode c, ConfigFormat format, boolean root) {
        c.allow(withFormatKeys(c, root));
        String name = c.get("name").text();
        int flags = c.has("flags") ? (int) c.get("flags").flags(ConfigNames.cellFlags(format)) : 0;
        BitSet cpus;
        YamlNode cpuNode = c.get("cpus");
        try {
            cpus = CpuSet.parse(cpuNode.text());
        } catch (IllegalArgumentException e) {
            throw cpuNode.error(e.getMessage());
        }
        int cpuSetSize = c.has("cpu-set-size") ? c.get("cpu-set-size").u32() : Math.max(8, (cpus.length() + 63) / 64 * 8);
        if (cpus.toByteArray().length > cpuSetSize) {
            throw cpuNode.error("CPU set needs more than cpu-set-size " + cpuSetSize + " bytes");
        }
        Map<String, Long> memFlags = ConfigNames.memoryFlags(format);
        List<MemoryRegion> mem = new ArrayList<>();
        if (c.has("memory")) {
            for (YamlNode m : c.get("memory").items()) {
                readMemory(m, memFlags, mem, format);
            }
        }
        List<CacheRegion> caches = new ArrayList<>();
        if (c.has("cache")) {
            for (YamlNode k : c.get("cache").items()) {
                k.requireMapping().allow("start", "size", "type", "padding", "flags");
                caches.add(new CacheRegion(k.get("start").u32(), k.get("size").u32(), k.get("type").u8(),
                        (int) u(k, "padding", 8), (int) u(k, "flags", 16)));
            }
        }
        List<Irqchip> irqchips = new ArrayList<>();
        if (c.has("irqchips")) {
            for (YamlNode i : c.get("irqchips").items()) {
                irqchips.add(readIrqchip(i));
            }
        }
        List<PioRegion> pio = new ArrayList<>();
        if (c.has("pio")) {
            for (YamlNode p : c.get("pio").items()) {
                p.requireMapping().allow("base", "length");
                pio.add(new PioRegion(p.get("base").u16(), p.get("length").u16()));
            }
        }
        RawBytes pioBitmap = c.has("pio-bitmap") ? hex(c.get("pio-bitmap")) : RawBytes.EMPTY;
        List<PciDevice> pci = new ArrayList<>();
        if (c.has("pci-devices")) {
            for (YamlNode d : c.get("pci-devices").items()) {
                pci.add(readPciDevice(d, format));
            }
        }
        List<PciCapability> caps = new ArrayList<>();
        if (c.has("pci-caps")) {
            for (YamlNode k : c.get("pci-caps").items()) {
                k.requireMapping().allow("id", "start", "length", "flags");
                caps.add(new PciCapability(k.get("id").u16(), k.get("start").u16(), k.get("length").u16(),
                        (int) u(k, "flags", 16)));
            }
        }
        List<Integer> streamIds = new ArrayList<>();
        if (c.has("stream-ids")) {
            for (YamlNode s : c.get("stream-ids").items()) {
                streamIds.add(s.u32());
            }
        }
        List<Regmap> regmaps = new ArrayList<>();
        if (c.has("regmaps")) {
            for (YamlNode m : c.get("regmaps").items()) {
                regmaps.add(readRegmap(m, memFlags));
            }
        }
        RawBytes header = root ? RawBytes.zeros(ConfigLayout.HEADER_BYTES) : RawBytes.EMPTY;
        if (c.has("embedded-header")) {
            YamlNode h = c.get("embedded-header");
            header = hex(h);
            if (header.length() != ConfigLayout.HEADER_BYTES) {
                throw h.error("embedded-header is 8 bytes (16 hex digits), not " + header.length());
            }
        }
        Console console = c.has("console") ? readConsole(c.get("console"), format) : Console.NONE;
        CellConfig cell = new CellConfig(format, header, name, (int) u(c, "id", 32), flags, cpuSetSize, cpus, mem,
                caches, irqchips, pio, pioBitmap, pci, caps, streamIds, regmaps, (int) u(c, "vpci-irq-base", 32),
                num(c, "cpu-reset-address", 0), num(c, "msg-reply-timeout", 0), console);
        checkFitsFormat(c, cell, format);
        return cell;
    }

    private static String[] withFormatKeys(YamlNode c, boolean root) {
        if (root) {
            return CELL_KEYS;
        }
        List<String> keys = new ArrayList<>(List.of("kind", "format"));
        keys.addAll(List.of(CELL_KEYS));
        keys.add("architecture");
        return keys.toArray(String[]::new);
    }

    private static void checkFitsFormat(YamlNode c, CellConfig cell, ConfigFormat format) {
        if (cell.name().getBytes(StandardCharsets.ISO_8859_1).length > 31) {
            throw c.get("name").error("name '" + cell.name() + "' is longer than 31 characters");
        }
        if (format.legacyFlags() && !cell.pioRegions().isEmpty()) {
            throw c.get("pio").error("format " + format.label() + " has a pio-bitmap, not pio ranges");
        }
        if (!format.legacyFlags() && cell.pioBitmap().length() > 0) {
            throw c.get("pio-bitmap").error("format " + format.label() + " lists pio ranges, not a pio-bitmap");
        }
        if (format == ConfigFormat.REV10 && !cell.streamIds().isEmpty()) {
            throw c.get("stream-ids").error("format 10 has no stream ids");
        }
        if (format != ConfigFormat.TI12 && !cell.regmaps().isEmpty()) {
            throw c.get("regmaps").error("regmaps exist only in format ti-12");
        }
    }

    private static void readMemory(YamlNode m, Map<String, Long> memFlags, List<MemoryRegion> out, ConfigFormat f) {
        m.requireMapping();
        if (m.has("shmem-net")) {
            m.allow("shmem-net", "dev-id");
            long start = m.get("shmem-net").number();
            YamlNode devNode = m.get("dev-id");
            int dev = devNode.u8();
            if (dev > 1) {
                throw devNode.error("dev-id of a shmem-net link is 0 or 1, not " + dev);
            }
            out.addAll(ShmemNet.regions(start, dev));
            return;
        }
        m.allow("phys", "virt", "size", "flags");
        long phys = m.get("phys").number();
        long virt = m.has("virt") ? m.get("virt").number() : phys;
        long flags = m.has("flags") ? m.get("flags").flags(memFlags) : 0;
        out.add(new MemoryRegion(phys, virt, m.get("size").number(), flags));
    }

    private static Irqchip readIrqchip(YamlNode i) {
        i.requireMapping().allow("address", "id", "pin-base", "interrupts", "pin-bitmap");
        long address = i.get("address").number();
        int id = (int) u(i, "id", 32);
        int pinBase = i.get("pin-base").u32();
        if (i.has("pin-bitmap")) {
            List<Integer> words = new ArrayList<>();
            YamlNode b = i.get("pin-bitmap");
            for (YamlNode w : b.items()) {
                words.add(w.u32());
            }
            if (words.size() != 4) {
                throw b.error("pin-bitmap has 4 words, not " + words.size());
            }
            return new Irqchip(address, id, pinBase, words);
        }
        YamlNode irqs = i.get("interrupts");
        try {
            return Irqchip.of(address, id, pinBase, CpuSet.parse(irqs.text()).stream().boxed().toList());
        } catch (IllegalArgumentException e) {
            throw irqs.error(e.getMessage());
        }
    }

    private static PciDevice readPciDevice(YamlNode d, ConfigFormat format) {
        d.requireMapping().allow("type", "iommu", "domain", "bdf", "bar-mask", "caps-start", "num-caps",
                "msi-vectors", "msi-flags", "msix-vectors", "msix-region-size", "msix-address",
                "shmem-regions-start", "shmem-dev-id", "shmem-peers", "shmem-protocol", "padding");
        YamlNode typeNode = d.get("type");
        int type;
        try {
            type = ConfigNames.pciTypeValue(typeNode.text());
        } catch (IllegalArgumentException e) {
            throw typeNode.error(e.getMessage());
        }
        YamlNode bdfNode = d.get("bdf");
        int bdf = parseBdf(bdfNode);
        List<Integer> bars = new ArrayList<>();
        if (d.has("bar-mask")) {
            YamlNode b = d.get("bar-mask");
            for (YamlNode w : b.items()) {
                bars.add(w.u32());
            }
            if (bars.size() > 6) {
                throw b.error("bar-mask has at most 6 words, not " + bars.size());
            }
        }
        while (bars.size() < 6) {
            bars.add(0);
        }
        int protocol = 0;
        if (d.has("shmem-protocol")) {
            YamlNode p = d.get("shmem-protocol");
            try {
                protocol = ConfigNames.shmemProtocolValue(p.text(), format);
            } catch (IllegalArgumentException e) {
                throw p.error(e.getMessage());
            }
        }
        PciDevice dev = new PciDevice(type, (int) u(d, "iommu", 8), (int) u(d, "domain", 16), bdf, bars,
                (int) u(d, "caps-start", 16), (int) u(d, "num-caps", 16), (int) u(d, "msi-vectors", 8),
                (int) u(d, "msi-flags", 8), (int) u(d, "msix-vectors", 16), (int) u(d, "msix-region-size", 16),
                num(d, "msix-address", 0), (int) u(d, "shmem-regions-start", 32), (int) u(d, "shmem-dev-id", 8),
                (int) u(d, "shmem-peers", 8), protocol, (int) u(d, "padding", 16));
        if (format.legacyFlags() && (dev.shmemDevId() != 0 || dev.shmemPeers() != 0)) {
            throw d.error("shmem-dev-id and shmem-peers do not exist in format " + format.label());
        }
        if (!format.legacyFlags() && dev.legacyPadding() != 0) {
            throw d.get("padding").error("padding exists only in formats 10 and ti-12");
        }
        return dev;
    }

    static int parseBdf(YamlNode n) {
        String t = n.text().trim();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])").matcher(t);
        if (!m.matches()) {
            throw n.error("bdf '" + t + "' is not bus:device.function like 00:01.0");
        }
        int bus = Integer.parseInt(m.group(1), 16);
        int dev = Integer.parseInt(m.group(2), 16);
        if (dev > 0x1f) {
            throw n.error("device number 0x" + Integer.toHexString(dev) + " is above 0x1f");
        }
        return bus << 8 | dev << 3 | Integer.parseInt(m.group(3));
    }

    private static Regmap readRegmap(YamlNode m, Map<String, Long> memFlags) {
        m.requireMapping().allow("base", "count", "size", "flags", "registers");
        YamlNode regs = m.get("registers");
        try {
            return Regmap.of(m.get("base").number(), m.get("count").u32(), m.get("size").u8(),
                    (int) m.get("flags").flags(memFlags), CpuSet.parse(regs.text()).stream().boxed().toList());
        } catch (IllegalArgumentException e) {
            throw regs.error(e.getMessage());
        }
    }

    private static Console readConsole(YamlNode c, ConfigFormat format) {
        c.requireMapping().allow("address", "size", "type", "flags", "divider", "gate-nr", "clock-reg");
        int type = 0;
        if (c.has("type")) {
            YamlNode t = c.get("type");
            try {
                type = ConfigNames.consoleTypeValue(t.text());
            } catch (IllegalArgumentException e) {
                throw t.error(e.getMessage());
            }
        }
        int flags = c.has("flags") ? (int) c.get("flags").flags(ConfigNames.consoleFlags(format)) : 0;
        return new Console(num(c, "address", 0), (int) u(c, "size", 32), type, flags, (int) u(c, "divider", 32),
                (int) u(c, "gate-nr", 32), num(c, "clock-reg", 0));
    }

    private static long num(YamlNode m, String key, long dflt) {
        return m.has(key) ? m.get(key).number() : dflt;
    }

    private static long u(YamlNode m, String key, int bits) {
        return m.has(key) ? m.get(key).unsigned(bits) : 0;
    }

    private static RawBytes hex(YamlNode n) {
        String t = n.text().replaceAll("\\s", "");
        try {
            return RawBytes.fromHex(t);
        } catch (IllegalArgumentException e) {
            throw n.error("expected hex bytes (an even number of hex digits)");
        }
    }

    // ================================================================ writing

    /** The YAML text of a configuration; {@link #parse} of it gives back an equal configuration. */
    public static String write(JailhouseConfig config) {
        return ConfigYamlWriter.write(config);
    }
}
