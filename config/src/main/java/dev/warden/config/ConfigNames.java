package dev.warden.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names of flag bits and codes as the Jailhouse headers spell them (without the
 * {@code JAILHOUSE_MEM_} style prefixes), per format where the values moved between revisions.
 */
public final class ConfigNames {
    private ConfigNames() {
    }

    /** Memory-region flag names in ascending bit order, for the given format. */
    public static Map<String, Long> memoryFlags(ConfigFormat format) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("READ", MemoryRegion.READ);
        m.put("WRITE", MemoryRegion.WRITE);
        m.put("EXECUTE", MemoryRegion.EXECUTE);
        m.put("DMA", MemoryRegion.DMA);
        m.put("IO", MemoryRegion.IO);
        m.put("COMM_REGION", MemoryRegion.COMM_REGION);
        m.put("LOADABLE", MemoryRegion.LOADABLE);
        m.put("ROOTSHARED", MemoryRegion.ROOTSHARED);
        if (format.legacyFlags()) {
            m.put("IO_UNALIGNED", MemoryRegion.LEGACY_IO_UNALIGNED);
        } else {
            m.put("NO_HUGEPAGES", MemoryRegion.NO_HUGEPAGES);
            m.put("IO_UNALIGNED", MemoryRegion.IO_UNALIGNED);
        }
        m.put("IO_8", MemoryRegion.IO_8);
        m.put("IO_16", MemoryRegion.IO_16);
        m.put("IO_32", MemoryRegion.IO_32);
        m.put("IO_64", MemoryRegion.IO_64);
        return m;
    }

    public static Map<String, Long> cellFlags(ConfigFormat format) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("PASSIVE_COMMREG", (long) CellConfig.PASSIVE_COMMREG);
        m.put("TEST_DEVICE", (long) CellConfig.TEST_DEVICE);
        if (format == ConfigFormat.REV14) {
            m.put("AARCH32", (long) CellConfig.AARCH32);
        }
        m.put("VIRTUAL_CONSOLE_PERMITTED", (long) CellConfig.VIRTUAL_CONSOLE_PERMITTED & 0xffffffffL);
        m.put("VIRTUAL_CONSOLE_ACTIVE", (long) CellConfig.VIRTUAL_CONSOLE_ACTIVE & 0xffffffffL);
        return m;
    }

    public static Map<String, Long> systemFlags() {
        return Map.of("VIRTUAL_DEBUG_CONSOLE", (long) SystemConfig.VIRTUAL_DEBUG_CONSOLE);
    }

    public static Map<String, Long> consoleFlags(ConfigFormat format) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("MMIO", (long) Console.FLAG_ACCESS_MMIO);
        m.put("REGDIST_4", (long) Console.FLAG_REGDIST_4);
        m.put("FB_1920x1080", (long) Console.FLAG_FB_1920x1080);
        m.put("INVERTED_GATE", (long) Console.FLAG_INVERTED_GATE);
        if (format != ConfigFormat.REV10) {
            m.put("MDR_QUIRK", (long) Console.FLAG_MDR_QUIRK);
        }
        return m;
    }

    /** Names of the set bits, ascending; bits without a name as 0x hex. */
    public static List<String> flagNames(long value, Map<String, Long> names) {
        List<String> out = new ArrayList<>();
        long rest = value;
        for (Map.Entry<String, Long> e : names.entrySet()) {
            if ((value & e.getValue()) != 0) {
                out.add(e.getKey());
                rest &= ~e.getValue();
            }
        }
        for (int bit = 0; bit < 64; bit++) {
            if ((rest >>> bit & 1) != 0) {
                out.add("0x" + Long.toHexString(1L << bit));
            }
        }
        return out;
    }

    /** The value of one flag name (case-insensitive, optional JAILHOUSE_ prefixes) or a 0x number. */
    public static long flagValue(String name, Map<String, Long> names) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (String prefix : List.of("JAILHOUSE_MEM_", "JAILHOUSE_CELL_", "JAILHOUSE_SYS_", "JAILHOUSE_CON_")) {
            if (n.startsWith(prefix)) {
                n = n.substring(prefix.length());
            }
        }
        if (n.equals("ACCESS_MMIO")) {
            n = "MMIO";
        }
        Long v = names.get(n);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, Long> e : names.entrySet()) {
            if (e.getKey().equalsIgnoreCase(n)) {
                return e.getValue();
            }
        }
        if (n.startsWith("0X")) {
            return Long.parseUnsignedLong(n.substring(2), 16);
        }
        throw new IllegalArgumentException("unknown flag '" + name + "'; expected one of " + names.keySet()
                + " or a 0x number");
    }

    private static final String[] CONSOLE_TYPES = {"none", "efifb", "8250", "pl011", "xuartps", "mvebu", "hscif",
        "scifa", "imx", "imx-lpuart", "scif"};

    public static String consoleType(int type) {
        return type >= 0 && type < CONSOLE_TYPES.length ? CONSOLE_TYPES[type] : Integer.toString(type);
    }

    public static int consoleTypeValue(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (int i = 0; i < CONSOLE_TYPES.length; i++) {
            if (CONSOLE_TYPES[i].equals(n)) {
                return i;
            }
        }
        try {
            return Integer.decode(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown console type '" + name + "'; expected one of "
                    + String.join(", ", CONSOLE_TYPES));
        }
    }

    public static int iommuTypeValue(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (int t = 0; t <= IommuUnit.TYPE_ARM_MMU500; t++) {
            if (IommuUnit.typeName(t).equals(n)) {
                return t;
            }
        }
        try {
            return Integer.decode(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown IOMMU type '" + name
                    + "'; expected amd, intel, smmuv3, pvu or arm-mmu500");
        }
    }

    public static String pciType(int type) {
        switch (type) {
            case PciDevice.TYPE_DEVICE: return "device";
            case PciDevice.TYPE_BRIDGE: return "bridge";
            case PciDevice.TYPE_IVSHMEM: return "ivshmem";
            default: return Integer.toString(type);
        }
    }

    public static int pciTypeValue(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "device": return PciDevice.TYPE_DEVICE;
            case "bridge": return PciDevice.TYPE_BRIDGE;
            case "ivshmem": return PciDevice.TYPE_IVSHMEM;
            default:
                try {
                    return Integer.decode(name.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown PCI device type '" + name
                            + "'; expected device, bridge or ivshmem");
                }
        }
    }

    /** Shared-memory protocol names; codes moved between revision 10 and 12. */
    public static String shmemProtocol(int protocol, ConfigFormat format) {
        if (protocol == 0) {
            return "undefined";
        }
        if (format.legacyFlags()) {
            return protocol == 0x0100 ? "veth" : String.format("0x%04x", protocol);
        }
        return protocol == 0x0001 ? "veth" : String.format("0x%04x", protocol);
    }

    public static int shmemProtocolValue(String name, ConfigFormat format) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "undefined": return 0;
            case "veth": return format.legacyFlags() ? 0x0100 : 0x0001;
            default:
                try {
                    return Integer.decode(name.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown shared-memory protocol '" + name
                            + "'; expected undefined, veth or a number");
                }
        }
    }
}
