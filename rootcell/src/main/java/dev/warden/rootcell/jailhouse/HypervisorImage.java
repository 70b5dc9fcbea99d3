package dev.warden.rootcell.jailhouse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * jailhouse.bin as the driver reads it before copying it (struct jailhouse_header, arm64;
 * jailhouse-facts §1.9): the signature and the sizes the build wrote, and where the driver fills
 * in its own fields.
 */
record HypervisorImage(byte[] bytes) {

    static final String SIGNATURE = "JAILHOUS";
    static final int HEADER_BYTES = 80;
    static final int OFF_MAX_CPUS = 48;
    static final int OFF_ONLINE_CPUS = 52;

    boolean valid() {
        return bytes.length >= HEADER_BYTES
                && new String(bytes, 0, 8, StandardCharsets.ISO_8859_1).equals(SIGNATURE);
    }

    long coreSize() { return field(8); }

    long percpuSize() { return field(16); }

    long consolePage() { return field(32); }

    private long field(int offset) {
        return ByteBuffer.wrap(bytes, offset, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
