package dev.warden.emulator.uboot;

import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.bus.Ram;
import java.util.Optional;

/** Byte-block access to the board's RAM for the firmware's loaders and the fdt command. */
final class GuestRam {

    private GuestRam() {}

    static Optional<Ram> bankFor(PhysicalBus bus, long address, long length) {
        return bus.find(address, (int) Math.min(length, Integer.MAX_VALUE)).map(PhysicalBus.Region::ram)
                .filter(r -> r != null && r.contains(address, (int) Math.max(1, length)));
    }

    static byte[] read(PhysicalBus bus, long address, int length) {
        Ram ram = bankFor(bus, address, length).orElseThrow(() -> new IllegalStateException(
                String.format("no RAM at 0x%x..0x%x", address, address + length)));
        return ram.copyOut(address, length);
    }

    static boolean write(PhysicalBus bus, long address, byte[] bytes) {
        Optional<Ram> ram = bankFor(bus, address, bytes.length);
        ram.ifPresent(r -> r.load(address, bytes));
        return ram.isPresent();
    }

    static long be32(PhysicalBus bus, long address) {
        byte[] b = read(bus, address, 4);
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }
}
