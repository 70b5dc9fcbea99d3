package dev.warden.config.check;

import dev.warden.config.check.CheckReport.CheckedFile;
import dev.warden.config.CellConfig;
import dev.warden.config.ConfigConverter;
import dev.warden.config.ConfigFormat;
import dev.warden.config.ConfigNames;
import dev.warden.config.IommuUnit;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PlatformInfo;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of {@code jailhouse config check} (master) for the same files, section by section,
 * so a transcript can be compared with the real tool's: the same verdicts, the same text
 * (including that a hypervisor finding leaves the MMCONFIG section without its " None").
 */
public final class JailhouseCheckText {
    private record Resource(String name, long base, long size) {
    }

    private final StringBuilder out = new StringBuilder();
    private boolean found;
    private boolean any;

    private JailhouseCheckText() {
    }

    /** The text and the tool's exit code (1 when any section found something). */
    public record Result(String text, int exitCode) {
    }

    public static Result render(SystemConfig system, List<CellConfig> cells, List<CheckedFile> files) {
        SystemConfig sys = (SystemConfig) ConfigConverter.toRevision14(system);
        List<CellConfig> all = new ArrayList<>();
        all.add(sys.rootCell());
        cells.forEach(c -> all.add((CellConfig) ConfigConverter.toRevision14(c)));
        JailhouseCheckText t = new JailhouseCheckText();
        t.out.append("Reading configuration set:\n  Architecture:  arm64\n");
        for (CheckedFile f : files) {
            t.out.append(f.root() ? "  Root cell:     " : "  Non-root cell: ").append(f.cellName()).append(" (")
                    .append(f.file()).append(")\n");
        }
        t.inCell(all);
        t.hypervisor(all, sys.hypervisorMemory());
        PlatformInfo p = sys.platform();
        if (p.pciMmconfigBase() > 0) {
            // the tool does not reset its 'found' flag here
            t.resources("Missing PCI MMCONFIG interceptions:", all,
                    List.of(new Resource("MMCONFIG", p.pciMmconfigBase(), p.pciMmconfigSize())), false);
        }
        List<Resource> iommus = new ArrayList<>();
        for (IommuUnit u : p.iommuUnits()) {
            if (!u.isEmpty()) {
                iommus.add(new Resource("IOMMU", u.base(), u.size() & 0xffffffffL));
            }
        }
        if (!iommus.isEmpty()) {
            t.resources("Missing IOMMU interceptions:", all, iommus, true);
        }
        List<Resource> gic = new ArrayList<>();
        if (p.gicVersion() == 2) {
            gic.add(new Resource("GICD", p.gicdBase(), 0x1000));
            gic.add(new Resource("GICC", p.giccBase(), 0x2000));
            gic.add(new Resource("GICH", p.gichBase(), 0x2000));
            gic.add(new Resource("GICV", p.gicvBase(), 0x2000));
        } else if (p.gicVersion() == 3) {
            gic.add(new Resource("GICD", p.gicdBase(), 0x10000));
            gic.add(new Resource("GICR", p.gicrBase(), 0x20000));
        } else {
            t.out.append("Missing resource interceptions for architecture arm64:");
            t.out.append("\nRuntimeError: Unknown GIC version: ").append(p.gicVersion()).append('\n');
            return new Result(t.out.toString(), 1);
        }
        t.resources("Missing resource interceptions for architecture arm64:", all, gic, true);
        return new Result(t.out.toString(), t.any ? 1 : 0);
    }

    /**
     * What the tool prints when it cannot parse a file: the lines before it, then on stderr
     * {@code <message>: <file>}; it exits with 1.
     */
    public static Result parseError(List<CheckedFile> readBefore) {
        StringBuilder sb = new StringBuilder("Reading configuration set:\n");
        for (CheckedFile f : readBefore) {
            if (f.root()) {
                sb.append("  Architecture:  arm64\n");
            }
            sb.append(f.root() ? "  Root cell:     " : "  Non-root cell: ").append(f.cellName()).append(" (")
                    .append(f.file()).append(")\n");
        }
        return new Result(sb.toString(), 1);
    }

    /** The tool's stderr line for a file it cannot parse (pyjailhouse's messages). */
    public static String parseErrorLine(CheckRun.Failure failure) {
        String message;
        switch (failure.kind()) {
            case REVISION:
                message = "Configuration file revision mismatch";
                break;
            case ARCHITECTURE:
                message = failure.system() ? "Configuration has unsupported architecture"
                        : "Cell architecture mismatch";
                break;
            default:
                message = failure.system() ? "Not a root cell configuration" : "Not a cell configuration";
        }
        return message + ": " + failure.file();
    }

    private void inCell(List<CellConfig> cells) {
        out.append("Overlapping memory regions inside cell:");
        found = false;
        for (CellConfig c : cells) {
            List<MemoryRegion> mem = c.memoryRegions();
            for (int i = 0; i < mem.size(); i++) {
                for (int j = i + 1; j < mem.size(); j++) {
                    MemoryRegion a = mem.get(i);
                    MemoryRegion b = mem.get(j);
                    List<String> how = new ArrayList<>();
                    if (Ranges.overlap(a.phys(), a.size(), b.phys(), b.size())) {
                        how.add("physically");
                    }
                    if (Ranges.overlap(a.virt(), a.size(), b.virt(), b.size())) {
                        how.add("virtually");
                    }
                    if (!how.isEmpty()) {
                        block(c, i, a, String.join(" and ", how) + " overlaps with region " + j, region(b));
                    }
                }
            }
        }
        end();
    }

    private void hypervisor(List<CellConfig> cells, MemoryRegion hv) {
        out.append("Overlapping memory regions with hypervisor:");
        found = false;
        for (CellConfig c : cells) {
            for (int i = 0; i < c.memoryRegions().size(); i++) {
                MemoryRegion m = c.memoryRegions().get(i);
                if (Ranges.overlap(m.phys(), m.size(), hv.phys(), hv.size())) {
                    block(c, i, m, "overlaps with hypervisor memory region", region(hv));
                }
            }
        }
        end();
    }

    private void resources(String title, List<CellConfig> cells, List<Resource> resources, boolean reset) {
        out.append(title);
        if (reset) {
            found = false;
        }
        for (CellConfig c : cells) {
            for (int i = 0; i < c.memoryRegions().size(); i++) {
                MemoryRegion m = c.memoryRegions().get(i);
                for (Resource r : resources) {
                    if (Ranges.overlap(m.phys(), m.size(), r.base(), r.size())) {
                        block(c, i, m, "overlaps with " + r.name(),
                                region(new MemoryRegion(r.base(), r.base(), r.size(), 0)));
                    }
                }
            }
        }
        end();
    }

    private void block(CellConfig c, int index, MemoryRegion m, String what, String other) {
        out.append("\n\nIn cell '").append(c.name()).append("', region ").append(index).append('\n')
                .append(region(m)).append('\n').append(what).append('\n').append(other);
        found = true;
        any = true;
    }

    private void end() {
        out.append(found ? "\n\n" : " None\n");
    }

    private static String region(MemoryRegion m) {
        List<String> names = new ArrayList<>();
        for (String n : ConfigNames.flagNames(m.flags(), ConfigNames.memoryFlags(ConfigFormat.REV14))) {
            names.add(n.startsWith("0x") ? n : "JAILHOUSE_MEM_" + n);
        }
        return String.format("  phys_start: 0x%016x\n  virt_start: 0x%016x\n  size:       0x%016x\n  flags:      %s",
                m.phys(), m.virt(), m.size(), String.join(" | ", names));
    }
}
