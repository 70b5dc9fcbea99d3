package dev.warden.config;

import java.io.ByteArrayOutputStream;

/** Little-endian byte sink for encoding configuration structs. */
public final class LeWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public LeWriter u8(int v) {
        out.write(v & 0xff);
        return this;
    }

    public LeWriter u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    public LeWriter u32(int v) {
        return u16(v).u16(v >>> 16);
    }

    public LeWriter u64(long v) {
        return u32((int) v).u32((int) (v >>> 32));
    }

    public LeWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    public LeWriter raw(RawBytes b) {
        return bytes(b.toArray());
    }

    /** Writes {@code b} into a field of exactly {@code width} bytes, zero padded. */
    public LeWriter fixed(RawBytes b, int width) {
        byte[] a = b.toArray();
        if (a.length > width) {
            throw new IllegalArgumentException("field of " + width + " bytes cannot hold " + a.length);
        }
        bytes(a);
        return zeros(width - a.length);
    }

    public LeWriter zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
