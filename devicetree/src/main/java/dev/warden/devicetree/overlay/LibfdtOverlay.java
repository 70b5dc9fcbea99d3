package dev.warden.devicetree.overlay;

import static dev.warden.devicetree.FdtError.FDT_ERR_BADOFFSET;
import static dev.warden.devicetree.FdtError.FDT_ERR_BADOVERLAY;
import static dev.warden.devicetree.FdtError.FDT_ERR_BADPHANDLE;
import static dev.warden.devicetree.FdtError.FDT_ERR_BADVALUE;
import static dev.warden.devicetree.FdtError.FDT_ERR_INTERNAL;
import static dev.warden.devicetree.FdtError.FDT_ERR_NOPHANDLES;
import static dev.warden.devicetree.FdtError.FDT_ERR_NOSPACE;
import static dev.warden.devicetree.FdtError.FDT_ERR_NOTFOUND;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.blob.Bytes;
import dev.warden.devicetree.blob.FdtBlob;
import java.nio.charset.StandardCharsets;

/**
 * One run of libfdt 1.6.1's {@code fdt_overlay_apply(base, overlay)} on two blobs, step by step
 * as libfdt does it: renumber the overlay's phandles, apply local fixups, resolve external
 * fixups through the base's {@code __symbols__}, merge every fragment into its target, update
 * the base's {@code __symbols__}, then poison the overlay (and the base too on failure).
 *
 * <p>Every step returns 0 or a negated libfdt error, exactly like the C code, so the error that
 * comes out is the one libfdt would give. {@link #detail()} says in words what went wrong.
 */
final class LibfdtOverlay {
    private static final int NOTFOUND = FDT_ERR_NOTFOUND.negated();

    private final FdtBlob fdt;
    private final FdtBlob fdto;
    private String detail = "";
    private int where = -1;

    LibfdtOverlay(FdtBlob base, FdtBlob overlay) {
        this.fdt = base;
        this.fdto = overlay;
    }

    String detail() {
        return detail;
    }

    /** Byte offset in the overlay file of the node or property the failure is about, or -1. */
    long detailOffset() {
        return where < 0 ? -1 : (fdto.offDtStruct() & 0xffffffffL) + where;
    }

    /** Notes which overlay token (structure offset) the next failure is about. */
    private LibfdtOverlay at(int structOffset) {
        if (detail.isEmpty()) {
            where = structOffset;
        }
        return this;
    }

    private int fail(int err, String why) {
        if (detail.isEmpty()) {
            detail = why;
        }
        return err;
    }

    /** fdt_overlay_apply: 0 or a negated error. */
    int apply() {
        int err = fdt.checkHeader();
        if (err != 0) {
            return fail(err, "base " + fdt.name() + " is not a valid device tree (" + errName(err) + ")");
        }
        err = fdto.checkHeader();
        if (err != 0) {
            return fail(err, "overlay " + fdto.name() + " is not a valid device tree (" + errName(err) + ")");
        }
        int ret = run();
        fdto.setMagic(~0);
        if (ret != 0) {
            fdt.setMagic(~0);
        }
        return ret;
    }

    private int run() {
        long delta = fdt.maxPhandle();
        if (delta < 0) {
            return fail((int) delta, "cannot scan the base's phandles");
        }
        int ret = adjustNodePhandles(0, (int) delta);
        if (ret != 0) {
            return ret;
        }
        ret = updateLocalReferences((int) delta);
        if (ret != 0) {
            return ret;
        }
        ret = fixupPhandles();
        if (ret != 0) {
            return ret;
        }
        ret = merge();
        if (ret != 0) {
            return ret;
        }
        return symbolUpdate();
    }

    private static String errName(int err) {
        return FdtError.fromReturn(err).name();
    }

    // ---------------------------------------------------------------- step 3: renumber

    private int adjustNodePhandles(int node, int delta) {
        int ret = phandleAddOffset(node, "phandle", delta);
        if (ret != 0 && ret != NOTFOUND) {
            return ret;
        }
        ret = phandleAddOffset(node, "linux,phandle", delta);
        if (ret != 0 && ret != NOTFOUND) {
            return ret;
        }
        for (int child = fdto.firstSubnode(node); child >= 0; child = fdto.nextSubnode(child)) {
            ret = adjustNodePhandles(child, delta);
            if (ret != 0) {
                return ret;
            }
        }
        return 0;
    }

    private int phandleAddOffset(int node, String name, int delta) {
        int prop = fdto.propertyOffset(node, name);
        if (prop < 0) {
            return prop;
        }
        if (fdto.propLength(prop) != 4) {
            return at(prop).fail(FDT_ERR_BADPHANDLE.negated(), "overlay node " + fdto.path(node) + ": " + name
                    + " is " + fdto.propLength(prop) + " bytes, expected 4");
        }
        long value = Bytes.u32(fdto.propValue(prop), 0);
        long adjusted = value + (delta & 0xffffffffL);
        if (adjusted > 0xffffffffL || adjusted == 0xffffffffL) {
            return at(prop).fail(FDT_ERR_NOPHANDLES.negated(), "overlay node " + fdto.path(node) + ": phandle 0x"
                    + Long.toHexString(value) + " + 0x" + Integer.toHexString(delta) + " overflows");
        }
        return fdto.setPropInplace(node, name, Bytes.of32((int) adjusted));
    }

    // ---------------------------------------------------------------- step 4: local fixups

    private int updateLocalReferences(int delta) {
        int fixups = fdto.pathOffset("/__local_fixups__");
        if (fixups < 0) {
            return fixups == NOTFOUND ? 0 : fixups;
        }
        return updateLocalNodeReferences(0, fixups, delta);
    }

    private int updateLocalNodeReferences(int treeNode, int fixupNode, int delta) {
        for (int fixupProp = fdto.firstPropertyOffset(fixupNode); fixupProp >= 0;
                fixupProp = fdto.nextPropertyOffset(fixupProp)) {
            String name = fdto.propName(fixupProp);
            byte[] offsets = fdto.propValue(fixupProp);
            at(fixupProp);
            if (name == null) {
                return fail(FDT_ERR_BADOVERLAY.negated(), "__local_fixups__ property with a bad name offset");
            }
            if (offsets.length % 4 != 0) {
                return fail(FDT_ERR_BADOVERLAY.negated(), "__local_fixups__ of " + fdto.path(treeNode) + ":" + name
                        + " is " + offsets.length + " bytes, expected a multiple of 4");
            }
            int treeProp = fdto.propertyOffset(treeNode, name);
            if (treeProp < 0) {
                if (treeProp == NOTFOUND) {
                    return fail(FDT_ERR_BADOVERLAY.negated(), "__local_fixups__ names " + fdto.path(treeNode) + ":"
                            + name + ", but the overlay has no such property");
                }
                return treeProp;
            }
            for (int i = 0; i < offsets.length; i += 4) {
                long poffset = Bytes.u32(offsets, i);
                int treeLen = fdto.propLength(treeProp);
                if (poffset + 4 > treeLen) {
                    // libfdt's in-place write reports NOSPACE, which this step turns into BADOVERLAY
                    return fail(FDT_ERR_BADOVERLAY.negated(), "__local_fixups__ offset " + poffset + " is outside "
                            + fdto.path(treeNode) + ":" + name + " (" + treeLen + " bytes)");
                }
                byte[] value = fdto.propValue(treeProp);
                int adjusted = Bytes.be32(value, (int) poffset) + delta;
                int ret = fdto.setPropInplacePartial(treeNode, name, (int) poffset, Bytes.of32(adjusted));
                if (ret == FDT_ERR_NOSPACE.negated()) {
                    return fail(FDT_ERR_BADOVERLAY.negated(), "local fixup outside the property");
                }
                if (ret != 0) {
                    return ret;
                }
            }
        }
        for (int fixupChild = fdto.firstSubnode(fixupNode); fixupChild >= 0;
                fixupChild = fdto.nextSubnode(fixupChild)) {
            String childName = fdto.nodeName(fixupChild);
            int treeChild = fdto.subnodeOffset(treeNode, childName);
            if (treeChild == NOTFOUND) {
                return at(fixupChild).fail(FDT_ERR_BADOVERLAY.negated(), "__local_fixups__ names node " + childName + " under "
                        + fdto.path(treeNode) + ", but the overlay has no such node");
            }
            if (treeChild < 0) {
                return treeChild;
            }
            int ret = updateLocalNodeReferences(treeChild, fixupChild, delta);
            if (ret != 0) {
                return ret;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- step 5: external fixups

    private int fixupPhandles() {
        int fixups = fdto.pathOffset("/__fixups__");
        if (fixups == NOTFOUND) {
            return 0;
        }
        if (fixups < 0) {
            return fixups;
        }
        int symbols = fdt.pathOffset("/__symbols__");
        if (symbols < 0 && symbols != NOTFOUND) {
            return symbols;
        }
        for (int prop = fdto.firstPropertyOffset(fixups); prop >= 0; prop = fdto.nextPropertyOffset(prop)) {
            at(prop);
            int ret = fixupPhandle(symbols, prop);
            if (ret != 0) {
                return ret;
            }
        }
        return 0;
    }

    private int fixupPhandle(int symbols, int prop) {
        String label = fdto.propName(prop);
        byte[] value = fdto.propValue(prop);
        if (label == null) {
            return fail(FDT_ERR_INTERNAL.negated(), "__fixups__ property with a bad name offset");
        }
        int pos = 0;
        int len = value.length;
        do {
            int nul = indexOf(value, (byte) 0, pos, pos + len);
            if (nul < 0) {
                return badFixup(label, "is not NUL-terminated");
            }
            String entry = new String(value, pos, nul - pos, StandardCharsets.ISO_8859_1);
            len -= entry.length() + 1;
            pos = nul + 1;

            int c1 = entry.indexOf(':');
            if (c1 < 0) {
                return badFixup(label, "entry '" + entry + "' is not <path>:<property>:<offset>");
            }
            if (c1 == entry.length() - 1) {
                return badFixup(label, "entry '" + entry + "' has nothing after the path");
            }
            String rest = entry.substring(c1 + 1);
            int c2 = rest.indexOf(':');
            if (c2 < 0) {
                return badFixup(label, "entry '" + entry + "' is not <path>:<property>:<offset>");
            }
            if (c2 == 0) {
                return badFixup(label, "entry '" + entry + "' has an empty property name");
            }
            String digits = rest.substring(c2 + 1);
            long poffset = parseStrtoul(digits);
            if (poffset < 0) {
                return badFixup(label, "entry '" + entry + "' has a non-numeric offset");
            }
            int ret = fixupOnePhandle(symbols, entry.substring(0, c1), rest.substring(0, c2), poffset, label);
            if (ret != 0) {
                return ret;
            }
        } while (len > 0);
        return 0;
    }

    /**
     * The offset part of a fixup entry, read like libfdt's strtoul(..., 10) into an int: it must
     * be all digits (after optional blanks and sign). Returns -1 when it is not a number; values
     * that do not fit an int (libfdt would write outside the property) come back as
     * Integer.MAX_VALUE, which the in-place write then refuses.
     */
    private static long parseStrtoul(String s) {
        String t = s.stripLeading();
        boolean negative = t.startsWith("-");
        if (t.startsWith("+") || negative) {
            t = t.substring(1);
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        if (negative || t.length() > 10 || Long.parseLong(t) > Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return Long.parseLong(t);
    }

    private int badFixup(String label, String why) {
        return fail(FDT_ERR_BADOVERLAY.negated(), "__fixups__/" + label + " " + why);
    }

    private int fixupOnePhandle(int symbols, String path, String propName, long poffset, String label) {
        if (symbols < 0) {
            return fail(symbols, "label '" + label + "' cannot be resolved: the base has no /__symbols__"
                    + " node (compile the base with dtc -@)");
        }
        byte[] symbolPath = fdt.getProp(symbols, label);
        if (symbolPath == null) {
            int err = fdt.propertyOffset(symbols, label);
            return fail(err, "label '" + label + "' (used at " + path + ":" + propName + ":" + poffset
                    + ") is not in the base's /__symbols__");
        }
        String target = cString(symbolPath);
        int symbolOff = fdt.pathOffset(target);
        if (symbolOff < 0) {
            return fail(symbolOff, "label '" + label + "' points to " + target + ", which is not in the base");
        }
        long phandle = fdt.phandle(symbolOff);
        if (phandle == 0) {
            return fail(NOTFOUND, "base node " + target + " (label '" + label + "') has no phandle");
        }
        int fixupOff = fdto.pathOffset(path);
        if (fixupOff == NOTFOUND) {
            return fail(FDT_ERR_BADOVERLAY.negated(), "__fixups__/" + label + " names " + path
                    + ", which is not in the overlay");
        }
        if (fixupOff < 0) {
            return fail(fixupOff, "__fixups__/" + label + " names the bad path " + path);
        }
        int ret = fdto.setPropInplacePartial(fixupOff, propName, (int) poffset, Bytes.of32((int) phandle));
        if (ret != 0) {
            return fail(ret, "__fixups__/" + label + " cannot write " + path + ":" + propName + ":" + poffset);
        }
        return 0;
    }

    // ---------------------------------------------------------------- step 7: merge

    private int merge() {
        for (int fragment = fdto.firstSubnode(0); fragment >= 0; fragment = fdto.nextSubnode(fragment)) {
            int overlay = fdto.subnodeOffset(fragment, "__overlay__");
            if (overlay == NOTFOUND) {
                continue;
            }
            if (overlay < 0) {
                return overlay;
            }
            Target target = target(fragment);
            if (target.offset < 0) {
                return target.offset;
            }
            int ret = applyNode(target.offset, overlay);
            if (ret != 0) {
                return fail(ret, "merging " + fdto.path(fragment) + " into " + describe(target) + " failed");
            }
        }
        return 0;
    }

    private String describe(Target t) {
        return t.path != null ? "'" + t.path + "'" : fdt.path(t.offset);
    }

    /** A fragment's target node in the base and the target-path string if one was used. */
    private static final class Target {
        final int offset;
        final String path;

        Target(int offset, String path) {
            this.offset = offset;
            this.path = path;
        }
    }

    /** overlay_get_target. */
    private Target target(int fragment) {
        String fragPath = fdto.path(fragment);
        at(fragment);
        long phandle;
        byte[] t = fdto.getProp(fragment, "target");
        if (t == null) {
            phandle = 0;
        } else if (t.length != 4 || Bytes.u32(t, 0) == 0xffffffffL) {
            return new Target(fail(FDT_ERR_BADPHANDLE.negated(), fragPath + ": target must be one resolved phandle"
                    + " (4 bytes, not 0xffffffff), found " + t.length + " bytes"), null);
        } else {
            phandle = Bytes.u32(t, 0);
        }
        int ret;
        String path = null;
        boolean pathMissing = false;
        if (phandle == 0) {
            int pathProp = fdto.propertyOffset(fragment, "target-path");
            if (pathProp >= 0) {
                path = cString(fdto.propValue(pathProp));
                ret = fdt.pathOffset(path);
                if (ret < 0) {
                    fail(ret, fragPath + ": target-path '" + path + "' "
                            + (ret == FdtError.FDT_ERR_BADPATH.negated() ? "is not an absolute path nor a known alias"
                                    : "is not in the base"));
                }
            } else {
                ret = pathProp;
                pathMissing = pathProp == NOTFOUND;
            }
        } else {
            ret = fdt.nodeOffsetByPhandle(phandle);
            if (ret < 0) {
                fail(ret, fragPath + ": target phandle 0x" + Long.toHexString(phandle) + " is not in the base");
            }
        }
        if (ret < 0 && pathMissing) {
            ret = fail(FDT_ERR_BADOVERLAY.negated(), fragPath + " has __overlay__ but neither target nor target-path");
        }
        return new Target(ret, ret < 0 ? null : path);
    }

    private int applyNode(int target, int node) {
        for (int prop = fdto.firstPropertyOffset(node); prop >= 0; prop = fdto.nextPropertyOffset(prop)) {
            String name = fdto.propName(prop);
            at(prop);
            if (name == null) {
                return FDT_ERR_INTERNAL.negated();
            }
            int ret = fdt.setProp(target, name, fdto.propValue(prop));
            if (ret != 0) {
                return fail(ret, "cannot set " + name + " on " + fdt.path(target));
            }
        }
        for (int sub = fdto.firstSubnode(node); sub >= 0; sub = fdto.nextSubnode(sub)) {
            String name = fdto.nodeName(sub);
            at(sub);
            int nnode = fdt.addSubnode(target, name);
            if (nnode == FdtError.FDT_ERR_EXISTS.negated()) {
                nnode = fdt.subnodeOffset(target, name);
                if (nnode == NOTFOUND) {
                    return FDT_ERR_INTERNAL.negated();
                }
            }
            if (nnode < 0) {
                return fail(nnode, "cannot add node " + name + " under " + fdt.path(target));
            }
            int ret = applyNode(nnode, sub);
            if (ret != 0) {
                return ret;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- step 8: symbols

    private int symbolUpdate() {
        int ovSym = fdto.subnodeOffset(0, "__symbols__");
        if (ovSym < 0) {
            return 0;
        }
        int rootSym = fdt.subnodeOffset(0, "__symbols__");
        if (rootSym == NOTFOUND) {
            rootSym = fdt.addSubnode(0, "__symbols__");
        }
        if (rootSym < 0) {
            return fail(rootSym, "cannot create /__symbols__ in the base");
        }
        for (int prop = fdto.firstPropertyOffset(ovSym); prop >= 0; prop = fdto.nextPropertyOffset(prop)) {
            String name = fdto.propName(prop);
            at(prop);
            if (name == null) {
                // fdt_getprop_by_offset gives no value when the name's string offset is broken
                return fail(FDT_ERR_BADOFFSET.negated(),
                        "an overlay symbol's name lies outside the strings block");
            }
            byte[] path = fdto.propValue(prop);
            if (path.length < 1 || indexOf(path, (byte) 0, 0, path.length) != path.length - 1) {
                return fail(FDT_ERR_BADVALUE.negated(), "overlay symbol " + name + " is not a single string");
            }
            String p = new String(path, 0, path.length - 1, StandardCharsets.ISO_8859_1);
            if (!p.startsWith("/")) {
                return fail(FDT_ERR_BADVALUE.negated(), "overlay symbol " + name + " = '" + p + "' is not a path");
            }
            int s = p.indexOf('/', 1);
            if (s < 0) {
                continue; // refers to something that does not end up in the base
            }
            String fragName = p.substring(1, s);
            String tail = p.substring(s);
            String relPath;
            if (tail.length() + 1 > "/__overlay__/".length() && tail.startsWith("/__overlay__/")) {
                relPath = tail.substring("/__overlay__/".length());
            } else if (tail.length() + 1 == "/__overlay__/".length() && tail.equals("/__overlay__")) {
                relPath = "";
            } else {
                continue;
            }
            int fragment = fdto.subnodeOffset(0, fragName);
            if (fragment < 0) {
                return fail(FDT_ERR_BADOVERLAY.negated(), "overlay symbol " + name + " names fragment " + fragName
                        + ", which is not in the overlay");
            }
            if (fdto.subnodeOffset(fragment, "__overlay__") < 0) {
                return fail(FDT_ERR_BADOVERLAY.negated(), "overlay symbol " + name + ": fragment " + fragName
                        + " has no __overlay__");
            }
            Target target = target(fragment);
            if (target.offset < 0) {
                return target.offset;
            }
            String targetPath = target.path != null ? target.path : fdt.path(target.offset);
            int len = targetPath.length();
            StringBuilder value = new StringBuilder();
            if (len > 1) {
                value.append(targetPath);
            }
            value.append('/').append(relPath);
            byte[] bytes = (value + "\0").getBytes(StandardCharsets.ISO_8859_1);
            int ret = fdt.setProp(rootSym, name, bytes);
            if (ret != 0) {
                return fail(ret, "cannot set /__symbols__/" + name + " in the base");
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- helpers

    private static int indexOf(byte[] b, byte v, int from, int to) {
        for (int i = from; i < to && i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static String cString(byte[] v) {
        int n = indexOf(v, (byte) 0, 0, v.length);
        return new String(v, 0, n < 0 ? v.length : n, StandardCharsets.ISO_8859_1);
    }
}
