package dev.warden.rootcell.linux;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's iomem resource tree as far as Warden's drivers use it: ranges requested by name
 * (the GIC's GICD and GICR, a UART, "Jailhouse hypervisor"); a request that overlaps a range
 * already held fails, which is how a driver finds its registers claimed by another one.
 */
public final class IoResources {

    /** A requested range [start, end] and its owner's name. */
    public record Resource(long start, long end, String name) {
        boolean overlaps(long s, long e) {
            return s <= end && start <= e;
        }
    }

    private final List<Resource> held = new ArrayList<>();

    /** request_mem_region: false when the range overlaps one that is held. */
    public boolean request(long start, long end, String name) {
        if (conflict(start, end) != null) return false;
        held.add(new Resource(start, end, name));
        return true;
    }

    /** The resource a range would collide with, or null. */
    public Resource conflict(long start, long end) {
        for (Resource r : held) if (r.overlaps(start, end)) return r;
        return null;
    }

    /** release_mem_region of the range held under {@code name}. */
    public void release(String name) {
        held.removeIf(r -> r.name().equals(name));
    }

    public List<Resource> held() {
        return List.copyOf(held);
    }
}
