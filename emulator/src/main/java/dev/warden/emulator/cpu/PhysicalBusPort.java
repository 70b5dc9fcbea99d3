package dev.warden.emulator.cpu;

import dev.warden.emulator.bus.BusFault;
import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.bus.Ram;

import java.util.Optional;

/** The memory port of a board without a hypervisor: intermediate physical = physical. */
public final class PhysicalBusPort implements MemoryPort {

    private final PhysicalBus bus;

    public PhysicalBusPort(PhysicalBus bus) {
        this.bus = bus;
    }

    @Override
    public RamWindow window(long pageAddress, boolean write) {
        Optional<PhysicalBus.Region> region = bus.find(pageAddress, 4096);
        if (region.isEmpty() || !region.get().isRam()) return null;
        Ram ram = region.get().ram();
        return new RamWindow(ram.page(pageAddress), (int) ((pageAddress - ram.base()) & (Ram.PAGE_SIZE - 1)));
    }

    @Override
    public boolean access(DataAccess access) {
        try {
            if (access.write) bus.write(access.address, access.size, access.value);
            else access.value = bus.read(access.address, access.size);
            return true;
        } catch (BusFault fault) {
            return false;
        }
    }
}
