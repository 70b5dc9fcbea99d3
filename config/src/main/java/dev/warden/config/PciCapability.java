package dev.warden.config;

/** struct jailhouse_pci_capability (8 bytes). */
public record PciCapability(int id, int start, int length, int flags) {
    public static final int EXT_CAP = 0x8000;
    public static final int WRITE = 0x1;
}
