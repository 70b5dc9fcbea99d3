package dev.warden.config;

/**
 * Little-endian cursor over a configuration file. It knows the file's name so every error says
 * where the problem is: {@code k3-am654-idk.cell: offset 0x1f4: mem_regions[3] truncated: ...}.
 */
public final class LeReader {
    private final byte[] data;
    private final String sourceName;
    private int position;

    public LeReader(byte[] data, String sourceName) {
        this.data = data;
        this.sourceName = sourceName;
    }

    public String sourceName() {
        return sourceName;
    }

    public int position() {
        return position;
    }

    public int length() {
        return data.length;
    }

    public int remaining() {
        return data.length - position;
    }

    /** Fails unless {@code size} bytes remain for the struct called {@code what}. */
    public void require(long size, String what) {
        if (size > remaining()) {
            throw new ConfigFormatException(where() + what + " truncated: expected " + size + " bytes, " + remaining()
                    + " remain", ConfigFormatException.Kind.TRUNCATED);
        }
    }

    private String where() {
        return sourceName + ": offset 0x" + Integer.toHexString(position) + ": ";
    }

    public ConfigFormatException error(String message) {
        return new ConfigFormatException(where() + message);
    }

    public ConfigFormatException errorAt(int offset, String message) {
        return errorAt(offset, message, ConfigFormatException.Kind.INVALID);
    }

    public ConfigFormatException errorAt(int offset, String message, ConfigFormatException.Kind kind) {
        return new ConfigFormatException(sourceName + ": offset 0x" + Integer.toHexString(offset) + ": " + message, kind);
    }

    public int u8() {
        return data[position++] & 0xff;
    }

    public int u16() {
        int v = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
        position += 2;
        return v;
    }

    public int u32() {
        int v = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8
                | (data[position + 2] & 0xff) << 16 | (data[position + 3] & 0xff) << 24;
        position += 4;
        return v;
    }

    public long u64() {
        long lo = u32() & 0xffffffffL;
        long hi = u32() & 0xffffffffL;
        return lo | hi << 32;
    }

    public byte[] bytes(int n) {
        byte[] out = new byte[n];
        System.arraycopy(data, position, out, 0, n);
        position += n;
        return out;
    }

    public RawBytes raw(int n) {
        return RawBytes.of(bytes(n));
    }

    public int peekU16(int offset) {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    public int peekU8(int offset) {
        return data[offset] & 0xff;
    }
}
