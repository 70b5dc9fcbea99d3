package dev.warden.config.check;

import java.util.List;

/**
 * What the device-tree rules need from the board's DT after overlays: devices with their
 * register ranges (CPU physical addresses) and status, the {@code no-map} reservations and the
 * CPUs. An adapter over the devicetree module provides it ({@link FdtDeviceTreeView}).
 */
public interface DeviceTreeView {
    /** A physical range [start, start + size). */
    record Range(long start, long size) {
        public boolean contains(long address, long length) {
            return Long.compareUnsigned(address, start) >= 0
                    && Long.compareUnsigned(address - start + length, size) <= 0;
        }

        public boolean overlaps(long address, long length) {
            return Ranges.overlap(start, size, address, length);
        }
    }

    /** A node with a {@code reg} property outside /cpus, /memory and /reserved-memory. */
    record Device(String path, boolean enabled, List<Range> regs) {
        public Device {
            regs = List.copyOf(regs);
        }
    }

    /** Name of the DT as given (with overlays), for messages. */
    String source();

    List<Device> devices();

    /** /reserved-memory children that carry {@code no-map}. */
    List<Range> noMapReservations();

    /** Logical CPU numbers Linux would bring up: one per enabled /cpus/cpu node, in order. */
    int cpuCount();
}
