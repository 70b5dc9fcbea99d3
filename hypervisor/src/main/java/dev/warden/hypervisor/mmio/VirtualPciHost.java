package dev.warden.hypervisor.mmio;

import java.util.List;

/**
 * A cell's virtual PCI host: the ECAM window at the system's pci_mmconfig_base, where the cell
 * finds its ivshmem functions. Absent functions read as all ones. When the cell programs a BAR0,
 * the endpoint's registers appear there in the cell's MMIO dispatch.
 */
public final class VirtualPciHost implements MmioHandler {

    private final long base;
    private final List<IvshmemEndpoint> endpoints;
    private final MmioDispatch dispatch;

    public VirtualPciHost(long base, List<IvshmemEndpoint> endpoints, MmioDispatch dispatch) {
        this.base = base;
        this.endpoints = endpoints;
        this.dispatch = dispatch;
    }

    @Override
    public MmioResult handle(MmioAccess a) {
        long offset = a.address() - base;
        int bdf = (int) (offset >>> 12) & 0xffff;          // bus << 8 | device << 3 | function
        int reg = (int) (offset & 0xfff);
        IvshmemEndpoint ep = endpoints.stream().filter(e -> e.bdf() == bdf).findFirst().orElse(null);
        if (ep == null) {
            if (!a.isWrite()) a.value(-1L);
            return MmioResult.HANDLED;
        }
        if (!a.isWrite()) {
            a.value(ep.configRead(reg, a.size()));
            return MmioResult.HANDLED;
        }
        long oldBar = ep.bar0();
        ep.configWrite(reg, a.size(), a.value());
        if (ep.bar0() != oldBar) {
            if (oldBar != 0) dispatch.unregister(oldBar, 0x1000);
            if (ep.bar0() != 0) dispatch.register(ep.bar0(), 0x1000, "ivshmem " + bdf, ep.registers());
        }
        return MmioResult.HANDLED;
    }
}
