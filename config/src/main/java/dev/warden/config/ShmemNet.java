package dev.warden.config;

import java.util.List;

/**
 * JAILHOUSE_SHMEM_NET_REGIONS(start, dev_id): the four regions of an ivshmem-net link (state
 * table, an all-zero placeholder, one output section per peer, writable for the own dev_id).
 */
public final class ShmemNet {
    private static final long RS = MemoryRegion.READ | MemoryRegion.ROOTSHARED;

    private ShmemNet() {
    }

    public static List<MemoryRegion> regions(long start, int devId) {
        return List.of(
                new MemoryRegion(start, start, 0x1000, RS),
                new MemoryRegion(0, 0, 0, 0),
                new MemoryRegion(start + 0x1000, start + 0x1000, 0x7f000, RS | (devId == 0 ? MemoryRegion.WRITE : 0)),
                new MemoryRegion(start + 0x80000, start + 0x80000, 0x7f000, RS | (devId == 1 ? MemoryRegion.WRITE : 0)));
    }

    /** The dev_id if the four regions from {@code index} are exactly the macro's expansion, else -1. */
    public static int match(List<MemoryRegion> mem, int index) {
        if (index + 4 > mem.size()) {
            return -1;
        }
        long start = mem.get(index).phys();
        for (int dev = 0; dev <= 1; dev++) {
            if (mem.subList(index, index + 4).equals(regions(start, dev))) {
                return dev;
            }
        }
        return -1;
    }
}
