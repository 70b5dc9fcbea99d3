package dev.warden.hypervisor.mmio;

import dev.warden.emulator.bus.MemoryAccess;
import java.util.function.IntPredicate;
import java.util.function.LongPredicate;

/**
 * The trapped GICv3 distributor of one cell: per-interrupt registers are filtered so that a cell
 * reads zeros for interrupts it does not own and its writes to them have no effect; routing an
 * owned SPI to a CPU outside the cell is forbidden. Everything else reaches the real distributor.
 */
public final class GicDistributorFilter implements MmioHandler {

    private static final int IROUTER = 0x6000;
    /** IROUTER32, the first that exists (SGIs and PPIs are routed by nature). */
    private static final int IROUTER_FIRST = 0x6100;
    private static final int IROUTER_END = 0x7fe0;

    private final long base;
    private final MemoryAccess bus;
    private final IntPredicate ownsIrq;
    private final LongPredicate cellHasMpidr;
    private final boolean root;

    public GicDistributorFilter(long base, MemoryAccess bus, IntPredicate ownsIrq, LongPredicate cellHasMpidr,
                                boolean root) {
        this.base = base;
        this.bus = bus;
        this.ownsIrq = ownsIrq;
        this.cellHasMpidr = cellHasMpidr;
        this.root = root;
    }

    @Override
    public MmioResult handle(MmioAccess a) {
        int offset = (int) (a.address() - base);
        long phys = a.address();
        if (offset >= IROUTER_FIRST && offset < IROUTER_END) return route(a, offset, phys);
        int bitsPerIrq = bitsPerIrq(offset);
        if (bitsPerIrq == 0) {
            // control and identification registers: everyone reads them, only the root cell writes
            if (a.isWrite()) {
                if (root) bus.write(phys, a.size(), a.value());
            } else {
                a.value(bus.read(phys, a.size()));
            }
            return MmioResult.HANDLED;
        }
        int firstIrq = (offset & regionOffsetMask(offset)) * 8 / bitsPerIrq;
        long mask = ownershipMask(firstIrq, a.size() * 8 / bitsPerIrq, bitsPerIrq);
        if (a.isWrite()) {
            boolean setOrClear = offset >= 0x100 && offset < 0x400;
            long value = setOrClear ? a.value() & mask : (bus.read(phys, a.size()) & ~mask) | (a.value() & mask);
            bus.write(phys, a.size(), value);
        } else {
            a.value(bus.read(phys, a.size()) & mask);
        }
        return MmioResult.HANDLED;
    }

    private MmioResult route(MmioAccess a, int offset, long phys) {
        int irq = (offset - IROUTER) / 8;                  // GICD_IROUTER<n> is at 0x6000 + 8n
        if (!ownsIrq.test(irq)) {
            if (!a.isWrite()) a.value(0);
            return MmioResult.HANDLED;
        }
        if (a.isWrite() && !cellHasMpidr.test(a.value() & 0xff00ffffffL)) {
            return MmioResult.forbidden("Attempt to route IRQ" + irq + " outside of cell");
        }
        if (a.isWrite()) bus.write(phys, a.size(), a.value());
        else a.value(bus.read(phys, a.size()));
        return MmioResult.HANDLED;
    }

    /** Bits each interrupt takes in the register block at this offset; 0 for non-per-IRQ registers. */
    static int bitsPerIrq(int offset) {
        if (offset >= 0x0080 && offset < 0x0400) return 1;   // IGROUPR .. ICACTIVER
        if (offset >= 0x0d00 && offset < 0x0d80) return 1;   // IGRPMODR
        if (offset >= 0x0400 && offset < 0x0c00) return 8;   // IPRIORITYR, ITARGETSR
        if (offset >= 0x0c00 && offset < 0x0d00) return 2;   // ICFGR
        return 0;
    }

    private static int regionOffsetMask(int offset) {
        if (offset >= 0x0c00 && offset < 0x0d00) return 0xff;
        if (offset >= 0x0800 && offset < 0x0c00) return 0x3ff;
        if (offset >= 0x0400 && offset < 0x0800) return 0x3ff;
        return 0x7f;
    }

    private long ownershipMask(int firstIrq, int irqs, int bitsPerIrq) {
        long mask = 0;
        long field = bitsPerIrq == 64 ? -1L : (1L << bitsPerIrq) - 1;
        for (int i = 0; i < irqs; i++) {
            if (ownsIrq.test(firstIrq + i)) mask |= field << (i * bitsPerIrq);
        }
        return mask;
    }
}
