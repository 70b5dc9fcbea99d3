package dev.warden.config.create;

import dev.warden.config.ConfigFormat;
import dev.warden.config.ConfigNames;
import dev.warden.config.Console;
import dev.warden.config.CpuSet;
import dev.warden.config.IommuUnit;
import dev.warden.config.Irqchip;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;
import dev.warden.config.PlatformInfo;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Writes config create's drafts in the YAML form {@link dev.warden.config.ConfigYaml} reads (the
 * form of the hand-written cells in firmware-fixtures), with a comment on each value saying where
 * in the tree it came from. Reading the text back gives exactly the drafted configuration.
 */
final class CommentedYaml {

    private static final ConfigFormat FORMAT = ConfigFormat.REV14;
    private final StringBuilder out = new StringBuilder();

    private CommentedYaml() {}

    static String system(SystemDraft s) {
        CommentedYaml w = new CommentedYaml();
        s.header.forEach(h -> w.comment("", h));
        w.line("", "kind: system");
        w.line("", "format: 14");
        w.line("", "flags: VIRTUAL_DEBUG_CONSOLE   # the root cell may read the hypervisor's console (jailhouse console)");
        w.comment("", s.hypervisorComment);
        w.line("", "hypervisor-memory: {phys: " + hex(s.hypervisor.phys()) + ", size: " + hex(s.hypervisor.size()) + "}");
        if (!s.debugConsole.isNone()) {
            w.comment("", s.debugConsoleComment);
            w.line("", "debug-console: " + console(s.debugConsole, true));
        }
        PlatformInfo p = s.platform;
        w.line("", "platform:");
        w.platform("pci-mmconfig-base: " + hex(p.pciMmconfigBase()), s, "pci-mmconfig-base");
        w.platform("pci-is-virtual: true", s, "pci-is-virtual");
        w.platform("pci-domain: " + p.pciDomain(), s, "pci-domain");
        w.platform("gic-version: " + p.gicVersion(), s, "gic-version");
        w.platform("maintenance-irq: " + p.maintenanceIrq(), s, "maintenance-irq");
        w.platform("gicd: " + hex(p.gicdBase()), s, "gicd");
        w.platform("gicr: " + hex(p.gicrBase()), s, "gicr");
        if (!p.iommuUnits().isEmpty()) {
            w.line("  ", "iommus:");
            for (int i = 0; i < p.iommuUnits().size(); i++) {
                IommuUnit u = p.iommuUnits().get(i);
                w.line("    ", "- {type: " + IommuUnit.typeName(u.type()) + ", base: " + hex(u.base()) + ", size: "
                        + hex(u.size()) + "}   # " + s.iommuComments.get(i));
            }
        }
        w.line("", "root-cell:");
        w.cell(s.root, "  ");
        return w.out.toString();
    }

    static String cell(CellDraft c, List<String> header) {
        CommentedYaml w = new CommentedYaml();
        header.forEach(h -> w.comment("", h));
        w.line("", "kind: cell");
        w.line("", "format: 14");
        w.cell(c, "");
        return w.out.toString();
    }

    private void platform(String text, SystemDraft s, String key) {
        String c = s.platformComments.get(key);
        line("  ", text + (c == null ? "" : "   # " + c));
    }

    private void cell(CellDraft c, String in) {
        line(in, "name: \"" + c.name + "\"");
        if (c.flags != 0) {
            line(in, "flags: " + String.join(" | ", ConfigNames.flagNames(c.flags & 0xffffffffL,
                    ConfigNames.cellFlags(FORMAT))));
        }
        line(in, "cpus: \"" + CpuSet.format(c.cpus) + "\"" + trailing(c.cpusComment));
        line(in, "vpci-irq-base: " + c.vpciIrqBase + trailing(c.vpciComment));
        if (!c.console.isNone()) {
            comment(in, c.consoleComment);
            line(in, "console: " + console(c.console, false));
        }
        line(in, "memory:");
        String last = null;
        for (Annotated<MemoryRegion> a : c.memory) {
            if (!a.comment().equals(last)) comment(in + "  ", a.comment());
            last = a.comment();
            line(in + "  ", "- " + region(a.value()));
        }
        if (!c.irqchips.isEmpty()) {
            line(in, "irqchips:");
            comment(in + "  ", c.irqchipComment);
            for (Irqchip i : c.irqchips) {
                BitSet irqs = new BitSet();
                i.interrupts().forEach(irqs::set);
                line(in + "  ", "- {address: " + hex(i.address()) + ", pin-base: " + i.pinBase() + ", interrupts: \""
                        + CpuSet.format(irqs) + "\"}");
            }
        }
        if (!c.pciDevices.isEmpty()) {
            line(in, "pci-devices:");
            comment(in + "  ", c.pciComment);
            for (PciDevice d : c.pciDevices) line(in + "  ", "- " + pci(d));
        }
    }

    private static String region(MemoryRegion r) {
        List<String> parts = new ArrayList<>(List.of("phys: " + hex(r.phys())));
        if (r.virt() != r.phys()) parts.add("virt: " + hex(r.virt()));
        parts.add("size: " + hex(r.size()));
        if (r.flags() != 0) {
            parts.add("flags: " + String.join(" | ", ConfigNames.flagNames(r.flags(), ConfigNames.memoryFlags(FORMAT))));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String console(Console c, boolean withSize) {
        List<String> parts = new ArrayList<>(List.of("address: " + hex(c.address())));
        if (withSize && c.size() != 0) parts.add("size: " + hex(c.size()));
        parts.add("type: " + ConfigNames.consoleType(c.type()));
        if (c.flags() != 0) {
            parts.add("flags: " + String.join(" | ", ConfigNames.flagNames(c.flags(), ConfigNames.consoleFlags(FORMAT))));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String pci(PciDevice d) {
        List<String> masks = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < 6; i++) if (d.barMask().get(i) != 0) last = i + 1;
        for (int i = 0; i < last; i++) masks.add(hex(d.barMask().get(i) & 0xffffffffL));
        return "{type: " + ConfigNames.pciType(d.type()) + ", bdf: \"" + d.bdfText() + "\", domain: " + d.domain()
                + ", bar-mask: [" + String.join(", ", masks) + "], shmem-regions-start: " + d.shmemRegionsStart()
                + ", shmem-dev-id: " + d.shmemDevId() + ", shmem-peers: " + d.shmemPeers() + ", shmem-protocol: "
                + ConfigNames.shmemProtocol(d.shmemProtocol(), FORMAT) + "}";
    }

    private static String trailing(String comment) {
        return comment.isEmpty() ? "" : "   # " + comment;
    }

    private void comment(String indent, String text) {
        if (text.isEmpty()) return;
        for (String l : text.split("\n")) line(indent, "# " + l);
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
