package dev.warden.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes binary Jailhouse configurations ({@code .cell} files) of every layout Warden
 * knows, telling them apart as the facts describe: signature, architecture byte and revision,
 * and for the ambiguous revision 12 the size formula of each layout.
 */
public final class CellConfigs {
    private static final byte[] OLD_SYSTEM = "JHSYST".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLD_CELL = "JHCELL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SYSTEM = "JHSYS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CELL = "JHCLL".getBytes(StandardCharsets.US_ASCII);

    private CellConfigs() {
    }

    /** Reads and decodes a file; errors name the file as given. */
    public static JailhouseConfig read(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        return decode(data, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    /** Decodes a configuration; {@code sourceName} is used in error messages. */
    public static JailhouseConfig decode(byte[] data, String sourceName) {
        return decode(data, sourceName, false);
    }

    /**
     * Decodes the configuration at the start of {@code data}, whatever follows it: what the
     * hypervisor does with a configuration in memory, where nothing marks its end but its counts.
     */
    public static JailhouseConfig decodeLeading(byte[] data, String sourceName) {
        return decode(data, sourceName, true);
    }

    /**
     * As {@link #decodeLeading(byte[], String)}, in the layout of {@code format}: with bytes after
     * the configuration, its size no longer tells revision 12's two layouts apart, but whoever
     * reads it from memory knows which one its release writes.
     */
    public static JailhouseConfig decodeLeading(byte[] data, String sourceName, ConfigFormat format) {
        if (format != ConfigFormat.REV12 && format != ConfigFormat.TI12) return decode(data, sourceName, true);
        if (data.length < ConfigLayout.HEADER_BYTES) return decode(data, sourceName, true);
        boolean system = startsWith(data, OLD_SYSTEM);
        if (!system && !startsWith(data, OLD_CELL)) return decode(data, sourceName, true);
        return finish(new LeReader(data, sourceName), layout(format), system, true);
    }

    private static JailhouseConfig decode(byte[] data, String sourceName, boolean trailingAllowed) {
        LeReader r = new LeReader(data, sourceName);
        if (data.length < ConfigLayout.HEADER_BYTES) {
            throw r.errorAt(0, "file is " + data.length + " bytes, too short for a Jailhouse configuration "
                    + "header (8 bytes: signature, revision)", ConfigFormatException.Kind.TRUNCATED);
        }
        boolean oldSystem = startsWith(data, OLD_SYSTEM);
        boolean oldCell = startsWith(data, OLD_CELL);
        int revision = r.peekU16(6);
        if (oldSystem || oldCell) {
            if (revision == 10) {
                return finish(r, new Rev10Layout(), oldSystem, trailingAllowed);
            }
            if (revision == 12) {
                return decodeRevision12(data, sourceName, oldSystem, trailingAllowed);
            }
            throw r.errorAt(6, KnownRevisions.describeUnsupported(revision), ConfigFormatException.Kind.REVISION);
        }
        boolean system = startsWith(data, SYSTEM);
        if (system || startsWith(data, CELL)) {
            int arch = r.peekU8(5);
            Architecture architecture = Architecture.ofCode(arch).orElseThrow(() -> r.errorAt(5, "architecture is "
                    + architectureName(arch) + ", expected x86 (0), arm (1) or arm64 (2)", ConfigFormatException.Kind.ARCHITECTURE));
            if (revision != 14) {
                throw r.errorAt(6, KnownRevisions.describeUnsupported(revision), ConfigFormatException.Kind.REVISION);
            }
            return withArchitecture(finish(r, new Rev14Layout(), system, trailingAllowed), architecture);
        }
        throw r.errorAt(0, "not a Jailhouse configuration: signature is \"" + printable(data, 6) + "\", expected "
                + "\"JHSYS\" (system) or \"JHCLL\" (cell), or \"JHSYST\"/\"JHCELL\" before revision 14",
                ConfigFormatException.Kind.SIGNATURE);
    }

    /** The architecture of a revision-14 header: the system's, and its root cell's, or a cell's. */
    private static JailhouseConfig withArchitecture(JailhouseConfig config, Architecture a) {
        if (config instanceof SystemConfig s) {
            return new SystemConfig(s.format(), s.flags(), s.hypervisorMemory(), s.debugConsole(), s.platform(),
                    s.rootCell().withArchitecture(a), a);
        }
        return ((CellConfig) config).withArchitecture(a);
    }

    private static JailhouseConfig decodeRevision12(byte[] data, String sourceName, boolean system, boolean trailing) {
        try {
            return finish(new LeReader(data, sourceName), new Rev12Layout(), system, trailing);
        } catch (ConfigFormatException upstream) {
            try {
                return finish(new LeReader(data, sourceName), new Ti12Layout(), system, trailing);
            } catch (ConfigFormatException ti) {
                throw new ConfigFormatException(upstream.getMessage() + " (revision 12 in the Jailhouse v0.12 "
                        + "layout; TI's ti2019.x layout does not fit either: " + ti.getMessage() + ")", upstream.kind());
            }
        }
    }

    private static JailhouseConfig finish(LeReader r, ConfigLayout layout, boolean system, boolean trailingAllowed) {
        r.bytes(ConfigLayout.HEADER_BYTES);
        JailhouseConfig config = system ? layout.decodeSystem(r) : layout.decodeCell(r);
        if (r.remaining() != 0 && !trailingAllowed) {
            throw r.error(r.remaining() + " bytes follow the last array: the file is longer than its counts say ("
                    + r.length() + " bytes, the counts describe " + r.position() + ")");
        }
        return config;
    }

    /** Encodes in the configuration's own format. */
    public static byte[] encode(JailhouseConfig config) {
        return encode(config, config.format());
    }

    /**
     * Encodes in the layout of {@code revision}: 10, 12 (upstream v0.12, or TI's layout when the
     * configuration is in TI's format) or 14. The configuration must already hold that format's
     * values: use {@link ConfigConverter} to move between revisions.
     */
    public static byte[] encode(JailhouseConfig config, int revision) {
        ConfigFormat target = revision == 12 && config.format() == ConfigFormat.TI12
                ? ConfigFormat.TI12 : ConfigFormat.forRevision(revision);
        return encode(config, target);
    }

    public static byte[] encode(JailhouseConfig config, ConfigFormat format) {
        if (config.format() != format) {
            throw new ConfigFormatException("'" + config.name() + "' holds revision " + config.format().label()
                    + " values; convert it to " + format.label() + " before encoding (flag values differ)");
        }
        ConfigLayout layout = layout(format);
        if (config instanceof SystemConfig s) {
            return layout.encodeSystem(s);
        }
        return layout.encodeCell((CellConfig) config);
    }

    /** The size formula of the facts (header + arrays), computed from the counts alone. */
    public static long sizeOf(JailhouseConfig config, ConfigFormat format) {
        ConfigLayout layout = layout(format);
        CellConfig c = config instanceof SystemConfig s ? s.rootCell() : (CellConfig) config;
        long head = config instanceof SystemConfig ? layout.systemSize() : layout.cellDescSize();
        long pio = layout.pioIsBitmap() ? c.pioBitmap().length() : 4L * c.pioRegions().size();
        return head + c.cpuSetSize() + 32L * c.memoryRegions().size() + 12L * c.cacheRegions().size()
                + 32L * c.irqchips().size() + pio + 56L * c.pciDevices().size() + 8L * c.pciCaps().size()
                + 4L * c.streamIds().size() + (long) Regmap.SIZE * c.regmaps().size();
    }

    static ConfigLayout layout(ConfigFormat format) {
        switch (format) {
            case REV10: return new Rev10Layout();
            case REV12: return new Rev12Layout();
            case TI12: return new Ti12Layout();
            default: return new Rev14Layout();
        }
    }

    static String architectureName(int arch) {
        switch (arch) {
            case 0: return "x86 (0)";
            case 1: return "arm (1)";
            case 2: return "arm64 (2)";
            default: return "unknown (" + arch + ")";
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String printable(byte[] data, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, data.length); i++) {
            int b = data[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.toString();
    }
}
