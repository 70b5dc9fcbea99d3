package dev.warden.steps.report;

import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.lab.Lab;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The physical memory map of the board at the end of a scenario, as lanes of address ranges: the
 * board's RAM and devices (its profile), the hypervisor's memory, each cell's regions (from the
 * hypervisor model), the memory shared between cells, and the faulting access if there was one.
 * {@link MemoryMapSvg} draws it.
 */
public record MemoryMap(String title, List<Lane> lanes, Optional<LastFault> fault) {

    /** What a lane shows; the picture colours by it. */
    public enum Kind { RAM, DEVICES, RESERVED, HYPERVISOR, ROOT_CELL, CELL, SHARED, FAULT }

    /** One column of the picture. */
    public record Lane(String name, Kind kind, int index, List<Span> spans) {}

    /** An address range [start, end) in a lane, with a short label; {@code io} for device regions of a cell. */
    public record Span(long start, long end, String label, boolean io) {}

    public static MemoryMap of(Lab lab, Optional<LastFault> fault) {
        BoardProfile profile = lab.board().profile();
        List<Lane> lanes = new ArrayList<>();
        List<Span> ram = new ArrayList<>();
        for (BoardProfile.RamBank b : profile.ram()) ram.add(new Span(b.base(), b.end(), b.name(), false));
        lanes.add(new Lane("RAM banks", Kind.RAM, 0, ram));
        List<Span> devices = new ArrayList<>();
        for (BoardProfile.Device d : profile.devices()) {
            for (BoardProfile.Region r : d.regions()) devices.add(new Span(r.base(), r.end(), d.name(), true));
        }
        lanes.add(new Lane("devices", Kind.DEVICES, 0, devices));
        Optional<Hypervisor> hv = lab.hypervisor();
        String state;
        if (hv.isPresent()) {
            state = "hypervisor enabled";
            MemoryRegion m = hv.get().system().hypervisorMemory();
            lanes.add(new Lane("hypervisor", Kind.HYPERVISOR, 0, List.of(new Span(m.phys(), m.physEnd(), "hypervisor", false))));
            List<Cell> cells = new ArrayList<>(hv.get().cells());
            Map<String, List<Span>> shared = new LinkedHashMap<>();
            for (Cell c : cells) {
                lanes.add(new Lane((c.isRoot() ? "root cell " : "cell " + c.id() + " ") + c.name(),
                        c.isRoot() ? Kind.ROOT_CELL : Kind.CELL, c.id(), spans(c.config())));
            }
            lanes.add(new Lane("shared memory", Kind.SHARED, 0, sharedMemory(cells)));
        } else {
            state = "hypervisor not enabled";
            List<Span> reserved = new ArrayList<>();
            // the root kernel's reservations exist only once it booted from a tree (U-Boot may stop first)
            if (lab.linux().deviceTree().isPresent()) {
                for (long[] r : lab.linux().reservedNoMap()) reserved.add(new Span(r[0], r[0] + r[1], "no-map", false));
            }
            if (!reserved.isEmpty()) lanes.add(new Lane("reserved (no-map)", Kind.RESERVED, 0, reserved));
        }
        fault.flatMap(LastFault::access).ifPresent(a -> lanes.add(new Lane("fault", Kind.FAULT, 0,
                List.of(new Span(a.address(), a.address() + Math.max(1, a.size()), a.kind(), false)))));
        String title = profile.name() + ", Jailhouse " + lab.release().version() + ", " + state;
        return new MemoryMap(title, lanes, fault);
    }

    private static List<Span> spans(CellConfig config) {
        List<Span> spans = new ArrayList<>();
        for (MemoryRegion r : config.memoryRegions()) {
            // the comm region is no physical memory: it is the hypervisor's page, mapped at virt
            if (r.size() == 0 || r.has(MemoryRegion.COMM_REGION)) continue;
            boolean io = r.has(MemoryRegion.IO);
            String label = io ? "io" : r.has(MemoryRegion.LOADABLE) ? "ram, loadable" : "ram";
            if (r.has(MemoryRegion.ROOTSHARED)) label += ", rootshared";
            spans.add(new Span(r.phys(), r.physEnd(), label, io));
        }
        return spans;
    }

    /** RAM (no device) that more than one cell maps, or that a cell shares with the root explicitly. */
    private static List<Span> sharedMemory(List<Cell> cells) {
        List<Span> shared = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            for (MemoryRegion a : cells.get(i).config().memoryRegions()) {
                if (a.size() == 0 || a.has(MemoryRegion.COMM_REGION) || a.has(MemoryRegion.IO)) continue;
                if (a.has(MemoryRegion.ROOTSHARED)) add(shared, a.phys(), a.physEnd());
                for (int j = i + 1; j < cells.size(); j++) {
                    for (MemoryRegion b : cells.get(j).config().memoryRegions()) {
                        if (b.size() == 0 || b.has(MemoryRegion.COMM_REGION) || b.has(MemoryRegion.IO)) continue;
                        long s = Math.max(a.phys(), b.phys());
                        long e = Math.min(a.physEnd(), b.physEnd());
                        if (Long.compareUnsigned(s, e) < 0) add(shared, s, e);
                    }
                }
            }
        }
        return shared;
    }

    private static void add(List<Span> shared, long s, long e) {
        for (Span x : shared) if (x.start() == s && x.end() == e) return;
        shared.add(new Span(s, e, "shared", false));
    }
}
