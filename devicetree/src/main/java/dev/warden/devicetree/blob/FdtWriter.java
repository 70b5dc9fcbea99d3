package dev.warden.devicetree.blob;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import dev.warden.devicetree.model.ReserveEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link DeviceTree} as a version-17 blob laid out exactly like dtc's output: header,
 * reservations (8-aligned, zero-terminated), structure block in tree order, strings block with
 * dtc's reuse of earlier strings (tail matches included), no free space.
 */
public final class FdtWriter {
    private final ByteArrayOutputStream struct = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();

    private FdtWriter() {
    }

    public static byte[] write(DeviceTree tree) {
        FdtWriter w = new FdtWriter();
        w.node(tree.root());
        w.word(Fdt.END);
        return w.assemble(tree);
    }

    private void node(Node n) {
        word(Fdt.BEGIN_NODE);
        bytesPadded(n.name().getBytes(StandardCharsets.ISO_8859_1), true);
        for (Property p : n.properties()) {
            word(Fdt.PROP);
            word(p.length());
            word(stringOffset(p.name()));
            bytesPadded(p.value(), false);
        }
        for (Node c : n.children()) {
            node(c);
        }
        word(Fdt.END_NODE);
    }

    private int stringOffset(String name) {
        byte[] table = strings.toByteArray();
        byte[] want = (name + "\0").getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + want.length <= table.length; i++) {
            for (int j = 0; j < want.length; j++) {
                if (table[i + j] != want[j]) {
                    continue outer;
                }
            }
            return i;
        }
        strings.write(want, 0, want.length);
        return table.length;
    }

    private void word(int v) {
        struct.write(Bytes.of32(v), 0, 4);
    }

    private void bytesPadded(byte[] v, boolean nulTerminate) {
        struct.write(v, 0, v.length);
        int n = v.length + (nulTerminate ? 1 : 0);
        if (nulTerminate) {
            struct.write(0);
        }
        while (n % 4 != 0) {
            struct.write(0);
            n++;
        }
    }

    private byte[] assemble(DeviceTree tree) {
        int rsvOff = Fdt.HEADER_SIZE_V17; // 40, already 8-aligned
        int rsvSize = (tree.reservations().size() + 1) * Fdt.RESERVE_ENTRY_SIZE;
        byte[] s = struct.toByteArray();
        byte[] str = strings.toByteArray();
        int structOff = rsvOff + rsvSize;
        int stringsOff = structOff + s.length;
        int total = stringsOff + str.length;
        byte[] out = new byte[total];
        Bytes.put32(out, 0x00, Fdt.MAGIC);
        Bytes.put32(out, 0x04, total);
        Bytes.put32(out, 0x08, structOff);
        Bytes.put32(out, 0x0c, stringsOff);
        Bytes.put32(out, 0x10, rsvOff);
        Bytes.put32(out, 0x14, 17);
        Bytes.put32(out, 0x18, 16);
        Bytes.put32(out, 0x1c, tree.bootCpuidPhys());
        Bytes.put32(out, 0x20, str.length);
        Bytes.put32(out, 0x24, s.length);
        int e = rsvOff;
        for (ReserveEntry r : tree.reservations()) {
            Bytes.put64(out, e, r.address());
            Bytes.put64(out, e + 8, r.size());
            e += Fdt.RESERVE_ENTRY_SIZE;
        }
        System.arraycopy(s, 0, out, structOff, s.length);
        System.arraycopy(str, 0, out, stringsOff, str.length);
        return out;
    }
}
