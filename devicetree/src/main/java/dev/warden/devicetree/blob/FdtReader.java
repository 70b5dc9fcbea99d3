package dev.warden.devicetree.blob;

import static dev.warden.devicetree.FdtError.FDT_ERR_BADSTRUCTURE;
import static dev.warden.devicetree.FdtError.FDT_ERR_BADVERSION;
import static dev.warden.devicetree.FdtError.FDT_ERR_TRUNCATED;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import dev.warden.devicetree.model.ReserveEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses a .dtb/.dtbo (versions 16 and 17) into a {@link DeviceTree}, checking everything
 * libfdt checks and a little more; each problem is an {@link FdtException} naming the file,
 * the byte offset in it and what was expected there.
 */
public final class FdtReader {
    /** Deeper nesting than this is refused rather than risking the Java stack. */
    public static final int MAX_DEPTH = 256;

    private final byte[] b;
    private final String source;
    private final FdtHeader h;
    private final int structStart;
    private final int structEnd;
    private final int stringsStart;
    private final int stringsEnd;

    private FdtReader(byte[] blob, String source) {
        this.b = blob;
        this.source = source;
        this.h = FdtHeader.read(blob, blob.length, source);
        h.check(source);
        if (h.totalSize() > blob.length) {
            throw new FdtException(FDT_ERR_TRUNCATED, source, blob.length, "expected " + h.totalSize()
                    + " bytes (header totalsize), file ends after " + blob.length);
        }
        if (h.version() < 16) {
            throw new FdtException(FDT_ERR_BADVERSION, source, 0x14, "expected version 16 or 17, found " + h.version());
        }
        this.structStart = (int) h.offDtStruct();
        this.structEnd = h.version() >= 17 ? (int) (h.offDtStruct() + h.sizeDtStruct()) : (int) h.totalSize();
        this.stringsStart = (int) h.offDtStrings();
        this.stringsEnd = (int) (h.offDtStrings() + h.sizeDtStrings());
    }

    public static DeviceTree read(byte[] blob, String source) {
        return new FdtReader(blob, source).parse();
    }

    private DeviceTree parse() {
        List<ReserveEntry> reservations = readReservations();
        int[] pos = {structStart};
        skipNops(pos);
        expectToken(pos[0], Fdt.BEGIN_NODE);
        Node root = readNode(pos, "", 0);
        skipNops(pos);
        int end = token(pos[0], "FDT_END after the root node");
        if (end != Fdt.END) {
            throw bad(pos[0], String.format("expected FDT_END token after the root node, found 0x%08x", end));
        }
        return new DeviceTree(root, reservations, h.bootCpuidPhys());
    }

    private List<ReserveEntry> readReservations() {
        List<ReserveEntry> out = new ArrayList<>();
        int off = (int) h.offMemRsvmap();
        while (true) {
            if (off + Fdt.RESERVE_ENTRY_SIZE > h.totalSize()) {
                throw new FdtException(FDT_ERR_TRUNCATED, source, off,
                        "expected a memory reservation entry (16 bytes), blob ends at 0x" + Long.toHexString(h.totalSize()));
            }
            long address = Bytes.be64(b, off);
            long size = Bytes.be64(b, off + 8);
            if (address == 0 && size == 0) {
                return out;
            }
            out.add(new ReserveEntry(address, size));
            off += Fdt.RESERVE_ENTRY_SIZE;
        }
    }

    private int token(int off, String expected) {
        if (off + 4 > structEnd) {
            throw new FdtException(FDT_ERR_TRUNCATED, source, off,
                    "expected " + expected + ", structure block ends at 0x" + Integer.toHexString(structEnd));
        }
        return Bytes.be32(b, off);
    }

    private void expectToken(int off, int wanted) {
        int t = token(off, Fdt.tokenName(wanted) + " token");
        if (t != wanted) {
            throw bad(off, String.format("expected %s token, found 0x%08x", Fdt.tokenName(wanted), t));
        }
    }

    private void skipNops(int[] pos) {
        while (pos[0] + 4 <= structEnd && Bytes.be32(b, pos[0]) == Fdt.NOP) {
            pos[0] += 4;
        }
    }

    private FdtException bad(int off, String detail) {
        return new FdtException(FDT_ERR_BADSTRUCTURE, source, off, detail);
    }

    /** Reads the node whose BEGIN_NODE token is at pos[0]; leaves pos after its END_NODE. */
    private Node readNode(int[] pos, String parentPath, int depth) {
        if (depth > MAX_DEPTH) {
            throw bad(pos[0], "expected at most " + MAX_DEPTH + " levels of nodes, " + parentPath + " nests deeper");
        }
        int nameStart = pos[0] + 4;
        int nul = nameStart;
        while (nul < structEnd && b[nul] != 0) {
            nul++;
        }
        if (nul >= structEnd) {
            throw new FdtException(FDT_ERR_TRUNCATED, source, nameStart,
                    "expected a NUL-terminated node name, structure block ends first");
        }
        String name = new String(b, nameStart, nul - nameStart, StandardCharsets.ISO_8859_1);
        String path = parentPath.isEmpty() && name.isEmpty() ? "/" : (parentPath.equals("/") ? "" : parentPath) + "/" + name;
        pos[0] = Fdt.tagAlign(nul + 1 - structStart) + structStart;

        List<Property> props = new ArrayList<>();
        List<Node> children = new ArrayList<>();
        while (true) {
            int off = pos[0];
            int t = token(off, "a token inside node " + path);
            switch (t) {
                case Fdt.NOP:
                    pos[0] += 4;
                    break;
                case Fdt.PROP: {
                    Property p = readProperty(pos, path);
                    if (!children.isEmpty()) {
                        throw bad(off, "property '" + p.name() + "' after child nodes in " + path
                                + ", expected properties before subnodes");
                    }
                    props.add(p);
                    break;
                }
                case Fdt.BEGIN_NODE:
                    children.add(readNode(pos, path, depth + 1));
                    break;
                case Fdt.END_NODE:
                    pos[0] += 4;
                    return new Node(name, props, children);
                case Fdt.END:
                    throw bad(off, "expected FDT_END_NODE for " + path + ", found FDT_END");
                default:
                    throw bad(off, String.format("expected a structure token (FDT_PROP, FDT_BEGIN_NODE, FDT_END_NODE, "
                            + "FDT_NOP) in %s, found 0x%08x", path, t));
            }
        }
    }

    private Property readProperty(int[] pos, String path) {
        int off = pos[0];
        if (off + 12 > structEnd) {
            throw new FdtException(FDT_ERR_TRUNCATED, source, off,
                    "expected a 12-byte property header in " + path + ", structure block ends first");
        }
        long len = Bytes.u32(b, off + 4);
        long nameoff = Bytes.u32(b, off + 8);
        int data = off + 12;
        if (data + len > structEnd) {
            throw new FdtException(FDT_ERR_TRUNCATED, source, off + 4, "property value of " + len + " bytes in " + path
                    + " runs past the structure block end 0x" + Integer.toHexString(structEnd));
        }
        String name = string(nameoff, off + 8);
        if (h.version() < 16 && len >= 8 && (data % 8) != 0) {
            data += 4;
        }
        byte[] value = Arrays.copyOfRange(b, data, (int) (data + len));
        pos[0] = structStart + Fdt.tagAlign((int) (data + len - structStart));
        return new Property(name, value);
    }

    private String string(long nameoff, int fieldOffset) {
        if (nameoff >= h.sizeDtStrings()) {
            throw new FdtException(FdtError.FDT_ERR_BADOFFSET, source, fieldOffset, String.format(
                    "expected a property name offset below the strings block size 0x%x, found 0x%x",
                    h.sizeDtStrings(), nameoff));
        }
        int start = stringsStart + (int) nameoff;
        int end = start;
        while (end < stringsEnd && b[end] != 0) {
            end++;
        }
        if (end >= stringsEnd) {
            throw new FdtException(FDT_ERR_TRUNCATED, source, start,
                    "expected a NUL-terminated property name, strings block ends first");
        }
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
