package dev.warden.emulator.devices.pci;

import dev.warden.emulator.bus.MmioDevice;

/**
 * A PCIe host's memory or I/O window with no BAR assigned in it: reads return all ones and writes
 * go nowhere, as on QEMU virt (no abort: the host bridge answers for the whole window).
 */
public final class PciWindow implements MmioDevice {

    @Override
    public long read(long offset, int size) {
        return size == 8 ? -1L : (1L << (8 * size)) - 1;
    }

    @Override
    public void write(long offset, int size, long value) {
        // master abort: the write is dropped
    }
}
