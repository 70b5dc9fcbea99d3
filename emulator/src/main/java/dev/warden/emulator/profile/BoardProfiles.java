package dev.warden.emulator.profile;

import dev.warden.emulator.devices.pci.PciFunction;
import dev.warden.emulator.profile.BoardProfile.Boot;
import dev.warden.emulator.profile.BoardProfile.Consoles;
import dev.warden.emulator.profile.BoardProfile.Cpu;
import dev.warden.emulator.profile.BoardProfile.Device;
import dev.warden.emulator.profile.BoardProfile.Login;
import dev.warden.emulator.profile.BoardProfile.Psci;
import dev.warden.emulator.profile.BoardProfile.RamBank;
import dev.warden.emulator.profile.BoardProfile.Region;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/** Reads board profiles (board-profiles/NAME.yaml) with errors that name the file and line. */
public final class BoardProfiles {

    /** Device models the emulator knows how to instantiate. */
    public static final Set<String> DEVICE_KINDS =
            Set.of("uart-8250", "pl011", "gicv3", "sdhci", "smmuv3", "memory-mapped", "cfi-flash", "pcie-ecam",
                    "pl031", "pl061", "fw-cfg", "virtio-mmio");

    private BoardProfiles() {}

    /** The profile named {@code name} in {@code profilesDir}; the message lists the known ones. */
    public static BoardProfile byName(Path profilesDir, String name) {
        Path file = profilesDir.resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new ProfileException("unknown board '" + name + "': no " + file + " (known boards: "
                    + String.join(", ", names(profilesDir)) + ")");
        }
        return load(file);
    }

    public static List<String> names(Path profilesDir) {
        try (Stream<Path> s = Files.list(profilesDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static BoardProfile load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ProfileException(file + ": cannot read board profile: " + e.getMessage());
        }
        Path baseDir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), baseDir);
    }

    /**
     * Parses profile text. Relative paths in it (boot media) are resolved against the repository
     * root, which is the parent of the folder holding the profile.
     */
    public static BoardProfile parse(String text, String fileName, Path profileDir) {
        Node root;
        try (Reader r = new StringReader(text)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw YamlMap.syntaxError(fileName, text, e);
        } catch (IOException e) {
            throw new ProfileException(fileName + ": " + e.getMessage());
        }
        if (root == null) throw new ProfileException(fileName + ":1: empty board profile");
        YamlMap top = new YamlMap(fileName, "", root);
        top.allowOnly("name", "description", "cpus", "ram", "devices", "timer", "psci", "consoles", "boot", "software");

        String name = top.string("name");
        List<Cpu> cpus = cpus(top);
        List<RamBank> ram = ram(top);
        List<Device> devices = devices(top);
        requireDisjoint(top, ram, devices, cpus.size());
        YamlMap timer = top.map("timer");
        timer.allowOnly("frequency");
        long freq = timer.number("frequency");
        YamlMap psciMap = top.map("psci");
        psciMap.allowOnly("conduit", "version");
        String conduit = psciMap.string("conduit");
        if (!conduit.equals("smc") && !conduit.equals("hvc")) {
            throw psciMap.error(psciMap.node(), "expected 'smc' or 'hvc' for 'psci.conduit', found '" + conduit + "'");
        }
        Psci psci = new Psci(conduit, psciMap.string("version"));
        Consoles consoles = consoles(top, devices);
        Path repoRoot = profileDir == null ? Path.of(".") : profileDir.getParent();
        Boot boot = boot(top, repoRoot == null ? Path.of(".") : repoRoot);
        java.util.Map<String, String> software = new java.util.LinkedHashMap<>();
        top.optMap("software").ifPresent(sw -> sw.keys().forEach(k -> software.put(k, sw.string(k))));
        return new BoardProfile(name, top.optString("description").orElse(name), Path.of(fileName),
                cpus, ram, devices, freq, psci, consoles, boot, java.util.Map.copyOf(software));
    }

    private static List<Cpu> cpus(YamlMap top) {
        List<Cpu> cpus = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (YamlMap c : top.listOfMaps("cpus")) {
            c.allowOnly("name", "mpidr", "core");
            long mpidr = c.number("mpidr");
            if (!seen.add(mpidr)) throw c.error(c.node(), String.format("two CPUs with MPIDR 0x%x", mpidr));
            cpus.add(new Cpu(c.string("name"), mpidr, c.optString("core").orElse("cortex-a53")));
        }
        if (cpus.isEmpty()) throw top.error(null, "expected at least one entry in 'cpus'");
        return List.copyOf(cpus);
    }

    private static List<RamBank> ram(YamlMap top) {
        List<RamBank> banks = new ArrayList<>();
        for (YamlMap r : top.listOfMaps("ram")) {
            r.allowOnly("name", "base", "size");
            banks.add(new RamBank(r.string("name"), r.number("base"), r.number("size")));
        }
        return List.copyOf(banks);
    }

    private static List<Device> devices(YamlMap top) {
        List<Device> devices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlMap d : top.listOfMaps("devices")) {
            d.allowOnly("name", "kind", "compatible", "address", "size", "regions", "irq", "clock", "reg-shift", "functions");
            String name = d.string("name");
            if (!names.add(name)) throw d.error(d.node(), "two devices named '" + name + "'");
            String kind = d.string("kind");
            if (!DEVICE_KINDS.contains(kind)) {
                throw d.error(d.node(), "unknown device kind '" + kind + "' for '" + name + "' (expected one of: "
                        + String.join(", ", DEVICE_KINDS.stream().sorted().toList()) + ")");
            }
            List<Region> regions = new ArrayList<>();
            if (d.has("address")) regions.add(new Region(d.number("address"), d.number("size")));
            if (d.has("regions")) {
                for (YamlMap r : d.listOfMaps("regions")) {
                    r.allowOnly("address", "size");
                    regions.add(new Region(r.number("address"), r.number("size")));
                }
            }
            if (regions.isEmpty()) throw d.error(d.node(), "device '" + name + "' needs 'address' and 'size' or 'regions'");
            devices.add(new Device(name, kind, d.optStrings("compatible"), List.copyOf(regions),
                    d.optNumber("irq").map(Long::intValue).orElse(-1), d.optNumber("clock").orElse(0L),
                    d.optNumber("reg-shift").map(Long::intValue).orElse(0), pciFunctions(d, kind)));
        }
        return List.copyOf(devices);
    }

    /** {@code functions: [{ address: "00:00.0", id: "1b36:0008", class: 0x060000 }]} of a pcie-ecam host. */
    private static List<PciFunction> pciFunctions(YamlMap d, String kind) {
        if (!d.has("functions")) return List.of();
        if (!kind.equals("pcie-ecam")) throw d.error(d.node(), "'functions' is for devices of kind 'pcie-ecam', not '" + kind + "'");
        List<PciFunction> out = new ArrayList<>();
        for (YamlMap f : d.listOfMaps("functions")) {
            f.allowOnly("address", "id", "class");
            try {
                out.add(PciFunction.parse(f.string("address"), f.string("id"), f.number("class")));
            } catch (IllegalArgumentException e) {
                throw f.error(f.node(), e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    private record Mapped(String what, long base, long size, YamlMap where) { }

    /**
     * What the board maps on its physical bus (every RAM bank; the first GICv3's distributor and
     * redistributor frames; a UART's first region; every region of other devices) must be
     * positive where the bus needs it, inside the 64-bit address space and without overlaps: else a
     * clear error on the entry's line, instead of the bus refusing it when the board is built.
     */
    private static void requireDisjoint(YamlMap top, List<RamBank> ram, List<Device> devices, int cpuCount) {
        List<YamlMap> ramNodes = top.listOfMaps("ram");
        List<YamlMap> deviceNodes = top.listOfMaps("devices");
        List<Mapped> mapped = new ArrayList<>();
        for (int i = 0; i < ram.size(); i++) {
            RamBank b = ram.get(i);
            if (b.size() <= 0) {
                throw ramNodes.get(i).error(null, String.format("RAM bank '%s' has size 0x%x, expected a positive size",
                        b.name(), b.size()));
            }
            mapped.add(new Mapped("RAM bank '" + b.name() + "'", b.base(), b.size(), ramNodes.get(i)));
        }
        boolean gic = false;
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            List<Region> regions = d.regions();
            if (d.kind().equals("gicv3")) {
                if (gic) continue; // the board instantiates the first GICv3 only
                gic = true;
                regions = new ArrayList<>(List.of(d.regions().get(0)));
                if (d.regions().size() > 1) {
                    Region r = d.regions().get(1);
                    regions.add(new Region(r.base(), Math.min(r.size(), 0x20000L * cpuCount)));
                }
            } else if (d.kind().equals("uart-8250") || d.kind().equals("pl011")) {
                regions = List.of(d.primary());
            }
            for (int k = 0; k < regions.size(); k++) {
                mapped.add(new Mapped("device '" + d.name() + "'" + (k == 0 ? "" : " region " + k), regions.get(k).base(),
                        regions.get(k).size(), deviceNodes.get(i)));
            }
        }
        for (int i = 0; i < mapped.size(); i++) {
            Mapped m = mapped.get(i);
            if (m.base() < 0 || m.size() < 0 || m.base() > Long.MAX_VALUE - m.size()) {
                throw m.where().error(null, String.format("%s at 0x%x, size 0x%x, does not fit in the address space",
                        m.what(), m.base(), m.size()));
            }
            for (int j = 0; j < i; j++) {
                Mapped o = mapped.get(j);
                if (m.base() < o.base() + o.size() && o.base() < m.base() + m.size()) {
                    throw m.where().error(null, String.format("%s [0x%x..0x%x) overlaps %s [0x%x..0x%x)", m.what(), m.base(),
                            m.base() + m.size(), o.what(), o.base(), o.base() + o.size()));
                }
            }
        }
    }

    private static Consoles consoles(YamlMap top, List<Device> devices) {
        YamlMap c = top.map("consoles");
        c.allowOnly("primary", "secondary", "hypervisor");
        for (String role : List.of("primary", "secondary", "hypervisor")) {
            if (!c.has(role)) continue;
            String uart = c.string(role);
            boolean known = devices.stream().anyMatch(d -> d.name().equals(uart)
                    && (d.kind().equals("uart-8250") || d.kind().equals("pl011")));
            if (!known) throw c.error(c.node(), "console role '" + role + "' names '" + uart + "', which is not a UART in 'devices'");
        }
        return new Consoles(c.string("primary"), c.optString("secondary"), c.optString("hypervisor"));
    }

    private static Boot boot(YamlMap top, Path repoRoot) {
        YamlMap b = top.map("boot");
        b.allowOnly("media", "dtb", "u-boot", "login");
        YamlMap u = b.map("u-boot");
        u.allowOnly("environment", "version", "soc", "fdt-address", "overlay-address", "kernel-address");
        String env = u.string("environment");
        if (!env.equals("ti-2019") && !env.equals("ti-current") && !env.equals("distro")) {
            throw u.error(u.node(), "expected 'ti-2019', 'ti-current' or 'distro' for 'boot.u-boot.environment', found '" + env + "'");
        }
        YamlMap l = b.map("login");
        l.allowOnly("hostname", "tty", "distribution", "banner", "shell-cpu");
        Login login = new Login(l.string("hostname"), l.string("tty"), l.string("distribution"),
                l.optString("banner").orElse("none"), l.optNumber("shell-cpu").map(Long::intValue).orElse(0));
        return new Boot(repoRoot.resolve(b.string("media")).normalize(), b.string("dtb"), env, u.string("version"),
                u.optString("soc").orElse(""), u.number("fdt-address"), u.number("overlay-address"),
                u.number("kernel-address"), login);
    }
}
