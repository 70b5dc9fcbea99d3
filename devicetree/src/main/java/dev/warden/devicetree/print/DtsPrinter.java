package dev.warden.devicetree.print;

import dev.warden.devicetree.blob.Bytes;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import dev.warden.devicetree.model.ReserveEntry;

/**
 * Prints a tree as DTS text the way {@code dtc -I dtb -O dts} (1.6.1) does: tabs, cells as
 * {@code <0x%02x>}, bytes as {@code [%02x]}, string lists as one quoted string with {@code \0}
 * separators, and each value's type guessed from its bytes as dtc guesses it.
 */
public final class DtsPrinter {
    private DtsPrinter() {
    }

    public static String print(DeviceTree tree) {
        StringBuilder out = new StringBuilder("/dts-v1/;\n\n");
        for (ReserveEntry r : tree.reservations()) {
            out.append(String.format("/memreserve/\t0x%016x 0x%016x;\n", r.address(), r.size()));
        }
        node(out, tree.root(), 0);
        return out.toString();
    }

    private static void node(StringBuilder out, Node n, int level) {
        indent(out, level);
        out.append(n.name().isEmpty() ? "/" : n.name()).append(" {\n");
        for (Property p : n.properties()) {
            indent(out, level + 1);
            out.append(p.name());
            value(out, p.value());
            out.append('\n');
        }
        for (Node c : n.children()) {
            out.append('\n');
            node(out, c, level + 1);
        }
        indent(out, level);
        out.append("};\n");
    }

    private static void indent(StringBuilder out, int level) {
        out.append("\t".repeat(level));
    }

    private enum Kind { STRING, CELLS, BYTES }

    /** dtc's guess_value_type for a value that carries no type information. */
    private static Kind guess(byte[] v) {
        int notString = 0;
        int nul = 0;
        for (byte b : v) {
            if (!isStringChar(b)) {
                notString++;
            }
            if (b == 0) {
                nul++;
            }
        }
        if (v[v.length - 1] == 0 && notString == 0 && nul <= v.length - nul) {
            return Kind.STRING;
        }
        return v.length % 4 == 0 ? Kind.CELLS : Kind.BYTES;
    }

    private static boolean isPrint(byte b) {
        return b >= 0x20 && b <= 0x7e;
    }

    private static boolean isStringChar(byte b) {
        return isPrint(b) || b == 0 || b == 7 || b == 8 || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
    }

    private static void value(StringBuilder out, byte[] v) {
        if (v.length == 0) {
            out.append(';');
            return;
        }
        out.append(" = ");
        switch (guess(v)) {
            case STRING:
                string(out, v);
                break;
            case CELLS:
                out.append('<');
                for (int i = 0; i < v.length; i += 4) {
                    if (i > 0) {
                        out.append(' ');
                    }
                    out.append(String.format("0x%02x", Bytes.u32(v, i)));
                }
                out.append('>');
                break;
            default:
                out.append('[');
                for (int i = 0; i < v.length; i++) {
                    if (i > 0) {
                        out.append(' ');
                    }
                    out.append(String.format("%02x", v[i] & 0xff));
                }
                out.append(']');
        }
        out.append(';');
    }

    private static void string(StringBuilder out, byte[] v) {
        out.append('"');
        for (int i = 0; i < v.length - 1; i++) {
            byte c = v[i];
            switch (c) {
                case 7: out.append("\\a"); break;
                case 8: out.append("\\b"); break;
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case 0x0b: out.append("\\v"); break;
                case '\f': out.append("\\f"); break;
                case '\r': out.append("\\r"); break;
                case '\\': out.append("\\\\"); break;
                case '"': out.append("\\\""); break;
                case 0: out.append("\\0"); break;
                default:
                    if (isPrint(c)) {
                        out.append((char) c);
                    } else {
                        out.append(String.format("\\x%02x", c & 0xff));
                    }
            }
        }
        out.append('"');
    }
}
