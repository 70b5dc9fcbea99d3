package dev.warden.hypervisor.mmio;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One cell's end of an ivshmem link: the virtual PCI function the cell sees (vendor 110a, device
 * 4106, BAR0 with the registers, a vendor capability describing the shared memory) and its
 * registers: ID, MAX_PEERS, INT_CONTROL, DOORBELL and STATE. A doorbell raises the INTx of the
 * peer with the ID it names; STATE is mirrored into the link's read-only state table.
 */
public final class IvshmemEndpoint {

    static final int VENDOR_DEVICE = 0x4106110a;
    static final int CAP_OFFSET = 0x50;
    static final int REG_ID = 0x00, REG_MAX_PEERS = 0x04, REG_INT_CONTROL = 0x08, REG_DOORBELL = 0x0c, REG_STATE = 0x10;

    /** Who delivers a doorbell: the link, which knows the peers. */
    public interface Link {
        void ring(IvshmemEndpoint from, int targetId, int vector);
    }

    private final String cellName;
    private final PciDevice device;
    private final List<MemoryRegion> regions;
    private final MemoryAccess bus;
    private final Link link;
    private final IntConsumer raiseIntx;
    private int command;
    private long bar0;
    private int intControl;
    private int state;

    /**
     * @param regions   the cell's memory regions (the device's start at its shmem_regions_start)
     * @param raiseIntx injects this endpoint's INTx into its cell (argument: the vector)
     */
    public IvshmemEndpoint(String cellName, PciDevice device, List<MemoryRegion> regions, MemoryAccess bus, Link link,
                           IntConsumer raiseIntx) {
        this.cellName = cellName;
        this.device = device;
        this.regions = regions;
        this.bus = bus;
        this.link = link;
        this.raiseIntx = raiseIntx;
    }

    public String cellName() { return cellName; }

    public int bdf() { return device.bdf(); }

    public int id() { return device.shmemDevId(); }

    public long bar0() { return bar0 & barMask(0); }

    public boolean memoryEnabled() { return (command & 0x2) != 0; }

    public boolean interruptsEnabled() { return (intControl & 1) != 0; }

    private long barMask(int i) { return device.barMask().get(i) & 0xffffffffL; }

    private MemoryRegion region(int i) { return regions.get(device.shmemRegionsStart() + i); }

    // ---- configuration space ----

    public long configRead(int reg, int size) {
        long word = configWord(reg & ~3);
        long v = word >>> (8 * (reg & 3));
        return size >= 4 ? v & 0xffffffffL : v & ((1L << (8 * size)) - 1);
    }

    private long configWord(int reg) {
        return switch (reg) {
            case 0x00, 0x2c -> VENDOR_DEVICE & 0xffffffffL;
            case 0x04 -> command | (0x10L << 16);                                   // status: capability list
            case 0x08 -> 0xff000000L | ((device.shmemProtocol() & 0xffffL) << 8);  // class ff, protocol below it
            case 0x10 -> bar0;
            case 0x34 -> CAP_OFFSET;
            case 0x3c -> 0x100;                                                      // INTA
            case CAP_OFFSET -> 0x09 | (0x20 << 16);                                  // vendor capability, 32 bytes
            case CAP_OFFSET + 0x04 -> region(0).size();                              // state table
            case CAP_OFFSET + 0x08 -> region(1).size();                              // R/W section
            case CAP_OFFSET + 0x0c -> region(1).size() >>> 32;
            case CAP_OFFSET + 0x10 -> region(2).size();                              // one output section
            case CAP_OFFSET + 0x14 -> region(2).size() >>> 32;
            case CAP_OFFSET + 0x18 -> region(0).virt() & 0xffffffffL;               // where the shared memory is
            case CAP_OFFSET + 0x1c -> region(0).virt() >>> 32;
            default -> 0;
        };
    }

    public void configWrite(int reg, int size, long value) {
        if (reg == 0x04) command = (int) (value & 0xffff);
        if (reg == 0x10) bar0 = value & barMask(0);
    }

    // ---- registers in BAR0 ----

    public long registerRead(int offset) {
        return switch (offset) {
            case REG_ID -> id();
            case REG_MAX_PEERS -> device.shmemPeers();
            case REG_INT_CONTROL -> intControl;
            case REG_STATE -> state;
            default -> 0;
        };
    }

    public void registerWrite(int offset, long value) {
        switch (offset) {
            case REG_INT_CONTROL -> intControl = (int) (value & 1);
            case REG_DOORBELL -> link.ring(this, (int) (value >>> 16) & 0xffff, (int) (value & 0xffff));
            case REG_STATE -> {
                state = (int) value;
                // the state table (read-only to the cells) shows every peer's state at its ID
                bus.write(region(0).phys() + 4L * id(), 4, value & 0xffffffffL);
            }
            default -> { }
        }
    }

    /** A peer rang this endpoint. */
    public void doorbell(int vector) {
        if (interruptsEnabled()) raiseIntx.accept(vector);
    }

    /** The registers as a handler for the BAR0 window. */
    public MmioHandler registers() {
        return a -> {
            int offset = (int) (a.address() - bar0());
            if (a.isWrite()) registerWrite(offset, a.value());
            else a.value(registerRead(offset));
            return MmioResult.HANDLED;
        };
    }
}
