package dev.warden.config;

import java.util.List;

/**
 * struct jailhouse_pci_device (56 bytes). {@code msiFlags} is byte 35 as stored (bit 0
 * msi_64bits, bit 1 msi_maskable; a whole-byte msi_64bits in v0.10 and TI). In revision 10 and
 * TI, bytes 52..53 are the protocol and 54..55 padding ({@code legacyPadding}); from revision 12
 * bytes 52/53 are shmem_dev_id/shmem_peers and 54..55 the protocol.
 */
public record PciDevice(int type, int iommu, int domain, int bdf, List<Integer> barMask, int capsStart,
        int numCaps, int numMsiVectors, int msiFlags, int numMsixVectors, int msixRegionSize, long msixAddress,
        int shmemRegionsStart, int shmemDevId, int shmemPeers, int shmemProtocol, int legacyPadding) {
    public static final int TYPE_DEVICE = 1;
    public static final int TYPE_BRIDGE = 2;
    public static final int TYPE_IVSHMEM = 3;

    public PciDevice {
        if (barMask.size() != 6) {
            throw new IllegalArgumentException("bar_mask has 6 words, not " + barMask.size());
        }
        barMask = List.copyOf(barMask);
    }

    public boolean isIvshmem() {
        return type == TYPE_IVSHMEM;
    }

    public int bus() {
        return bdf >>> 8 & 0xff;
    }

    public int device() {
        return bdf >>> 3 & 0x1f;
    }

    public int function() {
        return bdf & 0x7;
    }

    /** "bb:dd.f" as the hypervisor prints it. */
    public String bdfText() {
        return String.format("%02x:%02x.%x", bus(), device(), function());
    }
}
