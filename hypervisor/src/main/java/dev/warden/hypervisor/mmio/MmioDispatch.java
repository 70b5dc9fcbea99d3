package dev.warden.hypervisor.mmio;

import java.util.ArrayList;
import java.util.List;

/** A cell's trapped register windows, looked up by address, as the hypervisor's mmio.c keeps them. */
public final class MmioDispatch {

    /** One registered window. */
    public record Entry(long start, long size, String name, MmioHandler handler) {
        boolean contains(long address) {
            return address >= start && address - start < size;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public void register(long start, long size, String name, MmioHandler handler) {
        entries.add(new Entry(start, size, name, handler));
    }

    /** Removes the windows that start inside the range (sub-page regions given to another cell). */
    public void unregister(long start, long size) {
        entries.removeIf(e -> e.start >= start && e.start - start < size);
    }

    public MmioResult dispatch(MmioAccess access) {
        for (Entry e : entries) {
            if (e.contains(access.address())) return e.handler.handle(access);
        }
        return MmioResult.UNHANDLED;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }
}
