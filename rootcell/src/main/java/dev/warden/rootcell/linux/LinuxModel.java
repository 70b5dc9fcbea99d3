package dev.warden.rootcell.linux;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.emulator.board.Board;
import dev.warden.emulator.bus.BusFault;
import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.el2.CpuHalted;
import dev.warden.emulator.el2.ModeledCpu;
import dev.warden.emulator.bus.Ram;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.uboot.KernelHandoff;
import dev.warden.emulator.uboot.KernelLauncher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The Linux model, in the root cell or as a cell's Linux inmate. It boots from what its loader
 * left in memory: the Image header and banner, and the device tree (after U-Boot's overlays, or
 * as {@code jailhouse cell linux} patched it). It honours /reserved-memory, brings the CPUs of
 * /cpus up, binds a driver to every available node it knows (each probe is a real register
 * access through its memory path, so a device its cell does not own faults), puts its console on
 * the UART /chosen/stdout-path names, and ends at its root file system's login prompt, behind
 * which a small shell runs.
 */
public final class LinuxModel implements KernelLauncher {

    private static final long MS = 1_000_000L;

    private final Board board;
    private final KernelMemory memory;
    private final RootFs fs;
    private final BoardProfile.Login login;
    /** Board CPU index of each of this kernel's CPUs (the root: the identity; a cell: its CPU set). */
    private final int[] boardCpus;
    private final boolean inmate;
    private KernelLog log;
    private DeviceTree tree;
    private DriverProbes probes;
    private Shell shell;
    private final TreeSet<Integer> onlineCpus = new TreeSet<>();
    private String version = "unknown";
    private boolean panicked;
    /** The kernel CPU whose code runs now, -1 for the shell's. */
    private int running = -1;
    private String bootConsole;
    private Optional<GicDriver> gic = Optional.empty();
    private final IoResources iomem = new IoResources();
    private final KernelModules modules = new KernelModules(this);
    private PciHosts pci;
    private final List<java.util.function.Consumer<Shell>> userspaceHooks = new ArrayList<>();

    /** The root cell's Linux, started by U-Boot. */
    public LinuxModel(Board board) {
        this(board, board.profile().boot().login(),
                java.util.stream.IntStream.range(0, board.profile().cpus().size()).toArray(), false);
    }

    /**
     * A cell's Linux inmate: its CPUs the cell's (every access goes through the cell's stage 2,
     * which EL2 puts in front of them), its login as its ramfs prints it.
     */
    public static LinuxModel inmate(Board board, BoardProfile.Login login, int[] boardCpus) {
        return new LinuxModel(board, login, boardCpus, true);
    }

    private LinuxModel(Board board, BoardProfile.Login login, int[] boardCpus, boolean inmate) {
        this.board = board;
        this.memory = new KernelMemory(board.el2(), () -> boardCpu(runningCpu()));
        this.login = login;
        this.boardCpus = boardCpus.clone();
        this.inmate = inmate;
        this.fs = new RootFs(this, board);
        if (inmate) {
            fs.mountsText(RootFs.RAMFS_MOUNTS);
            return;
        }
        fs.mount("/boot", board.profile().boot().media());
    }

    /** Stops the kernel for good (its cell was shut down or destroyed): nothing it scheduled runs any more. */
    public void stop() {
        panicked = true;
        if (shell != null) shell.halt();
    }

    /**
     * kernel_power_off (poweroff -f): the kernel's last message, then the board stops; nothing runs
     * on it any more.
     */
    public void powerOff() {
        printk("reboot: Power down");
        stop();
        board.powerOff();
    }

    /**
     * Whose output this kernel's console lines are on a shared UART: the root kernel's log and its
     * shell apart; a cell's Linux as that cell's (its first CPU's).
     */
    char outputTag(boolean log) {
        if (inmate) return dev.warden.emulator.console.Writer.core(boardCpus[0]);
        return log ? dev.warden.emulator.console.Writer.KERNEL : dev.warden.emulator.console.Writer.MODELED;
    }

    /** The kernel's loadable modules. */
    public KernelModules modules() { return modules; }

    /** The kernel's iomem resources (what drivers requested). */
    public IoResources iomem() { return iomem; }

    /** The PCI host bridges the kernel drives. */
    public PciHosts pciHosts() { return pci; }

    /** Where the kernel's RAM starts (its first memory bank). */
    public long ramStart() {
        return memoryBanks().isEmpty() ? board.profile().ram().get(0).base() : memoryBanks().get(0)[0];
    }

    /**
     * The order in which the CPUs run a function sent to all of them (smp_call_function plus the
     * caller): from the caller up, wrapping around; 4.x kernels went down from the caller instead.
     */
    public java.util.List<Integer> ipiOrder(int caller) {
        java.util.List<Integer> order = new ArrayList<>();
        order.add(caller);
        for (int c : onlineCpus.tailSet(caller, false)) order.add(c);
        if (kernelMajor() < 5) {
            for (int c : onlineCpus.headSet(caller, false).descendingSet()) order.add(c);
        } else {
            for (int c : onlineCpus.headSet(caller, false)) order.add(c);
        }
        return order;
    }

    /** The board CPU behind kernel CPU {@code cpu}. */
    public int boardCpuOf(int cpu) {
        return boardCpu(cpu);
    }

    /** The kernel CPU whose code runs now: a CPU {@link #onCpu} named, else the one the shell runs on. */
    public int runningCpu() {
        return running >= 0 ? running : shellCpu();
    }

    /**
     * Runs {@code code} on kernel CPU {@code cpu} (what smp_call_function does): its memory accesses
     * and traps are that CPU's.
     */
    public void onCpu(int cpu, Runnable code) {
        int before = running;
        running = cpu;
        try {
            code.run();
        } finally {
            running = before;
        }
    }

    /** The registers of kernel CPU {@code cpu} as EL2 sees them. */
    public ModeledCpu modeledCpu(int cpu) {
        return board.el2().cpu(boardCpu(cpu));
    }

    /**
     * A PSCI call (SMC conduit, as the boards' trees say) made on kernel CPU {@code cpu}.
     *
     * @return x0 after the call
     */
    public long psci(int cpu, long function, long... args) {
        long[] all = new long[args.length + 1];
        all[0] = function;
        System.arraycopy(args, 0, all, 1, args.length);
        ModeledCpu c = modeledCpu(cpu).call(all);
        board.el2().smc(c, 0);
        return c.x(0);
    }

    /**
     * Takes a CPU offline (Linux's remove_cpu): the CPU leaves through PSCI CPU_OFF and the CPU
     * calling this polls AFFINITY_INFO until the firmware (or the hypervisor) reports it off.
     */
    public void cpuDown(int cpu) {
        if (kernelMajor() < 5) printk("CPU" + cpu + ": shutdown");
        try {
            psci(cpu, PSCI_CPU_OFF);
        } catch (CpuHalted off) {
            // CPU_OFF does not return to the CPU that calls it
        }
        onlineCpus.remove(cpu);
        long state = psci(runningCpu(), PSCI_AFFINITY_INFO, mpidrOf(cpu), 0);
        if (state == 1) {
            printk(kernelMajor() < 5 ? "psci: CPU" + cpu + " killed." : "psci: CPU" + cpu + " killed (polled 0 ms)");
        } else {
            printk("CPU" + cpu + ": cpu didn't die");
        }
    }

    /** Brings a CPU online (Linux's add_cpu): PSCI CPU_ON, then the CPU's own bring-up messages. */
    public boolean cpuUp(int cpu) {
        long mpidr = mpidrOf(cpu);
        long rc = psci(runningCpu(), PSCI_CPU_ON, mpidr, SECONDARY_ENTRY, 0);
        if (rc != 0) {
            printk(String.format("psci: failed to boot CPU%d (%d)", cpu, rc));
            printk(String.format("CPU%d: failed to boot: %d", cpu, rc));
            return false;
        }
        onCpu(cpu, () -> {
            onlineCpus.add(cpu);
            printk(String.format("Detected %s I-cache on CPU%d", icachePolicy(cpu), cpu));
            gic.ifPresent(g -> g.initCpu(cpu, boardCpu(cpu), mpidr));
            printk(String.format("CPU%d: Booted secondary processor 0x%010x [0x%08x]", cpu, mpidr, midrOf(cpu)));
        });
        return true;
    }

    static final long PSCI_CPU_OFF = 0x84000002L;
    static final long PSCI_CPU_ON = 0xc4000003L;
    static final long PSCI_AFFINITY_INFO = 0xc4000004L;
    /** Where secondaries enter the kernel (secondary_entry's physical address in the modeled image). */
    static final long SECONDARY_ENTRY = 0x400a0000L;

    /** Cortex-A53 has a VIPT instruction cache, the A57 and A72 a PIPT one. */
    private String icachePolicy(int cpu) {
        return board.profile().cpus().get(boardCpu(cpu)).core().equals("cortex-a53") ? "VIPT" : "PIPT";
    }

    public BoardProfile.Login login() { return login; }

    public boolean isInmate() { return inmate; }

    /** The kernel's memory path, as drivers use it. */
    public MemoryAccess memory() { return memory; }

    public RootFs fs() { return fs; }

    /** Runs when init has started userspace: modules load, programs install themselves in the shell. */
    public void onUserspace(java.util.function.Consumer<Shell> hook) {
        userspaceHooks.add(hook);
    }

    public Board board() { return board; }

    /** A kernel log line, stamped, into dmesg and onto the console. */
    public void printk(String message) {
        if (log != null) log.printk(message);
    }

    /** Linux major version from the banner ("4.19.59-..." gives 4). */
    public int kernelMajor() {
        try {
            return Integer.parseInt(version.substring(0, version.indexOf('.')));
        } catch (RuntimeException e) {
            return 5;
        }
    }

    /**
     * The CPU the login shell and the programs it starts run on: the profile's, or, once Linux has
     * taken that CPU offline for a cell, the lowest CPU still online (the scheduler migrates them).
     */
    public int shellCpu() {
        int preferred = login.shellCpu();
        if (onlineCpus.isEmpty() || onlineCpus.contains(preferred)) return preferred;
        return onlineCpus.first();
    }

    /** The MIDR value a CPU reports, for the secondary-boot line. */
    public long midrOf(int cpu) {
        var cpus = board.profile().cpus();
        return midr(cpus.get(boardCpu(cpu)).core());
    }

    /** The board CPU behind this kernel's CPU {@code cpu}. */
    int boardCpu(int cpu) {
        return boardCpus[Math.min(cpu, boardCpus.length - 1)];
    }

    /** The MPIDR of a CPU, from the device tree's /cpus (what Linux reports on secondary boot). */
    public long mpidrOf(int cpu) {
        List<Node> nodes = cpuNodes();
        if (cpu < nodes.size() && !nodes.get(cpu).reg().isEmpty()) return nodes.get(cpu).reg().get(0).address();
        return board.profile().cpus().get(boardCpu(cpu)).mpidr();
    }

    /** The device tree the kernel booted with (after unflattening). */
    public Optional<DeviceTree> deviceTree() { return Optional.ofNullable(tree); }

    public List<String> dmesg() { return log == null ? List.of() : log.dmesg(); }

    public Optional<Shell> shell() { return Optional.ofNullable(shell); }

    public TreeSet<Integer> onlineCpus() { return onlineCpus; }

    public boolean panicked() { return panicked; }

    public String version() { return version; }

    @Override
    public void start(KernelHandoff handoff) {
        board.scheduler().after(MS, "linux: start_kernel", () -> {
            log = new KernelLog(board.clock(), board.clock().now(), board.writer(), outputTag(true));
            version = readVersion(handoff);
            byte[] fdt = readRam(handoff.fdtAddress(), (int) handoff.fdtSize());
            tree = DeviceTree.read(fdt, "fdt"); // unflatten_device_tree
            pci = new PciHosts(memory, log, iomem);
            probes = new DriverProbes(memory, log, pci, iomem);
            guarded(this::earlyBoot);
            board.scheduler().after(40 * MS, "linux: smp", () -> guarded(this::smp));
            board.scheduler().after(900 * MS, "linux: drivers", () -> guarded(this::drivers));
            board.scheduler().after(2200 * MS, "linux: init", () -> guarded(this::init));
        });
    }

    private void guarded(Runnable stage) {
        if (panicked) return;
        try {
            stage.run();
        } catch (CpuHalted halted) {
            panicked = true; // the hypervisor parked the CPU under us and printed why
        } catch (BusFault fault) {
            // an external abort from a device that is not there: arm64 reports an SError and dies
            panicked = true;
            log.printk("SError Interrupt on CPU0, code 0xbf000002 -- SError");
            log.printk(String.format("Unhandled fault at 0x%016x (%s, %d bytes)", fault.address(),
                    fault.isWrite() ? "write" : "read", fault.size()));
            log.printk("Kernel panic - not syncing: Asynchronous SError Interrupt");
        }
    }

    private void earlyBoot() {
        BoardProfile profile = board.profile();
        log.printk(String.format("Booting Linux on physical CPU 0x%010x [0x%08x]", profile.cpus().get(boardCpu(0)).mpidr(),
                midr(profile.cpus().get(boardCpu(0)).core())));
        log.printk("Linux version " + version);
        tree.root().string("model").ifPresent(m -> log.printk("Machine model: " + m));
        String bootargs = tree.root().child("chosen").flatMap(c -> c.string("bootargs")).orElse("");
        earlycon(bootargs);
        long reservedKiB = 0;
        for (long[] r : reservedNoMap()) reservedKiB += r[1] / 1024;
        for (long[] span : systemRam()) iomem.request(span[0], span[1] - 1, "System RAM");
        long totalKiB = memoryBanks().stream().mapToLong(b -> b[1] / 1024).sum();
        log.printk("psci: probing for conduit method from DT.");
        log.printk("psci: PSCIv" + profile.psci().version() + " detected in firmware.");
        log.printk("Kernel command line: " + bootargs);
        log.printk(String.format("Memory: %dK/%dK available (%dK reserved no-map)", totalKiB - reservedKiB,
                totalKiB, reservedKiB));
        gic = GicDriver.probe(tree.root(), memory, log, iomem);
        gic.ifPresent(g -> g.initCpu(0, boardCpu(0), board.profile().cpus().get(boardCpu(0)).mpidr()));
        log.printk(String.format("arch_timer: cp15 timer(s) running at %.2fMHz (phys).",
                profile.timerFrequencyHz() / 1e6));
        onlineCpus.add(0);
    }

    private void earlycon(String bootargs) {
        for (String arg : bootargs.split(" ")) {
            if (!arg.startsWith("earlycon=")) continue;
            String[] parts = arg.substring("earlycon=".length()).split(",");
            long base = Long.decode(parts[parts.length - 1]);
            boolean pl011 = parts[0].equals("pl011");
            log.console(new dev.warden.emulator.devices.uart.UartDriver(memory, base,
                    pl011 ? dev.warden.emulator.devices.uart.UartDriver.Type.PL011
                            : dev.warden.emulator.devices.uart.UartDriver.Type.NS16550, pl011 ? 0 : 2));
            log.printk(String.format("earlycon: %s0 at MMIO%s 0x%016x (options '')", parts[0],
                    pl011 ? "" : "32", base));
            bootConsole = parts[0] + "0";
            log.printk("bootconsole [" + bootConsole + "] enabled");
        }
    }

    private void smp() {
        log.printk("smp: Bringing up secondary CPUs ...");
        List<Node> cpus = cpuNodes();
        for (int i = 1; i < cpus.size(); i++) {
            Node cpu = cpus.get(i);
            long mpidr = cpu.reg().isEmpty() ? i : cpu.reg().get(0).address();
            if (!cpu.isEnabled()) continue;
            if (!inmate) {
                // the root kernel starts its secondaries through the board's PSCI firmware (a cell's
                // Linux gets them from the hypervisor, which started the cell's CPUs already)
                int index = i;
                onCpu(0, () -> cpuUp(index));
                continue;
            }
            onlineCpus.add(i);
            int index = i;
            gic.ifPresent(g -> g.initCpu(index, boardCpu(index), mpidr));
            log.printk(String.format("CPU%d: Booted secondary processor 0x%010x [0x%08x]", i, mpidr,
                    midrOf(i)));
        }
        log.printk(String.format("smp: Brought up 1 node, %d CPU%s", onlineCpus.size(), onlineCpus.size() == 1 ? "" : "s"));
    }

    private void drivers() {
        Map<String, String> aliases = new HashMap<>();
        tree.aliases().forEach((alias, path) -> aliases.put(path, alias));
        probes.probeAll(tree.root(), aliases);
        String stdout = tree.root().child("chosen").flatMap(c -> c.string("stdout-path")).orElse("");
        Optional<Node> node = tree.stdoutNode();
        for (DriverProbes.Tty tty : probes.ttys().values()) {
            if (node.isPresent() && tty.node() == node.get()) {
                log.console(tty.driver());
                log.printk("printk: console [" + tty.name() + "] enabled");
                if (bootConsole != null) log.printk("printk: bootconsole [" + bootConsole + "] disabled");
            }
        }
        probes.probeHostBridges(tree.root());
    }

    private void init() {
        log.printk("Run /sbin/init as init process");
        if (log.console() == null) return; // no console: the board is silent, as a real one would be
        BoardProfile.Login shown = login;
        if (inmate) {
            // a ramfs getty names its tty by device path
            String tty = probes.ttys().values().stream().filter(t -> t.driver() == log.console())
                    .map(DriverProbes.Tty::name).findFirst().orElse(login.tty());
            shown = new BoardProfile.Login(login.hostname(), "/dev/" + tty, login.distribution(), login.banner(), 0);
        }
        shell = new Shell(board, this, log.console(), shown, fs);
        for (var hook : userspaceHooks) hook.accept(shell);
        board.scheduler().after(2800 * MS, "linux: login prompt", shell::showLogin);
    }

    // ---- what the kernel knows, for the shell and the hypervisor driver ----

    List<Node> cpuNodes() {
        List<Node> out = new ArrayList<>();
        tree.root().child("cpus").ifPresent(c -> c.children().stream().filter(n -> n.baseName().equals("cpu")).forEach(out::add));
        return out;
    }

    /** The RAM of /memory, cut to the limit a {@code mem=} argument sets (as QEMU's rig boots the root kernel). */
    List<long[]> memoryBanks() {
        List<long[]> named = new ArrayList<>();
        for (Node n : tree.root().children()) {
            if (n.baseName().equals("memory")) n.reg().forEach(r -> named.add(new long[] {r.address(), r.size()}));
        }
        List<long[]> out = mergedBanks(named);
        long limit = memLimit();
        if (limit <= 0) return out;
        List<long[]> cut = new ArrayList<>();
        long left = limit;
        for (long[] bank : out) {
            if (left <= 0) break;
            cut.add(new long[] {bank[0], Math.min(bank[1], left)});
            left -= bank[1];
        }
        return cut;
    }

    /**
     * Banks in address order, overlapping ones as one, as memblock adds them: a tree may name the
     * same RAM twice (jailhouse cell linux adds /memory beside the tree's memory@ node).
     */
    private static List<long[]> mergedBanks(List<long[]> banks) {
        List<long[]> sorted = new ArrayList<>(banks);
        sorted.sort(java.util.Comparator.comparingLong(b -> b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] b : sorted) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && b[0] <= last[0] + last[1]) {
                last[1] = Math.max(last[1], b[0] + b[1] - last[0]);
            } else {
                out.add(new long[] {b[0], b[1]});
            }
        }
        return out;
    }

    /** The RAM the kernel manages: /memory (cut by mem=) without the no-map reservations, as [start, end) spans. */
    List<long[]> systemRam() {
        List<long[]> ram = new ArrayList<>();
        for (long[] bank : memoryBanks()) ram.add(new long[] {bank[0], bank[0] + bank[1]});
        for (long[] r : reservedNoMap()) {
            List<long[]> next = new ArrayList<>();
            for (long[] span : ram) {
                long rs = r[0];
                long re = r[0] + r[1];
                if (re <= span[0] || rs >= span[1]) {
                    next.add(span);
                    continue;
                }
                if (rs > span[0]) next.add(new long[] {span[0], rs});
                if (re < span[1]) next.add(new long[] {re, span[1]});
            }
            ram = next;
        }
        return ram;
    }

    /** {@code mem=768M} on the command line: bytes of RAM the kernel may use, 0 without a limit. */
    long memLimit() {
        String bootargs = tree.root().child("chosen").flatMap(c -> c.string("bootargs")).orElse("");
        for (String arg : bootargs.split(" ")) {
            if (!arg.startsWith("mem=")) continue;
            String v = arg.substring(4).toUpperCase(java.util.Locale.ROOT);
            long unit = v.endsWith("G") ? 1L << 30 : v.endsWith("M") ? 1L << 20 : v.endsWith("K") ? 1L << 10 : 1;
            try {
                return Long.parseLong(unit == 1 ? v : v.substring(0, v.length() - 1)) * unit;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** Regions of /reserved-memory marked no-map: the kernel never touches them. */
    public List<long[]> reservedNoMap() {
        List<long[]> out = new ArrayList<>();
        tree.root().child("reserved-memory").ifPresent(rm -> rm.children().stream()
                .filter(Node::isEnabled).filter(n -> n.hasProperty("no-map"))
                .forEach(n -> n.reg().forEach(r -> out.add(new long[] {r.address(), r.size()}))));
        return out;
    }

    List<String> boundDevices() {
        return probes == null ? List.of() : probes.bound();
    }

    private String readVersion(KernelHandoff h) {
        String text = new String(readRam(h.imageAddress() + 64, 512), StandardCharsets.ISO_8859_1);
        int at = text.indexOf("version=");
        if (at < 0) return "unknown";
        int end = text.indexOf('\n', at);
        return text.substring(at + "version=".length(), end < 0 ? text.length() : end);
    }

    /** What the loader left at {@code address}: read straight from RAM for the root, through the cell for an inmate. */
    private byte[] readRam(long address, int length) {
        if (inmate) {
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) out[i] = (byte) memory.read(address + i, 1);
            return out;
        }
        Ram ram = board.bus().ramAt(address).orElseThrow(() ->
                new IllegalStateException(String.format("kernel handoff points outside RAM: 0x%x", address)));
        return ram.copyOut(address, length);
    }

    private static long midr(String core) {
        return switch (core) {
            case "cortex-a72" -> 0x410fd083L;
            case "cortex-a57" -> 0x411fd070L;
            default -> 0x410fd034L;
        };
    }
}
