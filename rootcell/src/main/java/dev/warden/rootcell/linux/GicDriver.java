package dev.warden.rootcell.linux;

import dev.warden.devicetree.model.Node;
import dev.warden.emulator.bus.MemoryAccess;
import java.util.Optional;

/**
 * The kernel's GICv3 driver: it sets the distributor up (affinity routing, every SPI in group 1,
 * group 1 enabled) and wakes the redistributor of each CPU it brings up, with all SGIs/PPIs in
 * group 1. Cells rely on this: Jailhouse does not initialise the GIC for them.
 */
final class GicDriver {

    static final int GICD_CTLR = 0x0, GICD_TYPER = 0x4, GICD_IGROUPR = 0x80;
    static final int CTLR_ENABLE_G0 = 1, CTLR_ENABLE_G1 = 1 << 1, CTLR_ARE = 1 << 4;
    static final int GICR_WAKER = 0x14, WAKER_PROCESSOR_SLEEP = 1 << 1;
    static final int SGI_BASE = 0x10000, GICR_IGROUPR0 = SGI_BASE + 0x80;
    static final long FRAME = 0x20000;

    private final MemoryAccess memory;
    private final KernelLog log;
    private final long gicd;
    private final long gicr;

    private GicDriver(MemoryAccess memory, KernelLog log, long gicd, long gicr) {
        this.memory = memory;
        this.log = log;
        this.gicd = gicd;
        this.gicr = gicr;
    }

    /** The driver bound to the tree's available "arm,gic-v3" node, if there is one. */
    static Optional<GicDriver> probe(Node root, MemoryAccess memory, KernelLog log, IoResources iomem) {
        for (Node n : root.subtree()) {
            if (n.isEnabled() && n.isCompatible("arm,gic-v3") && n.reg().size() >= 2) {
                GicDriver d = new GicDriver(memory, log, n.reg().get(0).address(), n.reg().get(1).address());
                // of_io_request_and_map claims the distributor and the redistributor region as the tree sizes them
                var gicd = n.reg().get(0);
                var gicr = n.reg().get(1);
                iomem.request(gicd.address(), gicd.address() + gicd.size() - 1, "GICD");
                iomem.request(gicr.address(), gicr.address() + gicr.size() - 1, "GICR");
                d.initDistributor();
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private void initDistributor() {
        long typer = memory.read(gicd + GICD_TYPER, 4);
        int lines = (int) Math.min(1020, 32 * ((typer & 0x1f) + 1));
        memory.write(gicd + GICD_CTLR, 4, 0);
        for (int i = 1; i < lines / 32; i++) memory.write(gicd + GICD_IGROUPR + 4L * i, 4, 0xffffffffL);
        memory.write(gicd + GICD_CTLR, 4, CTLR_ARE | CTLR_ENABLE_G1 | CTLR_ENABLE_G0);
        log.printk(String.format("GICv3: %d SPIs implemented", lines - 32));
    }

    /** What a CPU does with its own redistributor (the frame of its board CPU) when it comes up. */
    void initCpu(int cpu, int boardCpu, long mpidr) {
        long frame = gicr + FRAME * boardCpu;
        long waker = memory.read(frame + GICR_WAKER, 4);
        memory.write(frame + GICR_WAKER, 4, waker & ~WAKER_PROCESSOR_SLEEP);
        memory.write(frame + GICR_IGROUPR0, 4, 0xffffffffL);
        log.printk(String.format("GICv3: CPU%d: found redistributor %x region 0:0x%016x", cpu, mpidr, frame));
    }
}
