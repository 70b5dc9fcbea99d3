package dev.warden.hypervisor.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A cell's communication page (struct jailhouse_comm_region, arm64): signature, ABI revision,
 * cell state, the message fields and the platform information written at start.
 */
public final class CommRegion {

    public static final int SIZE = 4096;
    static final int OFF_REVISION = 6;
    static final int OFF_CELL_STATE = 8;
    static final int OFF_MSG_TO_CELL = 12;
    static final int OFF_REPLY_FROM_CELL = 16;
    static final int OFF_FLAGS = 20;
    static final int OFF_CONSOLE = 24;
    static final int OFF_PCI_MMCONFIG_BASE = 56;
    static final int OFF_GIC_VERSION = 64;
    static final int OFF_GICD_BASE = 72;
    static final int OFF_GICC_BASE = 80;
    static final int OFF_GICR_BASE = 88;
    static final int OFF_VPCI_IRQ_BASE = 96;

    private final ByteBuffer page = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);

    /**
     * What the hypervisor writes when it starts the cell (jailhouse-facts §1.7): a zeroed page with
     * the signature, the ABI revision, the flags, the cell's console and the platform the cell
     * needs to find its devices (PCI MMCONFIG, GIC, its first virtual PCI interrupt).
     */
    void reset(int flags, dev.warden.config.Console console, dev.warden.config.PlatformInfo platform,
               int vpciIrqBase) {
        page.clear();
        for (int i = 0; i < SIZE; i++) page.put(i, (byte) 0);
        byte[] magic = "JHCOMM".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < magic.length; i++) page.put(i, magic[i]);
        page.putShort(OFF_REVISION, (short) 2);
        page.putInt(OFF_FLAGS, flags);
        page.putLong(OFF_CONSOLE, console.address());
        page.putInt(OFF_CONSOLE + 8, console.size());
        page.putShort(OFF_CONSOLE + 12, (short) console.type());
        page.putShort(OFF_CONSOLE + 14, (short) console.flags());
        page.putInt(OFF_CONSOLE + 16, console.divider());
        page.putInt(OFF_CONSOLE + 20, console.gateNr());
        page.putLong(OFF_CONSOLE + 24, console.clockReg());
        page.putLong(OFF_PCI_MMCONFIG_BASE, platform.pciMmconfigBase());
        page.put(OFF_GIC_VERSION, (byte) platform.gicVersion());
        page.putLong(OFF_GICD_BASE, platform.gicdBase());
        page.putLong(OFF_GICC_BASE, platform.giccBase());
        page.putLong(OFF_GICR_BASE, platform.gicrBase());
        page.putInt(OFF_VPCI_IRQ_BASE, vpciIrqBase);
    }

    static final int MSG_NONE = 0;
    static final int MSG_SHUTDOWN_REQUEST = 1;
    static final int REPLY_NONE = 0;
    static final int REPLY_DENIED = 2;
    static final int REPLY_APPROVED = 3;

    public int cellState() { return page.getInt(OFF_CELL_STATE); }

    int messageToCell() { return page.getInt(OFF_MSG_TO_CELL); }

    int replyFromCell() { return page.getInt(OFF_REPLY_FROM_CELL); }

    /** The hypervisor's side of sending: reply cleared first, then the message. */
    void send(int message) {
        page.putInt(OFF_REPLY_FROM_CELL, REPLY_NONE);
        page.putInt(OFF_MSG_TO_CELL, message);
    }

    void cellState(int state) { page.putInt(OFF_CELL_STATE, state); }

    public long read(long offset, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | (page.get((int) offset + i) & 0xffL);
        return v;
    }

    public void write(long offset, int size, long value) {
        for (int i = 0; i < size; i++) page.put((int) offset + i, (byte) (value >>> (8 * i)));
    }
}
