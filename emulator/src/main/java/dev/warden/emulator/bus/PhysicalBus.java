package dev.warden.emulator.bus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The board's physical address space: RAM banks and device register blocks. Every guest access,
 * from an emulated core or from a modeled guest, ends here after its cell's stage-2 translation.
 * The emulator knows nothing of cells; whoever owns translation calls {@link #read}/{@link #write}.
 */
public final class PhysicalBus implements MemoryAccess {

    /** One mapped window: either RAM or a device. */
    public record Region(String name, long base, long size, Ram ram, MmioDevice device) {
        public boolean contains(long address, int length) {
            return address >= base && address - base + length <= size;
        }

        public boolean isRam() { return ram != null; }

        public long end() { return base + size; }
    }

    private final List<Region> regions = new ArrayList<>();
    private Region lastHit;

    public Ram addRam(String name, long base, long size) {
        Ram ram = new Ram(name, base, size);
        insert(new Region(name, base, size, ram, null));
        return ram;
    }

    public void addDevice(String name, long base, long size, MmioDevice device) {
        insert(new Region(name, base, size, null, device));
    }

    private void insert(Region region) {
        for (Region r : regions) {
            if (region.base < r.end() && r.base < region.end()) {
                throw new IllegalArgumentException(String.format(
                        "%s [0x%x..0x%x) overlaps %s [0x%x..0x%x)",
                        region.name, region.base, region.end(), r.name, r.base, r.end()));
            }
        }
        regions.add(region);
        regions.sort((a, b) -> Long.compareUnsigned(a.base, b.base));
    }

    /** The region that holds the whole access, if any. */
    public Optional<Region> find(long address, int length) {
        Region hit = lastHit;
        if (hit != null && hit.contains(address, length)) return Optional.of(hit);
        for (Region r : regions) {
            if (r.contains(address, length)) {
                lastHit = r;
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public long read(long address, int size) {
        Region r = find(address, size).orElseThrow(() -> new BusFault(address, size, false));
        return r.isRam() ? r.ram.read(address, size) : r.device.read(address - r.base, size);
    }

    @Override
    public void write(long address, int size, long value) {
        Region r = find(address, size).orElseThrow(() -> new BusFault(address, size, true));
        if (r.isRam()) r.ram.write(address, size, value);
        else r.device.write(address - r.base, size, value);
    }

    public Optional<Ram> ramAt(long address) {
        return find(address, 1).map(Region::ram);
    }

    public List<Region> regions() {
        return Collections.unmodifiableList(regions);
    }
}
