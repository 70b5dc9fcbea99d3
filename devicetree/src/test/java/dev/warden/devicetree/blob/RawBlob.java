package dev.warden.devicetree.blob;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds raw structure blocks token by token, so tests can make blobs dtc would never write. */
final class RawBlob {
    private final ByteArrayOutputStream struct = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private int reservations;

    RawBlob reservation() {
        reservations++;
        return this;
    }

    RawBlob word(int v) {
        struct.write(Bytes.of32(v), 0, 4);
        return this;
    }

    RawBlob begin(String name) {
        word(Fdt.BEGIN_NODE);
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        struct.write(n, 0, n.length);
        int len = n.length + 1;
        struct.write(0);
        while (len % 4 != 0) {
            struct.write(0);
            len++;
        }
        return this;
    }

    RawBlob end() {
        return word(Fdt.END_NODE);
    }

    /** A u32 property whose name is appended to the strings block. */
    RawBlob prop(String name, int value) {
        int off = strings.size();
        byte[] n = (name + "\0").getBytes(StandardCharsets.ISO_8859_1);
        strings.write(n, 0, n.length);
        return word(Fdt.PROP).word(4).word(off).word(value);
    }

    /** A property with an explicit name offset and length (possibly bogus). */
    RawBlob rawProp(int len, int nameoff) {
        word(Fdt.PROP).word(len).word(nameoff);
        for (int i = 0; i < (len + 3) / 4; i++) {
            word(0);
        }
        return this;
    }

    RawBlob rawStrings(byte[] bytes) {
        strings.write(bytes, 0, bytes.length);
        return this;
    }

    /** The whole blob in dtc's layout; reservations are (0x1000*i, 0x1000). */
    byte[] build() {
        byte[] s = struct.toByteArray();
        byte[] str = strings.toByteArray();
        int rsv = 40;
        int structOff = rsv + (reservations + 1) * 16;
        int stringsOff = structOff + s.length;
        byte[] out = new byte[stringsOff + str.length];
        Bytes.put32(out, 0, Fdt.MAGIC);
        Bytes.put32(out, 4, out.length);
        Bytes.put32(out, 8, structOff);
        Bytes.put32(out, 12, stringsOff);
        Bytes.put32(out, 16, rsv);
        Bytes.put32(out, 20, 17);
        Bytes.put32(out, 24, 16);
        Bytes.put32(out, 32, str.length);
        Bytes.put32(out, 36, s.length);
        for (int i = 0; i < reservations; i++) {
            Bytes.put64(out, rsv + i * 16, 0x1000L * (i + 1));
            Bytes.put64(out, rsv + i * 16 + 8, 0x1000L);
        }
        System.arraycopy(s, 0, out, structOff, s.length);
        System.arraycopy(str, 0, out, stringsOff, str.length);
        return out;
    }
}
