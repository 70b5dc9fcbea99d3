package dev.warden.devicetree.blob;

import static dev.warden.devicetree.FdtError.FDT_ERR_BADLAYOUT;
import static dev.warden.devicetree.FdtError.FDT_ERR_BADOFFSET;
import static dev.warden.devicetree.FdtError.FDT_ERR_BADPATH;
import static dev.warden.devicetree.FdtError.FDT_ERR_BADPHANDLE;
import static dev.warden.devicetree.FdtError.FDT_ERR_BADSTRUCTURE;
import static dev.warden.devicetree.FdtError.FDT_ERR_BADVERSION;
import static dev.warden.devicetree.FdtError.FDT_ERR_EXISTS;
import static dev.warden.devicetree.FdtError.FDT_ERR_NOSPACE;
import static dev.warden.devicetree.FdtError.FDT_ERR_NOTFOUND;
import static dev.warden.devicetree.FdtError.FDT_ERR_TRUNCATED;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.FdtException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A flattened device tree in a byte buffer, edited exactly the way libfdt 1.6.1 edits one:
 * free space only after the strings block, new properties inserted first in their node, new
 * nodes inserted as first child, strings reused (tail matches too) before being appended, and
 * FDT_ERR_NOSPACE when an edit does not fit in {@link #totalSize()}.
 *
 * <p>The buffer plays the part of the memory the blob sits in: its length is the capacity, and
 * bytes past the used size stay as they are (libfdt never clears them).
 *
 * <p>The low-level methods mirror libfdt calls: node and property offsets are relative to the
 * structure block, and a negative return value is a negated {@link FdtError} code (see
 * {@link FdtError#fromReturn}). Names are handled as ISO-8859-1 so every byte survives.
 */
public final class FdtBlob {
    private static final int INT_MAX = Integer.MAX_VALUE;

    private byte[] buf;
    private final String name;

    private FdtBlob(byte[] buf, String name) {
        this.buf = buf;
        this.name = name;
    }

    /** A copy of {@code bytes} as a blob named {@code name} (used in messages); not validated. */
    public static FdtBlob load(byte[] bytes, String name) {
        return new FdtBlob(bytes.clone(), name);
    }

    /** A copy of {@code bytes} that also must pass the header checks; throws {@link FdtException} otherwise. */
    public static FdtBlob loadChecked(byte[] bytes, String name) {
        FdtBlob blob = load(bytes, name);
        FdtHeader.read(blob.buf, blob.buf.length, name).check(name);
        if (blob.totalSize() > bytes.length) {
            throw new FdtException(FdtError.FDT_ERR_TRUNCATED, name, bytes.length,
                    "expected " + blob.totalSize() + " bytes (header totalsize), file has " + bytes.length);
        }
        return blob;
    }

    /** A blob over {@code capacity} bytes of which the first ones are {@code bytes} (the rest zero). */
    public static FdtBlob inBuffer(byte[] bytes, int capacity, String name) {
        byte[] b = new byte[Math.max(capacity, bytes.length)];
        System.arraycopy(bytes, 0, b, 0, bytes.length);
        return new FdtBlob(b, name);
    }

    public String name() {
        return name;
    }

    /** The blob itself: the first {@link #totalSize()} bytes of the buffer. */
    public byte[] bytes() {
        long total = totalSize();
        int n = (int) Math.min(Math.max(total, 0), buf.length);
        return Arrays.copyOf(buf, n);
    }

    /** The whole buffer, free space included. */
    public byte[] buffer() {
        return buf.clone();
    }

    public int capacity() {
        return buf.length;
    }

    /** The blob parsed into a tree (strict: bad structure throws {@link FdtException}). */
    public dev.warden.devicetree.model.DeviceTree toTree() {
        return FdtReader.read(bytes(), name);
    }

    public FdtBlob copy() {
        return new FdtBlob(buf.clone(), name);
    }

    public FdtBlob copy(String newName) {
        return new FdtBlob(buf.clone(), newName);
    }

    // ---------------------------------------------------------------- header fields

    private int hdr(int off) {
        return buf.length >= off + 4 ? Bytes.be32(buf, off) : 0;
    }

    private long uhdr(int off) {
        return hdr(off) & 0xffffffffL;
    }

    public int magic() { return hdr(0x00); }
    public long totalSize() { return uhdr(0x04); }
    public int offDtStruct() { return hdr(0x08); }
    public int offDtStrings() { return hdr(0x0c); }
    public int offMemRsvmap() { return hdr(0x10); }
    public int version() { return hdr(0x14); }
    public int lastCompVersion() { return hdr(0x18); }
    public int bootCpuidPhys() { return hdr(0x1c); }
    public int sizeDtStrings() { return hdr(0x20); }
    public int sizeDtStruct() { return hdr(0x24); }

    public void setMagic(int v) { Bytes.put32(buf, 0x00, v); }
    private void setTotalSize(int v) { Bytes.put32(buf, 0x04, v); }
    private void setOffDtStruct(int v) { Bytes.put32(buf, 0x08, v); }
    private void setOffDtStrings(int v) { Bytes.put32(buf, 0x0c, v); }
    private void setOffMemRsvmap(int v) { Bytes.put32(buf, 0x10, v); }
    private void setVersion(int v) { Bytes.put32(buf, 0x14, v); }
    private void setLastCompVersion(int v) { Bytes.put32(buf, 0x18, v); }
    private void setBootCpuidPhys(int v) { Bytes.put32(buf, 0x1c, v); }
    private void setSizeDtStrings(int v) { Bytes.put32(buf, 0x20, v); }
    private void setSizeDtStruct(int v) { Bytes.put32(buf, 0x24, v); }

    public FdtHeader header() {
        byte[] h = Arrays.copyOf(buf, Fdt.HEADER_SIZE_V17);
        return FdtHeader.fromWords(h);
    }

    /** Bytes in use (up to the end of the strings block), as libfdt's fdt_data_size_(). */
    public int dataSize() {
        return offDtStrings() + sizeDtStrings();
    }

    // ---------------------------------------------------------------- probes

    /** fdt_check_header: 0, or the negated first error. */
    public int checkHeader() {
        if (buf.length < Fdt.HEADER_SIZE_V17) {
            if (buf.length >= 4 && magic() != Fdt.MAGIC) {
                return FdtError.FDT_ERR_BADMAGIC.negated();
            }
            return FDT_ERR_TRUNCATED.negated();
        }
        FdtError e = header().firstError();
        if (e != null) {
            return e.negated();
        }
        return totalSize() > buf.length ? FDT_ERR_TRUNCATED.negated() : 0;
    }

    /** The header error of this blob, or {@code null} when the header is sound. */
    public FdtError headerError() {
        int r = checkHeader();
        return r == 0 ? null : FdtError.fromReturn(r);
    }

    /** Throws {@link FdtException} naming this blob when its header is not sound. */
    public void requireValidHeader() {
        if (buf.length < Fdt.HEADER_SIZE_V17 && (buf.length < 4 || magic() == Fdt.MAGIC)) {
            throw new FdtException(FDT_ERR_TRUNCATED, name, buf.length,
                    "expected a 40-byte header, blob has " + buf.length + " bytes");
        }
        FdtHeader.read(buf, buf.length, name).check(name);
        if (totalSize() > buf.length) {
            throw new FdtException(FDT_ERR_TRUNCATED, name, buf.length,
                    "expected " + totalSize() + " bytes (header totalsize), blob has " + buf.length);
        }
    }

    private boolean blocksMisordered(int memRsvSize, int structSize) {
        long hdrAligned = 40; // FDT_ALIGN(sizeof(struct fdt_header), 8)
        return (offMemRsvmap() & 0xffffffffL) < hdrAligned
                || (offDtStruct() & 0xffffffffL) < (offMemRsvmap() & 0xffffffffL) + memRsvSize
                || (offDtStrings() & 0xffffffffL) < (offDtStruct() & 0xffffffffL) + structSize
                || totalSize() < (offDtStrings() & 0xffffffffL) + (sizeDtStrings() & 0xffffffffL);
    }

    /** FDT_RW_PROBE: the read-only checks plus version 17 and canonical block order. */
    public int rwProbe() {
        int err = checkHeader();
        if (err != 0) {
            return err;
        }
        if (version() < 17) {
            return FDT_ERR_BADVERSION.negated();
        }
        if (blocksMisordered(Fdt.RESERVE_ENTRY_SIZE, sizeDtStruct())) {
            return FDT_ERR_BADLAYOUT.negated();
        }
        if (version() > 17) {
            setVersion(17);
        }
        return 0;
    }

    // ---------------------------------------------------------------- structure walking

    /** Absolute buffer index of {@code len} bytes at struct offset {@code offset}, or -1 (fdt_offset_ptr). */
    int offsetPtr(int offset, int len) {
        if (offset < 0 || len < 0) {
            return -1;
        }
        long abs = (long) offset + (offDtStruct() & 0xffffffffL);
        if (abs + len > totalSize() || abs + len > buf.length) {
            return -1;
        }
        if (version() >= 0x11 && (long) offset + len > (sizeDtStruct() & 0xffffffffL)) {
            return -1;
        }
        return (int) abs;
    }

    /** Big-endian word at a struct offset known to be valid. */
    public int structWord(int offset) {
        return Bytes.be32(buf, offDtStruct() + offset);
    }

    /**
     * fdt_next_tag: the tag at {@code start}; {@code next[0]} gets the offset of the following
     * tag, or a negated error (TRUNCATED / BADSTRUCTURE) when this one is broken.
     */
    public int nextTag(int start, int[] next) {
        next[0] = FDT_ERR_TRUNCATED.negated();
        int p = offsetPtr(start, Fdt.TAG_SIZE);
        if (p < 0) {
            return Fdt.END;
        }
        int tag = Bytes.be32(buf, p);
        int offset = start + Fdt.TAG_SIZE;
        next[0] = FDT_ERR_BADSTRUCTURE.negated();
        switch (tag) {
            case Fdt.BEGIN_NODE: {
                int c;
                do {
                    c = offsetPtr(offset++, 1);
                } while (c >= 0 && buf[c] != 0);
                if (c < 0) {
                    return Fdt.END;
                }
                break;
            }
            case Fdt.PROP: {
                int lp = offsetPtr(offset, 4);
                if (lp < 0) {
                    return Fdt.END;
                }
                long len = Bytes.u32(buf, lp);
                long o = (long) offset + 8 + len;
                if (version() < 0x10 && len >= 8 && ((o - len) % 8) != 0) {
                    o += 4;
                }
                if (o > INT_MAX) {
                    return Fdt.END;
                }
                offset = (int) o;
                break;
            }
            case Fdt.END:
            case Fdt.END_NODE:
            case Fdt.NOP:
                break;
            default:
                return Fdt.END;
        }
        if (offsetPtr(start, offset - start) < 0) {
            return Fdt.END;
        }
        next[0] = Fdt.tagAlign(offset);
        return tag;
    }

    /** The offset after the BEGIN_NODE at {@code offset}, or -FDT_ERR_BADOFFSET. */
    public int checkNodeOffset(int offset) {
        int[] next = new int[1];
        if (offset < 0 || offset % Fdt.TAG_SIZE != 0 || nextTag(offset, next) != Fdt.BEGIN_NODE) {
            return FDT_ERR_BADOFFSET.negated();
        }
        return next[0];
    }

    /** The offset after the PROP at {@code offset}, or -FDT_ERR_BADOFFSET. */
    public int checkPropOffset(int offset) {
        int[] next = new int[1];
        if (offset < 0 || offset % Fdt.TAG_SIZE != 0 || nextTag(offset, next) != Fdt.PROP) {
            return FDT_ERR_BADOFFSET.negated();
        }
        return next[0];
    }

    /**
     * fdt_next_node: the next BEGIN_NODE after {@code offset} (-1 starts at the root).
     * {@code depth} (may be null) is adjusted as nodes open and close.
     */
    public int nextNode(int offset, int[] depth) {
        int[] next = {0};
        if (offset >= 0) {
            next[0] = checkNodeOffset(offset);
            if (next[0] < 0) {
                return next[0];
            }
        }
        int tag;
        do {
            offset = next[0];
            tag = nextTag(offset, next);
            switch (tag) {
                case Fdt.PROP:
                case Fdt.NOP:
                    break;
                case Fdt.BEGIN_NODE:
                    if (depth != null) {
                        depth[0]++;
                    }
                    break;
                case Fdt.END_NODE:
                    if (depth != null && (--depth[0]) < 0) {
                        return next[0];
                    }
                    break;
                case Fdt.END:
                    if (next[0] >= 0 || (next[0] == FDT_ERR_TRUNCATED.negated() && depth == null)) {
                        return FDT_ERR_NOTFOUND.negated();
                    }
                    return next[0];
                default:
                    break;
            }
        } while (tag != Fdt.BEGIN_NODE);
        return offset;
    }

    public int firstSubnode(int offset) {
        int[] depth = {0};
        offset = nextNode(offset, depth);
        if (offset < 0 || depth[0] != 1) {
            return FDT_ERR_NOTFOUND.negated();
        }
        return offset;
    }

    public int nextSubnode(int offset) {
        int[] depth = {1};
        do {
            offset = nextNode(offset, depth);
            if (offset < 0 || depth[0] < 1) {
                return FDT_ERR_NOTFOUND.negated();
            }
        } while (depth[0] > 1);
        return offset;
    }

    /** The unit name of the node at {@code offset} ("" for the root), or null for a bad offset. */
    public String nodeName(int offset) {
        if (checkNodeOffset(offset) < 0) {
            return null;
        }
        int start = offDtStruct() + offset + Fdt.TAG_SIZE;
        int end = start;
        while (buf[end] != 0) {
            end++;
        }
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** libfdt's fdt_nodename_eq_: exact, or {@code name} without '@' matching "name@unit". */
    private boolean nodeNameEquals(int offset, String s) {
        String n = nodeName(offset);
        if (n == null || n.length() < s.length() || !n.startsWith(s)) {
            return false;
        }
        if (n.length() == s.length()) {
            return true;
        }
        return s.indexOf('@') < 0 && n.charAt(s.length()) == '@';
    }

    /** fdt_subnode_offset: the direct child of {@code parent} named {@code name}. */
    public int subnodeOffset(int parent, String name) {
        int[] depth = {0};
        int offset = parent;
        for (; offset >= 0 && depth[0] >= 0; offset = nextNode(offset, depth)) {
            if (depth[0] == 1 && nodeNameEquals(offset, name)) {
                return offset;
            }
        }
        if (depth[0] < 0) {
            return FDT_ERR_NOTFOUND.negated();
        }
        return offset;
    }

    // ---------------------------------------------------------------- properties

    private int nextProp(int offset) {
        int[] next = new int[1];
        int tag;
        do {
            tag = nextTag(offset, next);
            switch (tag) {
                case Fdt.END:
                    if (next[0] >= 0) {
                        return FDT_ERR_BADSTRUCTURE.negated();
                    }
                    return next[0];
                case Fdt.PROP:
                    return offset;
                default:
                    break;
            }
            offset = next[0];
        } while (tag == Fdt.NOP);
        return FDT_ERR_NOTFOUND.negated();
    }

    public int firstPropertyOffset(int node) {
        int offset = checkNodeOffset(node);
        if (offset < 0) {
            return offset;
        }
        return nextProp(offset);
    }

    public int nextPropertyOffset(int prop) {
        int offset = checkPropOffset(prop);
        if (offset < 0) {
            return offset;
        }
        return nextProp(offset);
    }

    /** Value length of the property at {@code prop} (a valid property offset). */
    public int propLength(int prop) {
        return structWord(prop + 4);
    }

    /** Absolute buffer index of the property's value. */
    public int propDataIndex(int prop) {
        return offDtStruct() + prop + 12;
    }

    public int propNameOffset(int prop) {
        return structWord(prop + 8);
    }

    /** The property's name from the strings block, or null when its name offset is bad. */
    public String propName(int prop) {
        return stringAt(propNameOffset(prop));
    }

    /** A NUL-terminated string inside the strings block, or null. */
    public String stringAt(int stroff) {
        long size = sizeDtStrings() & 0xffffffffL;
        if (stroff < 0 || stroff >= size) {
            return null;
        }
        int start = offDtStrings() + stroff;
        int limit = (int) Math.min((long) offDtStrings() + size, buf.length);
        int end = start;
        while (end < limit && buf[end] != 0) {
            end++;
        }
        if (end >= limit) {
            return null;
        }
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    public byte[] propValue(int prop) {
        int idx = propDataIndex(prop);
        return Arrays.copyOfRange(buf, idx, idx + propLength(prop));
    }

    /** fdt_get_property: offset of {@code name} in {@code node}, or a negated error. */
    public int propertyOffset(int node, String name) {
        int offset = firstPropertyOffset(node);
        while (offset >= 0) {
            if (name.equals(propName(offset))) {
                return offset;
            }
            offset = nextPropertyOffset(offset);
        }
        return offset;
    }

    /** fdt_getprop: a copy of the value, or null when absent/broken. */
    public byte[] getProp(int node, String name) {
        int p = propertyOffset(node, name);
        return p < 0 ? null : propValue(p);
    }

    /** fdt_get_phandle: "phandle", else "linux,phandle", 4 bytes long; 0 when neither. */
    public long phandle(int node) {
        byte[] v = getProp(node, "phandle");
        if (v == null || v.length != 4) {
            v = getProp(node, "linux,phandle");
            if (v == null || v.length != 4) {
                return 0;
            }
        }
        return Bytes.u32(v, 0);
    }

    /** fdt_node_offset_by_phandle. */
    public int nodeOffsetByPhandle(long phandle) {
        if (phandle == 0 || phandle == 0xffffffffL) {
            return FDT_ERR_BADPHANDLE.negated();
        }
        int err = checkHeader();
        if (err != 0) {
            return err;
        }
        int offset;
        for (offset = nextNode(-1, null); offset >= 0; offset = nextNode(offset, null)) {
            if (phandle(offset) == phandle) {
                return offset;
            }
        }
        return offset;
    }

    /** fdt_find_max_phandle: the largest phandle in the tree (0 if none), or a negated error. */
    public long maxPhandle() {
        long max = 0;
        int offset = -1;
        while (true) {
            offset = nextNode(offset, null);
            if (offset < 0) {
                if (offset == FDT_ERR_NOTFOUND.negated()) {
                    break;
                }
                return offset;
            }
            max = Math.max(max, phandle(offset));
        }
        return max;
    }

    // ---------------------------------------------------------------- paths

    /** fdt_get_alias_namelen: the alias' value as a string, or null. */
    public String alias(String alias) {
        int aliases = pathOffset("/aliases");
        if (aliases < 0) {
            return null;
        }
        byte[] v = getProp(aliases, alias);
        return v == null ? null : cString(v);
    }

    private static String cString(byte[] v) {
        int n = 0;
        while (n < v.length && v[n] != 0) {
            n++;
        }
        return new String(v, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** fdt_path_offset: a path ("/a/b") or an alias-based path ("serial2", "mmc0/x"). */
    public int pathOffset(String path) {
        int err = checkHeader();
        if (err != 0) {
            return err;
        }
        int p = 0;
        int end = path.length();
        int offset = 0;
        if (end == 0 || path.charAt(0) != '/') {
            int q = path.indexOf('/');
            if (q < 0) {
                q = end;
            }
            String target = alias(path.substring(0, q));
            if (target == null) {
                return FDT_ERR_BADPATH.negated();
            }
            offset = pathOffset(target);
            p = q;
        }
        while (p < end) {
            while (path.charAt(p) == '/') {
                p++;
                if (p == end) {
                    return offset;
                }
            }
            int q = path.indexOf('/', p);
            if (q < 0) {
                q = end;
            }
            offset = subnodeOffset(offset, path.substring(p, q));
            if (offset < 0) {
                return offset;
            }
            p = q;
        }
        return offset;
    }

    /** Offsets of the node's ancestors, root first, ending with the node; null if not found. */
    private int[] ancestry(int node) {
        int[] stack = new int[64];
        int[] depth = {0};
        for (int offset = 0; offset >= 0; offset = nextNode(offset, depth)) {
            if (depth[0] >= stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[depth[0]] = offset;
            if (offset == node) {
                return Arrays.copyOf(stack, depth[0] + 1);
            }
            if (offset > node) {
                break;
            }
        }
        return null;
    }

    /** fdt_parent_offset, or a negated error. */
    public int parentOffset(int node) {
        int[] chain = ancestry(node);
        if (chain == null) {
            return FDT_ERR_BADOFFSET.negated();
        }
        if (chain.length < 2) {
            return FDT_ERR_NOTFOUND.negated();
        }
        return chain[chain.length - 2];
    }

    /** fdt_get_path: the full path of the node, or null for a bad offset. */
    public String path(int node) {
        int[] chain = ancestry(node);
        if (chain == null) {
            return null;
        }
        if (chain.length == 1) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < chain.length; i++) {
            sb.append('/').append(nodeName(chain[i]));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- memory reservation map

    public int numMemRsv() {
        int n = 0;
        int base = offMemRsvmap();
        while (base + (n + 1) * Fdt.RESERVE_ENTRY_SIZE <= buf.length) {
            int e = base + n * Fdt.RESERVE_ENTRY_SIZE;
            if (Bytes.be64(buf, e + 8) == 0) {
                return n;
            }
            n++;
        }
        return n;
    }

    /** {address, size} of reservation {@code n}. */
    public long[] memRsv(int n) {
        int e = offMemRsvmap() + n * Fdt.RESERVE_ENTRY_SIZE;
        return new long[] {Bytes.be64(buf, e), Bytes.be64(buf, e + 8)};
    }

    private int spliceMemRsv(int abs, int oldN, int newN) {
        int delta = (newN - oldN) * Fdt.RESERVE_ENTRY_SIZE;
        int err = splice(abs, oldN * Fdt.RESERVE_ENTRY_SIZE, newN * Fdt.RESERVE_ENTRY_SIZE);
        if (err != 0) {
            return err;
        }
        setOffDtStruct(offDtStruct() + delta);
        setOffDtStrings(offDtStrings() + delta);
        return 0;
    }

    /** fdt_add_mem_rsv. */
    public int addMemRsv(long address, long size) {
        int err = rwProbe();
        if (err != 0) {
            return err;
        }
        int abs = offMemRsvmap() + numMemRsv() * Fdt.RESERVE_ENTRY_SIZE;
        err = spliceMemRsv(abs, 0, 1);
        if (err != 0) {
            return err;
        }
        Bytes.put64(buf, abs, address);
        Bytes.put64(buf, abs + 8, size);
        return 0;
    }

    /** fdt_del_mem_rsv. */
    public int delMemRsv(int n) {
        int err = rwProbe();
        if (err != 0) {
            return err;
        }
        if (n >= numMemRsv()) {
            return FDT_ERR_NOTFOUND.negated();
        }
        return spliceMemRsv(offMemRsvmap() + n * Fdt.RESERVE_ENTRY_SIZE, 1, 0);
    }

    // ---------------------------------------------------------------- editing primitives

    /** fdt_splice_: move the used bytes after {@code abs+oldLen} so the hole becomes {@code newLen}. */
    private int splice(int abs, int oldLen, int newLen) {
        long dsize = dataSize() & 0xffffffffL;
        if (oldLen < 0 || (long) abs + oldLen > dsize) {
            return FDT_ERR_BADOFFSET.negated();
        }
        if (abs < 0 || dsize + newLen < oldLen) {
            return FDT_ERR_BADOFFSET.negated();
        }
        if (dsize - oldLen + newLen > totalSize()) {
            return FDT_ERR_NOSPACE.negated();
        }
        System.arraycopy(buf, abs + oldLen, buf, abs + newLen, (int) (dsize - abs - oldLen));
        return 0;
    }

    private int spliceStruct(int abs, int oldLen, int newLen) {
        int delta = newLen - oldLen;
        int err = splice(abs, oldLen, newLen);
        if (err != 0) {
            return err;
        }
        setSizeDtStruct(sizeDtStruct() + delta);
        setOffDtStrings(offDtStrings() + delta);
        return 0;
    }

    /** fdt_find_add_string_: offset of {@code s} in the strings block, appending it if absent. */
    private int findAddString(String s, boolean[] allocated) {
        byte[] want = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int strtab = offDtStrings();
        int size = sizeDtStrings();
        allocated[0] = false;
        int last = size - want.length;
        outer:
        for (int p = 0; p <= last; p++) {
            for (int i = 0; i < want.length; i++) {
                if (buf[strtab + p + i] != want[i]) {
                    continue outer;
                }
            }
            return p;
        }
        int err = splice(strtab + size, 0, want.length);
        if (err != 0) {
            return err;
        }
        setSizeDtStrings(size + want.length);
        System.arraycopy(want, 0, buf, strtab + size, want.length);
        allocated[0] = true;
        return size;
    }

    private void delLastString(String s) {
        int len = s.length() + 1;
        setSizeDtStrings(sizeDtStrings() - len);
    }

    /**
     * fdt_setprop_placeholder: makes room for {@code len} value bytes (resizing an existing
     * property in place, or inserting a new one as the node's first property) and returns the
     * absolute index of the value, or a negated error. The value bytes are left as they were.
     */
    public int setPropPlaceholder(int node, String propName, int len) {
        int err = rwProbe();
        if (err != 0) {
            return err;
        }
        int prop = propertyOffset(node, propName);
        if (prop >= 0) {
            int oldLen = propLength(prop);
            int data = propDataIndex(prop);
            err = spliceStruct(data, Fdt.tagAlign(oldLen), Fdt.tagAlign(len));
            if (err != 0) {
                return err;
            }
            Bytes.put32(buf, offDtStruct() + prop + 4, len);
            return propDataIndex(prop);
        }
        if (prop != FDT_ERR_NOTFOUND.negated()) {
            return prop;
        }
        int next = checkNodeOffset(node);
        if (next < 0) {
            return next;
        }
        boolean[] allocated = new boolean[1];
        int stroff = findAddString(propName, allocated);
        if (stroff < 0) {
            return stroff;
        }
        int abs = offDtStruct() + next;
        err = spliceStruct(abs, 0, 12 + Fdt.tagAlign(len));
        if (err != 0) {
            if (allocated[0]) {
                delLastString(propName);
            }
            return err;
        }
        Bytes.put32(buf, abs, Fdt.PROP);
        Bytes.put32(buf, abs + 4, len);
        Bytes.put32(buf, abs + 8, stroff);
        return abs + 12;
    }

    /** fdt_setprop: 0 or a negated error. */
    public int setProp(int node, String propName, byte[] value) {
        int data = setPropPlaceholder(node, propName, value.length);
        if (data < 0) {
            return data;
        }
        System.arraycopy(value, 0, buf, data, value.length);
        return 0;
    }

    /** fdt_setprop_inplace_namelen_partial: overwrite {@code value} at byte {@code idx} of an existing value. */
    public int setPropInplacePartial(int node, String propName, int idx, byte[] value) {
        int prop = propertyOffset(node, propName);
        if (prop < 0) {
            return prop;
        }
        // libfdt does not check a negative idx and writes in front of the value; refuse it instead
        if (idx < 0 || (long) propLength(prop) < (long) idx + value.length) {
            return FDT_ERR_NOSPACE.negated();
        }
        System.arraycopy(value, 0, buf, propDataIndex(prop) + idx, value.length);
        return 0;
    }

    /** fdt_setprop_inplace: the value must have exactly the existing length. */
    public int setPropInplace(int node, String propName, byte[] value) {
        int prop = propertyOffset(node, propName);
        if (prop < 0) {
            return prop;
        }
        if (propLength(prop) != value.length) {
            return FDT_ERR_NOSPACE.negated();
        }
        return setPropInplacePartial(node, propName, 0, value);
    }

    /** fdt_delprop: removes the property; what follows moves up. 0 or a negated error. */
    public int delProp(int node, String propName) {
        int err = rwProbe();
        if (err != 0) {
            return err;
        }
        int prop = propertyOffset(node, propName);
        if (prop < 0) {
            return prop;
        }
        return spliceStruct(offDtStruct() + prop, 12 + Fdt.tagAlign(propLength(prop)), 0);
    }

    /** fdt_del_node: removes the node and everything below it. 0 or a negated error. */
    public int delNode(int node) {
        int err = rwProbe();
        if (err != 0) {
            return err;
        }
        int[] depth = {0};
        int end = node;
        while (end >= 0 && depth[0] >= 0) {
            end = nextNode(end, depth);
        }
        if (end < 0) {
            return end;
        }
        return spliceStruct(offDtStruct() + node, end - node, 0);
    }

    /** fdt_add_subnode: the new node's offset (placed as first child), or a negated error. */
    public int addSubnode(int parent, String nodeName) {
        int err = rwProbe();
        if (err != 0) {
            return err;
        }
        int offset = subnodeOffset(parent, nodeName);
        if (offset >= 0) {
            return FDT_ERR_EXISTS.negated();
        } else if (offset != FDT_ERR_NOTFOUND.negated()) {
            return offset;
        }
        int[] next = new int[1];
        nextTag(parent, next); // skip the BEGIN_NODE
        int tag;
        do {
            offset = next[0];
            tag = nextTag(offset, next);
        } while (tag == Fdt.PROP || tag == Fdt.NOP);
        if (offset < 0) {
            return offset;
        }
        byte[] nameBytes = nodeName.getBytes(StandardCharsets.ISO_8859_1);
        int nameSpace = Fdt.tagAlign(nameBytes.length + 1);
        int nodeLen = 4 + nameSpace + 4;
        int abs = offDtStruct() + offset;
        err = spliceStruct(abs, 0, nodeLen);
        if (err != 0) {
            return err;
        }
        Bytes.put32(buf, abs, Fdt.BEGIN_NODE);
        Arrays.fill(buf, abs + 4, abs + 4 + nameSpace, (byte) 0);
        System.arraycopy(nameBytes, 0, buf, abs + 4, nameBytes.length);
        Bytes.put32(buf, abs + nodeLen - 4, Fdt.END_NODE);
        return offset;
    }

    // ---------------------------------------------------------------- whole-blob operations

    /**
     * fdt_open_into: a copy of this blob in a new buffer of {@code bufSize} bytes, in canonical
     * block order, version 17, with {@code totalsize = bufSize}.
     */
    public FdtBlob openInto(int bufSize) {
        int err = checkHeader();
        if (err != 0) {
            throw fail(err, "fdt_open_into: header check failed");
        }
        int memRsvSize = (numMemRsv() + 1) * Fdt.RESERVE_ENTRY_SIZE;
        int structSize;
        if (version() >= 17) {
            structSize = sizeDtStruct();
        } else if (version() == 16) {
            int[] next = {0};
            structSize = 0;
            while (nextTag(structSize, next) != Fdt.END) {
                structSize = next[0];
            }
            if (next[0] < 0) {
                throw fail(next[0], "fdt_open_into: structure block has no FDT_END");
            }
            structSize = next[0];
        } else {
            throw fail(FDT_ERR_BADVERSION.negated(), "fdt_open_into: version " + version() + " cannot be converted");
        }
        byte[] out = new byte[bufSize];
        if (!blocksMisordered(memRsvSize, structSize)) {
            if (totalSize() > bufSize) {
                throw fail(FDT_ERR_NOSPACE.negated(), "fdt_open_into: blob of " + totalSize()
                        + " bytes does not fit in " + bufSize);
            }
            System.arraycopy(buf, 0, out, 0, (int) totalSize());
            FdtBlob b = new FdtBlob(out, name);
            b.setVersion(17);
            b.setSizeDtStruct(structSize);
            b.setTotalSize(bufSize);
            return b;
        }
        int newSize = 40 + memRsvSize + structSize + sizeDtStrings();
        if (bufSize < newSize) {
            throw fail(FDT_ERR_NOSPACE.negated(), "fdt_open_into: " + newSize + " bytes needed, buffer has " + bufSize);
        }
        byte[] packed = packBlocks(memRsvSize, structSize);
        System.arraycopy(packed, 0, out, 0, packed.length);
        FdtBlob b = new FdtBlob(out, name);
        b.setMagic(Fdt.MAGIC);
        b.setTotalSize(bufSize);
        b.setVersion(17);
        b.setLastCompVersion(16);
        b.setBootCpuidPhys(bootCpuidPhys());
        return b;
    }

    /** fdt_packblocks_ into a fresh array: header words copied, blocks laid out back to back. */
    private byte[] packBlocks(int memRsvSize, int structSize) {
        int memRsvOff = 40;
        int structOff = memRsvOff + memRsvSize;
        int stringsOff = structOff + structSize;
        byte[] out = new byte[stringsOff + sizeDtStrings()];
        System.arraycopy(buf, 0, out, 0, 40);
        System.arraycopy(buf, offMemRsvmap(), out, memRsvOff, memRsvSize);
        System.arraycopy(buf, offDtStruct(), out, structOff, structSize);
        System.arraycopy(buf, offDtStrings(), out, stringsOff, sizeDtStrings());
        Bytes.put32(out, 0x10, memRsvOff);
        Bytes.put32(out, 0x08, structOff);
        Bytes.put32(out, 0x24, structSize);
        Bytes.put32(out, 0x0c, stringsOff);
        Bytes.put32(out, 0x20, sizeDtStrings());
        return out;
    }

    /** fdt_pack: blocks back to back with no free space; totalsize becomes the used size. */
    public void pack() {
        int err = rwProbe();
        if (err != 0) {
            throw fail(err, "fdt_pack: blob is not writable");
        }
        int memRsvSize = (numMemRsv() + 1) * Fdt.RESERVE_ENTRY_SIZE;
        byte[] packed = packBlocks(memRsvSize, sizeDtStruct());
        // the blocks only move towards the start, as libfdt's memmove does; the tail keeps its bytes
        System.arraycopy(packed, 0, buf, 0, packed.length);
        setTotalSize(packed.length);
    }

    /**
     * U-Boot's {@code fdt resize [extra]} (fdt_shrink_to_minimum): totalsize becomes the used
     * size plus room for five reservations plus {@code extra}, rounded up so that the blob ends
     * on a 4 KiB boundary of the address it is loaded at. A reservation of the blob itself is
     * re-added with the new size. The buffer grows as needed (it stands for board RAM).
     *
     * @return the new totalsize
     */
    public int resize(long extra, long loadAddress) {
        return resize(extra, loadAddress, false);
    }

    /**
     * {@code fdt resize} with a choice of U-Boot generation: older U-Boot (before the
     * reservation became conditional) always adds a reservation for the blob itself, so
     * {@code alwaysReserveSelf = true} models those; current U-Boot only re-adds one that existed.
     */
    public int resize(long extra, long loadAddress, boolean alwaysReserveSelf) {
        int err = checkHeader();
        if (err != 0) {
            throw fail(err, "fdt resize: header check failed");
        }
        boolean hadSelfReservation = false;
        int total = numMemRsv();
        for (int i = 0; i < total; i++) {
            if (memRsv(i)[0] == loadAddress) {
                delMemRsv(i);
                hadSelfReservation = true;
                break;
            }
        }
        long actual = (long) dataSize() + 5L * Fdt.RESERVE_ENTRY_SIZE + extra;
        long pageOff = loadAddress & 0xfff;
        actual = ((actual + pageOff + 0xfff) & ~0xfffL) - pageOff;
        actual &= 0xffffffffL;
        if (actual > buf.length) {
            buf = Arrays.copyOf(buf, (int) actual);
        }
        setTotalSize((int) actual);
        if (hadSelfReservation || alwaysReserveSelf) {
            err = addMemRsv(loadAddress, actual);
            if (err != 0) {
                throw fail(err, "fdt resize: cannot re-add the blob's own reservation");
            }
        }
        return (int) actual;
    }

    private FdtException fail(int negErr, String detail) {
        return new FdtException(FdtError.fromReturn(negErr), name, detail);
    }
}
