package dev.warden.devicetree.model;

import dev.warden.devicetree.blob.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One property: a name and its raw big-endian value, with typed views of the value. */
public final class Property {
    private final String name;
    private final byte[] value;

    public Property(String name, byte[] value) {
        this.name = name;
        this.value = value.clone();
    }

    public static Property empty(String name) {
        return new Property(name, new byte[0]);
    }

    public static Property ofString(String name, String... strings) {
        StringBuilder sb = new StringBuilder();
        for (String s : strings) {
            sb.append(s).append('\0');
        }
        return new Property(name, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Property ofCells(String name, long... cells) {
        byte[] v = new byte[cells.length * 4];
        for (int i = 0; i < cells.length; i++) {
            Bytes.put32(v, i * 4, (int) cells[i]);
        }
        return new Property(name, v);
    }

    public String name() {
        return name;
    }

    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** The value as one u32; it must be exactly 4 bytes. */
    public long u32() {
        requireLength(4);
        return Bytes.u32(value, 0);
    }

    /** The value as one u64; it must be exactly 8 bytes. */
    public long u64() {
        requireLength(8);
        return Bytes.be64(value, 0);
    }

    /** The value as u32 cells (unsigned, in longs); the length must be a multiple of 4. */
    public long[] cells() {
        if (value.length % 4 != 0) {
            throw new IllegalStateException("property '" + name + "' is " + value.length
                    + " bytes, expected a multiple of 4 (u32 cells)");
        }
        long[] out = new long[value.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = Bytes.u32(value, i * 4);
        }
        return out;
    }

    /** {@code count} cells starting at cell {@code index} read as one number (1 or 2 cells). */
    public long cellsAsNumber(int index, int count) {
        long[] c = cells();
        long v = 0;
        for (int i = 0; i < count; i++) {
            v = (v << 32) | c[index + i];
        }
        return v;
    }

    /** The first string of the value; the value must be NUL-terminated. */
    public String string() {
        return strings().get(0);
    }

    /** All NUL-terminated strings of the value. */
    public List<String> strings() {
        if (value.length == 0 || value[value.length - 1] != 0) {
            throw new IllegalStateException("property '" + name + "' is not a NUL-terminated string");
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length; i++) {
            if (value[i] == 0) {
                out.add(new String(value, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return out;
    }

    /** Whether the value is one or more printable NUL-terminated strings. */
    public boolean isStringList() {
        if (value.length == 0 || value[value.length - 1] != 0) {
            return false;
        }
        int run = 0;
        for (byte b : value) {
            if (b == 0) {
                if (run == 0) {
                    return false;
                }
                run = 0;
            } else if (b < 0x20 || b > 0x7e) {
                return false;
            } else {
                run++;
            }
        }
        return true;
    }

    private void requireLength(int expected) {
        if (value.length != expected) {
            throw new IllegalStateException("property '" + name + "' is " + value.length + " bytes, expected " + expected);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Property p && p.name.equals(name) && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + " (" + value.length + " bytes)";
    }
}
