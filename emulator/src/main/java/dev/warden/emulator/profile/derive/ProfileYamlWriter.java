package dev.warden.emulator.profile.derive;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@link ProfileDraft} in the board-profile format of {@code board-profiles/*.yaml}, with a
 * comment on every value saying where it came from and each TODO as a {@code # TODO:} line just
 * above the field it is about.
 */
final class ProfileYamlWriter {

    private final StringBuilder out = new StringBuilder();
    private final ProfileDraft d;

    private ProfileYamlWriter(ProfileDraft d) {
        this.d = d;
    }

    static String write(ProfileDraft d) {
        return new ProfileYamlWriter(d).all();
    }

    private String all() {
        comment("", d.description);
        d.header.forEach(h -> comment("", h));
        d.notes.forEach(n -> comment("", "Left out: " + n));
        line("", "name: " + d.name);
        line("", "description: " + quote(d.description));
        line("", "cpus:");
        for (ProfileDraft.Cpu c : d.cpus) {
            todos("  ", "cpus." + c.name() + ".");
            line("  ", "- {name: " + c.name() + ", mpidr: " + hex(c.mpidr()) + ", core: " + c.core() + "}   # " + c.comment());
        }
        line("", "ram:");
        for (ProfileDraft.Ram r : d.ram) {
            line("  ", "- {name: " + r.name() + ", base: " + hex(r.base()) + ", size: " + hex(r.size()) + "}   # " + r.comment());
        }
        line("", "timer:");
        todos("  ", "timer.");
        line("  ", "frequency: " + d.timerHz + "   # " + d.timerComment);
        todos("", "psci");
        line("", "psci:   # " + d.psciComment);
        line("  ", "conduit: " + d.psciConduit);
        line("  ", "version: " + quote(d.psciVersion));
        line("", "devices:");
        for (ProfileDraft.Device dev : d.devices) device(dev);
        line("", "consoles:");
        d.consoleComment.forEach(c -> comment("  ", c));
        todos("  ", "consoles.");
        line("  ", "primary: " + d.primary);
        d.secondary.ifPresent(s -> line("  ", "secondary: " + s));
        line("  ", "hypervisor: " + d.hypervisor);
        boot();
        line("", "software:");
        line("  ", "jailhouse: upstream   # the release the root file system carries (a scenario may pick ti-v0.10)");
        return out.toString();
    }

    private void device(ProfileDraft.Device dev) {
        String compatible = dev.compatible().stream().map(ProfileYamlWriter::quote).collect(Collectors.joining(", ", "[", "]"));
        StringBuilder extra = new StringBuilder();
        if (dev.irq() >= 0) extra.append(", irq: ").append(dev.irq());
        if (dev.clockHz() > 0) extra.append(", clock: ").append(dev.clockHz());
        if (dev.regShift() > 0) extra.append(", reg-shift: ").append(dev.regShift());
        if (dev.regions().size() == 1) {
            ProfileDraft.Region r = dev.regions().get(0);
            line("  ", "- {name: " + dev.name() + ", kind: " + dev.kind() + ", compatible: " + compatible + ", address: "
                    + hex(r.base()) + ", size: " + hex(r.size()) + extra + "}   # " + dev.comment());
            return;
        }
        line("  ", "- name: " + dev.name() + "   # " + dev.comment());
        line("    ", "kind: " + dev.kind());
        line("    ", "compatible: " + compatible);
        if (dev.irq() >= 0) line("    ", "irq: " + dev.irq());
        line("    ", "regions:");
        for (ProfileDraft.Region r : dev.regions()) {
            line("      ", "- {address: " + hex(r.base()) + ", size: " + hex(r.size()) + "}");
        }
    }

    private void boot() {
        ProfileDraft.Boot b = d.boot;
        line("", "boot:");
        line("  ", "media: " + quote(b.media()) + "   # the folder standing in for the SD card's boot partition");
        line("  ", "dtb: " + quote(b.dtb()));
        line("  ", "u-boot:");
        comment("    ", "environment: " + b.environmentComment());
        line("    ", "environment: " + b.environment());
        todos("    ", "boot.u-boot.");
        line("    ", "version: " + quote(b.ubootVersion()));
        comment("    ", "load addresses in the first RAM bank");
        line("    ", "fdt-address: " + hex(b.fdtAddress()));
        line("    ", "overlay-address: " + hex(b.overlayAddress()));
        line("    ", "kernel-address: " + hex(b.kernelAddress()));
        line("  ", "login:");
        line("    ", "hostname: " + quote(b.hostname()));
        todos("    ", "boot.login.tty");
        line("    ", "tty: " + b.tty() + "   # the primary UART's serialN alias");
        todos("    ", "boot.login.distribution");
        line("    ", "distribution: " + quote(b.distribution()));
        line("    ", "banner: none");
    }

    private void todos(String indent, String fieldPrefix) {
        for (ProfileDraft.Todo t : d.todos) {
            if (t.field().startsWith(fieldPrefix)) comment(indent, "TODO: " + t.text());
        }
    }

    private void comment(String indent, String text) {
        for (String l : List.of(text.split("\n"))) line(indent, "# " + l);
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
