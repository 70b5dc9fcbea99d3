package dev.warden.config;

import java.util.Arrays;
import java.util.HexFormat;

/** Bytes kept verbatim (padding, reserved fields) so that decode then encode is byte-exact. */
public final class RawBytes {
    public static final RawBytes EMPTY = new RawBytes(new byte[0]);

    private final byte[] bytes;

    private RawBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static RawBytes of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new RawBytes(bytes.clone());
    }

    public static RawBytes zeros(int length) {
        return new RawBytes(new byte[length]);
    }

    public static RawBytes fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean isAllZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
