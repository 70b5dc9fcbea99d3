package dev.warden.devicetree.print;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.blob.Bytes;
import dev.warden.devicetree.blob.Fdt;
import dev.warden.devicetree.blob.FdtBlob;
import java.nio.charset.StandardCharsets;

/**
 * U-Boot's {@code fdt print} / {@code fdt list} / {@code fdt header} / {@code fdt rsvmem print}
 * output (cmd/fdt.c); print and list are produced by walking the
 * blob's tokens as U-Boot does: tab indentation, {@code <0x%08x ...>} for word-sized values,
 * quoted strings for printable string lists, {@code [xx xx]} otherwise, and values over 64
 * bytes that are not strings shown as {@code * 0x<address> [0x<length>]}.
 */
public final class UbootFdtPrinter {
    /** U-Boot's CMD_FDT_MAX_DUMP. */
    public static final int MAX_DUMP = 64;
    private static final int MAX_LEVEL = 32;

    private UbootFdtPrinter() {
    }

    /** {@code fdt print <path>}: the node and everything below it. */
    public static String print(FdtBlob blob, String path, long loadAddress) {
        return print(blob, path, MAX_LEVEL, loadAddress);
    }

    /** {@code fdt list <path>}: the node, its properties and its children's names. */
    public static String list(FdtBlob blob, String path, long loadAddress) {
        return print(blob, path, 1, loadAddress);
    }

    /** {@code fdt print <path> <prop>}: one property. */
    public static String printProperty(FdtBlob blob, String path, String property, long loadAddress) {
        int node = blob.pathOffset(path);
        if (node < 0) {
            return "libfdt fdt_path_offset() returned " + FdtError.fromReturn(node).name() + "\n";
        }
        int prop = blob.propertyOffset(node, property);
        if (prop < 0) {
            return "libfdt fdt_getprop(): " + FdtError.fromReturn(prop).name() + "\n";
        }
        if (blob.propLength(prop) == 0) {
            return path + " " + property + "\n";
        }
        return property + " = " + data(blob, prop, loadAddress) + "\n";
    }

    /** {@code fdt header}: every header field, then the number of reservations and an empty line. */
    public static String header(FdtBlob blob) {
        int version = blob.version();
        StringBuilder out = new StringBuilder();
        out.append(String.format("magic:\t\t\t0x%x\n", blob.magic()));
        out.append(String.format("totalsize:\t\t0x%x (%d)\n", blob.totalSize(), (int) blob.totalSize()));
        out.append(String.format("off_dt_struct:\t\t0x%x\n", blob.offDtStruct()));
        out.append(String.format("off_dt_strings:\t\t0x%x\n", blob.offDtStrings()));
        out.append(String.format("off_mem_rsvmap:\t\t0x%x\n", blob.offMemRsvmap()));
        out.append(String.format("version:\t\t%d\n", version));
        out.append(String.format("last_comp_version:\t%d\n", blob.lastCompVersion()));
        if (version >= 2) {
            out.append(String.format("boot_cpuid_phys:\t0x%x\n", blob.bootCpuidPhys()));
        }
        if (version >= 3) {
            out.append(String.format("size_dt_strings:\t0x%x\n", blob.sizeDtStrings()));
        }
        if (version >= 17) {
            out.append(String.format("size_dt_struct:\t\t0x%x\n", blob.sizeDtStruct()));
        }
        out.append(String.format("number mem_rsv:\t\t0x%x\n", blob.numMemRsv()));
        return out.append('\n').toString();
    }

    /** {@code fdt rsvmem print}: the reservation table. */
    public static String reservations(FdtBlob blob) {
        StringBuilder out = new StringBuilder("index\t\t   start\t\t    size\n");
        out.append("------------------------------------------------\n");
        for (int i = 0; i < blob.numMemRsv(); i++) {
            long[] r = blob.memRsv(i);
            out.append(String.format("    %x\t%016x\t%016x\n", i, r[0], r[1]));
        }
        return out.toString();
    }

    private static String print(FdtBlob blob, String path, int depth, long loadAddress) {
        StringBuilder out = new StringBuilder();
        int offset = blob.pathOffset(path);
        if (offset < 0) {
            return "libfdt fdt_path_offset() returned " + FdtError.fromReturn(offset).name() + "\n";
        }
        int level = 0;
        int[] next = new int[1];
        while (level >= 0) {
            int tag = blob.nextTag(offset, next);
            switch (tag) {
                case Fdt.BEGIN_NODE: {
                    String name = blob.nodeName(offset);
                    if (level <= depth) {
                        out.append(tabs(level)).append(name.isEmpty() ? "/" : name).append(" {\n");
                    }
                    level++;
                    if (level >= MAX_LEVEL) {
                        out.append("Nested too deep, aborting.\n");
                        return out.toString();
                    }
                    break;
                }
                case Fdt.END_NODE:
                    level--;
                    if (level <= depth) {
                        out.append(tabs(level)).append("};\n");
                    }
                    if (level == 0) {
                        level = -1;
                    }
                    break;
                case Fdt.PROP: {
                    String name = blob.propName(offset);
                    int len = blob.propLength(offset);
                    if (level <= depth) {
                        out.append(tabs(level)).append(name);
                        if (len == 0) {
                            out.append(";\n");
                        } else {
                            out.append(" = ").append(data(blob, offset, loadAddress)).append(";\n");
                        }
                    }
                    break;
                }
                case Fdt.NOP:
                    out.append(tabs(level)).append("/* NOP */\n");
                    break;
                case Fdt.END:
                    return out.toString();
                default:
                    if (level <= depth) {
                        out.append(String.format("Unknown tag 0x%08X\n", tag));
                    }
                    return out.toString();
            }
            offset = next[0];
        }
        return out.toString();
    }

    private static String tabs(int level) {
        return "\t".repeat(Math.max(0, Math.min(level, MAX_LEVEL)));
    }

    private static String data(FdtBlob blob, int prop, long loadAddress) {
        byte[] v = blob.propValue(prop);
        if (isPrintableString(v)) {
            StringBuilder sb = new StringBuilder("\"");
            int start = 0;
            for (int i = 0; i < v.length; i++) {
                if (v[i] == 0) {
                    if (start > 0) {
                        sb.append("\", \"");
                    }
                    sb.append(new String(v, start, i - start, StandardCharsets.ISO_8859_1));
                    start = i + 1;
                }
            }
            return sb.append('"').toString();
        }
        if (v.length > MAX_DUMP) {
            return String.format("* 0x%016x [0x%08x]", loadAddress + blob.propDataIndex(prop), v.length);
        }
        StringBuilder sb = new StringBuilder();
        if (v.length % 4 == 0) {
            sb.append('<');
            for (int i = 0; i < v.length; i += 4) {
                sb.append(String.format("0x%08x", Bytes.u32(v, i)));
                if (i + 4 < v.length) {
                    sb.append(' ');
                }
            }
            return sb.append('>').toString();
        }
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            sb.append(String.format("%02x", v[i] & 0xff));
            if (i < v.length - 1) {
                sb.append(' ');
            }
        }
        return sb.append(']').toString();
    }

    /** cmd/fdt.c is_printable_string: NUL-terminated runs of printable characters, none empty. */
    static boolean isPrintableString(byte[] v) {
        if (v.length == 0 || v[v.length - 1] != 0) {
            return false;
        }
        int i = 0;
        while (i < v.length) {
            int start = i;
            while (i < v.length && v[i] != 0 && v[i] >= 0x20 && v[i] <= 0x7e) {
                i++;
            }
            if (v[i] != 0 || i == start) {
                return false;
            }
            i++;
        }
        return true;
    }
}
