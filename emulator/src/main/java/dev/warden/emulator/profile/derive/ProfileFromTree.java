package dev.warden.emulator.profile.derive;

import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.BoardTreeException;
import dev.warden.devicetree.board.GicInterrupts;
import dev.warden.devicetree.board.PhysicalAddresses;
import dev.warden.devicetree.board.SerialPorts;
import dev.warden.devicetree.board.SerialPorts.SerialPort;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.RegEntry;
import dev.warden.emulator.profile.derive.ProfileDraft.Region;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a board profile from the board's device tree (after its overlays): CPUs from /cpus, RAM
 * from /memory, the UARTs, the GICv3, the SD hosts and the SMMUv3 with their interrupts, the timer
 * and PSCI, the console roles and a boot section that points at the DTB. What the tree does not
 * say becomes a TODO in the written file.
 */
public final class ProfileFromTree {

    /** TI's K3 boards run the generic timer at 200 MHz; the tree rarely says (the firmware sets CNTFRQ). */
    static final long DEFAULT_TIMER_HZ = 200_000_000L;
    /** The K3 UARTs' functional clock, the usual 8250 input clock when the tree names only a clock provider. */
    static final long DEFAULT_UART_HZ = 48_000_000L;
    static final String DEFAULT_CORE = "cortex-a53";
    static final String UBOOT_VERSION = "2023.04";
    static final String DISTRIBUTION = "Debian GNU/Linux 12";

    /**
     * @param tree     the board's tree, base and after overlays
     * @param name     the board's name (the profile file's name without .yaml)
     * @param dtb      the DTB the board boots (its path decides the boot media folder)
     * @param repoRoot the folder the profile's relative paths start from (the parent of board-profiles/)
     */
    public record Request(BoardTree tree, String name, Path dtb, Path repoRoot) {}

    private final Request request;
    private final DeviceTree tree;
    private final ProfileDraft draft = new ProfileDraft();
    private final Set<String> names = new HashSet<>();

    private ProfileFromTree(Request request) {
        this.request = request;
        this.tree = request.tree().merged();
    }

    public static DerivedProfile derive(Request request) {
        return new ProfileFromTree(request).run();
    }

    private DerivedProfile run() {
        draft.name = request.name();
        draft.description = tree.root().string("model").orElse(request.name());
        draft.header.add("Derived by `warden board init` from " + request.tree().describe() + ".");
        draft.header.add("Every value says where in the tree it came from; check each TODO before you rely on it.");
        cpus();
        ram();
        timer();
        psci();
        List<SerialPort> uarts = devices();
        consoles(uarts);
        boot(uarts);
        String yaml = ProfileYamlWriter.write(draft);
        List<String> todos = draft.todos.stream().map(t -> t.field() + ": " + t.text()).toList();
        return new DerivedProfile(request.name(), yaml, todos, List.copyOf(draft.notes));
    }

    // ---- CPUs, RAM, timer, PSCI ----

    private void cpus() {
        Node cpus = tree.node("/cpus").orElseThrow();
        int index = 0;
        for (Node c : cpus.children()) {
            if (!c.baseName().equals("cpu")) continue;
            if (c.reg().isEmpty()) {
                throw new BoardTreeException(request.tree().describe() + ": " + c.path()
                        + " has no reg (expected the CPU's MPIDR affinity)");
            }
            long mpidr = c.reg().get(0).address();
            String core = c.compatibles().stream().filter(s -> s.startsWith("arm,cortex-a")).findFirst()
                    .map(s -> s.substring("arm,".length())).orElse(null);
            String name = unique(c.labels().isEmpty() ? "cpu" + index : c.labels().get(0));
            if (core == null) {
                core = DEFAULT_CORE;
                draft.todo("cpus." + name + ".core", c.path() + " is '" + String.join(", ", c.compatibles())
                        + "', not an arm,cortex-aNN; the core model defaults to " + DEFAULT_CORE);
            }
            draft.cpus.add(new ProfileDraft.Cpu(name, mpidr, core, c.path()));
            index++;
        }
    }

    private void ram() {
        List<ProfileDraft.Ram> banks = new ArrayList<>();
        for (Node m : tree.root().children()) {
            if (!m.baseName().equals("memory")) continue;
            for (RegEntry r : m.reg()) {
                if (r.size() != 0) banks.add(new ProfileDraft.Ram("", r.address(), r.size(), m.path()));
            }
        }
        banks.sort(Comparator.comparing(ProfileDraft.Ram::base, Long::compareUnsigned));
        for (int i = 0; i < banks.size(); i++) {
            ProfileDraft.Ram b = banks.get(i);
            draft.ram.add(new ProfileDraft.Ram(banks.size() == 1 ? "ram" : "ram" + i, b.base(), b.size(), b.comment()));
        }
    }

    private void timer() {
        Optional<Node> timer = tree.nodes().stream().filter(n -> n.isCompatible("arm,armv8-timer")).findFirst();
        Optional<Long> hz = timer.flatMap(t -> t.u32("clock-frequency"));
        if (hz.isPresent()) {
            draft.timerHz = hz.get();
            draft.timerComment = timer.get().path() + " clock-frequency";
        } else {
            draft.timerHz = DEFAULT_TIMER_HZ;
            draft.timerComment = "a default: the tree does not say";
            draft.todo("timer.frequency", (timer.isPresent() ? timer.get().path() + " has no clock-frequency"
                    : "no arm,armv8-timer node") + " (the firmware programs CNTFRQ_EL0); "
                    + DEFAULT_TIMER_HZ / 1_000_000 + " MHz is TI K3's, QEMU virt runs at 62.5 MHz: put your board's CNTFRQ_EL0 value here");
        }
    }

    private void psci() {
        Optional<Node> psci = tree.nodes().stream()
                .filter(n -> n.compatibles().stream().anyMatch(c -> c.startsWith("arm,psci"))).findFirst();
        if (psci.isEmpty()) {
            draft.psciConduit = "smc";
            draft.psciVersion = "1.0";
            draft.psciComment = "a default: the tree has no arm,psci node";
            draft.todo("psci", "no arm,psci node in the tree; Jailhouse needs PSCI for CPU hotplug: "
                    + "put your firmware's conduit (smc or hvc) and version");
            return;
        }
        Node n = psci.get();
        String method = n.string("method").orElse("smc");
        draft.psciConduit = method.equals("hvc") ? "hvc" : "smc";
        draft.psciVersion = n.compatibles().stream().filter(c -> c.matches("arm,psci-\\d+\\.\\d+"))
                .map(c -> c.substring("arm,psci-".length()))
                .max(Comparator.comparingDouble(Double::parseDouble)).orElse("0.1");
        draft.psciComment = n.path() + ": method \"" + method + "\", compatible " + String.join(", ", n.compatibles());
        if (!method.equals("smc") && !method.equals("hvc")) {
            draft.todo("psci.conduit", n.path() + " has method '" + method + "', expected smc or hvc");
        }
    }

    // ---- devices ----

    private List<SerialPort> devices() {
        List<SerialPort> uarts = new ArrayList<>();
        List<Region> taken = new ArrayList<>();
        draft.ram.forEach(r -> taken.add(new Region(r.base(), r.size())));
        int unmodeled = 0;
        Node gicv3 = null;
        for (Node n : tree.nodes()) {
            if (n.isRoot() || n.reg().isEmpty()) continue;
            Optional<SerialPort> uart = SerialPorts.of(tree, n);
            String kind = kind(n, uart);
            if (kind == null) {
                if (GicInterrupts.isGic(n) && !n.isCompatible("arm,gic-v3")) {
                    throw new BoardTreeException(request.tree().describe() + ": the interrupt controller " + n.path()
                            + " is " + String.join(", ", n.compatibles()) + "; Warden emulates a GICv3 (arm,gic-v3) only");
                }
                if (BoardTree.enabledWithParents(n) && !n.compatibles().isEmpty() && !excluded(n)) unmodeled++;
                continue;
            }
            // UARTs are listed whatever their status (a cell may use one Linux does not); other
            // devices when Linux sees them in the base tree or after the overlays
            boolean present = uart.isPresent() || BoardTree.enabledWithParents(n)
                    || request.tree().inBase(n).map(BoardTree::enabledWithParents).orElse(false);
            if (!present) continue;
            Optional<List<RegEntry>> regs = PhysicalAddresses.of(n);
            if (regs.isEmpty()) continue;
            List<Region> regions = new ArrayList<>();
            List<RegEntry> wanted = kind.equals("gicv3") ? regs.get().subList(0, Math.min(2, regs.get().size()))
                    : kind.equals("uart-8250") || kind.equals("pl011") ? regs.get().subList(0, 1) : regs.get();
            for (RegEntry r : wanted) regions.add(new Region(r.address(), r.size()));
            if (kind.equals("pcie-ecam")) {
                // the host's windows on the parent bus: the device answers there (as nothing, all ones)
                List<long[]> windows = new ArrayList<>(dev.warden.emulator.profile.DeviceKinds.pciRanges(n));
                windows.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
                for (long[] w : windows) regions.add(new Region(w[0], w[1]));
            }
            if (!n.reg().isEmpty() && n.reg().get(0).address() != regs.get().get(0).address()) {
                // the emulator puts the device at its CPU address; Warden's Linux model probes the raw reg
                draft.notes.add(n.path() + " sits behind a bus that moves its reg (0x" + Long.toHexString(n.reg().get(0)
                        .address()) + " is 0x" + Long.toHexString(regs.get().get(0).address()) + " to the CPU); "
                        + "Warden's Linux model expects identity-mapped buses");
            }
            Optional<Region> clash = regions.stream().filter(r -> taken.stream().anyMatch(r::overlaps)).findFirst();
            if (clash.isPresent()) {
                draft.notes.add(n.path() + " is left out: its registers overlap RAM or a device listed before it");
                continue;
            }
            if (kind.equals("gicv3")) {
                if (gicv3 != null) continue;
                gicv3 = n;
            }
            taken.addAll(regions);
            draft.devices.add(device(n, kind, uart, regions));
            uart.ifPresent(uarts::add);
        }
        if (gicv3 == null) {
            throw new BoardTreeException(request.tree().describe() + ": no arm,gic-v3 interrupt controller (expected "
                    + "the GICv3 with its distributor and redistributor regions in reg)");
        }
        if (unmodeled > 0) {
            draft.notes.add(unmodeled + " enabled device nodes have no Warden model and are left out (Linux's model"
                    + " binds only UARTs and SD hosts; the root cell still maps them: warden config create)");
        }
        mergeTransports();
        return uarts;
    }

    /**
     * QEMU's virtio-mmio transports are 32 nodes of 0x200 bytes side by side: one device of the
     * profile covers them all, as one window answers for every empty slot.
     */
    private void mergeTransports() {
        List<ProfileDraft.Device> out = new ArrayList<>();
        for (ProfileDraft.Device d : draft.devices) {
            ProfileDraft.Device last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && d.kind().equals("virtio-mmio") && last.kind().equals("virtio-mmio")
                    && last.regions().size() == 1 && d.regions().size() == 1
                    && last.regions().get(0).base() + last.regions().get(0).size() == d.regions().get(0).base()) {
                Region merged = new Region(last.regions().get(0).base(), last.regions().get(0).size() + d.regions().get(0).size());
                out.set(out.size() - 1, new ProfileDraft.Device("virtio-mmio", last.path(), last.kind(), last.compatible(),
                        List.of(merged), -1, 0, 0, "the virtio-mmio transports from " + last.path() + " on"));
                continue;
            }
            out.add(d);
        }
        draft.devices.clear();
        draft.devices.addAll(out);
    }

    private static boolean excluded(Node n) {
        String p = n.path();
        return p.startsWith("/cpus") || p.startsWith("/memory") || p.startsWith("/reserved-memory");
    }

    private static String kind(Node n, Optional<SerialPort> uart) {
        if (uart.isPresent()) return uart.get().kind() == SerialPorts.Kind.PL011 ? "pl011" : "uart-8250";
        if (n.isCompatible("arm,gic-v3")) return "gicv3";
        if (n.isCompatible("arm,smmu-v3")) return "smmuv3";
        if (n.compatibles().stream().anyMatch(c -> c.contains("sdhci"))) return "sdhci";
        // QEMU virt's devices, which the board models as the tree describes them
        return dev.warden.emulator.profile.DeviceKinds.of(n)
                .filter(dev.warden.emulator.profile.DeviceKinds.TREE_DESCRIBED::contains).orElse(null);
    }

    private ProfileDraft.Device device(Node n, String kind, Optional<SerialPort> uart, List<Region> regions) {
        String name = unique(n.labels().isEmpty() ? n.name().replace('@', '_').replace(',', '_') : n.labels().get(0));
        List<Integer> irqs = GicInterrupts.of(tree, n).stream().filter(i -> i >= 32).toList();
        int irq = kind.equals("gicv3") || irqs.isEmpty() ? -1 : irqs.get(0);
        long clock = 0;
        int shift = 0;
        StringBuilder comment = new StringBuilder(n.path());
        if (!BoardTree.enabledWithParents(n)) {
            comment.append(request.tree().takenByOverlay(n) ? " (disabled by the overlay)" : " (status " + n.status() + ")");
        }
        if (uart.isPresent()) {
            SerialPort u = uart.get();
            shift = kind.equals("uart-8250") ? u.regShift() : 0;
            if (u.clockHz().isPresent()) {
                clock = u.clockHz().getAsLong();
            } else if (kind.equals("uart-8250")) {
                clock = DEFAULT_UART_HZ;
                comment.append("; clock: the tree names only a clock provider, 48 MHz assumed");
            }
            u.ttyName().ifPresent(t -> comment.append("; ").append(t));
        }
        if (kind.equals("gicv3")) comment.append("; distributor, redistributors");
        return new ProfileDraft.Device(name, n.path(), kind, n.compatibles(), regions, irq, clock, shift, comment.toString());
    }

    private String unique(String base) {
        String name = base;
        for (int i = 1; !names.add(name); i++) name = base + "_" + i;
        return name;
    }

    // ---- consoles and boot ----

    private void consoles(List<SerialPort> uarts) {
        if (uarts.isEmpty()) {
            throw new BoardTreeException(request.tree().describe() + ": no UART Warden can emulate (expected an "
                    + "8250/16550 such as ns16550a or ti,am654-uart, or an arm,pl011) for the board's console");
        }
        ConsoleRoles roles = ConsoleRoles.choose(request.tree(), uarts);
        draft.primary = nameOf(roles.primary());
        draft.secondary = roles.secondary().map(this::nameOf);
        draft.hypervisor = nameOf(roles.hypervisor());
        draft.consoleComment.addAll(roles.reasons());
        if (roles.primaryGuessed()) {
            draft.todo("consoles.primary", "/chosen has no stdout-path naming a UART; " + draft.primary
                    + " (the first enabled UART) was taken");
        }
        if (draft.secondary.isEmpty()) {
            draft.todo("consoles.secondary", "only one UART: name the UART an inmate prints on, if any");
        }
    }

    private String nameOf(SerialPort u) {
        return draft.devices.stream().filter(d -> d.path().equals(u.node().path())).findFirst()
                .map(ProfileDraft.Device::name).orElseThrow();
    }

    private void boot(List<SerialPort> uarts) {
        BootSection b = BootSection.derive(request, tree, draft.ram.get(0));
        draft.boot = b.boot(request.name(), ttyOf(uarts));
        b.todos().forEach(t -> draft.todo(t.field(), t.text()));
    }

    private String ttyOf(List<SerialPort> uarts) {
        SerialPort primary = uarts.stream().filter(u -> nameOf(u).equals(draft.primary)).findFirst().orElseThrow();
        return primary.ttyName().orElseGet(() -> {
            String tty = primary.kind() == SerialPorts.Kind.PL011 ? "ttyAMA0" : "ttyS0";
            draft.todo("boot.login.tty", "the primary UART has no serialN alias; Linux calls it " + tty
                    + " only if it registers first");
            return tty;
        });
    }
}
