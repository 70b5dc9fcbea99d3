package dev.warden.hardening.board;

import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.MemoryRegion;
import dev.warden.config.SystemConfig;
import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.hypervisor.paging.Stage2Map;
import dev.warden.lab.BootRequest;
import dev.warden.lab.Lab;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One board per kind, booted, logged in and with Jailhouse enabled once, then reused by many
 * property cases: each case creates its cells on the running hypervisor, runs them and destroys
 * them again, as a user at the shell would. Every command goes through the root shell, the
 * jailhouse tool, the driver and the hypercalls, never around them.
 */
public final class BenchBoard {
    static final long SECOND = 1_000_000_000L;
    static final long MS = 1_000_000L;

    /** What a board offers the generated cells. */
    public record Kind(String board, List<String> overlays, String rootCell, String inmateCell, long poolBase,
                       int poolSlots, List<Integer> cellCpus, long rootRamProbe) {
        /**
         * The pool (RAM the root cell owns and Linux leaves alone: the overlay's inmate reservation) is
         * cut in 64 KiB slots, each given to at most one living cell. It must lie in the root cell's
         * RAM: Jailhouse maps a LOADABLE region into the root cell for loading only where the root
         * cell's own regions cover it.
         */
        public long slot(int index) {
            return poolBase + (long) index * 0x10000;
        }
    }

    public static final Kind AM654 = new Kind("k3-am654-idk", List.of("k3-am654-idk-jailhouse.dtbo"), "k3-am654-idk.cell",
            "k3-am654-idk-inmate-demo.cell", 0x8e0010000L, 64, List.of(1, 2, 3), 0x880000000L);
    public static final Kind QEMU = new Kind("qemu-arm64-virt", List.of("qemu-arm64-virt-jailhouse.dtbo"), "qemu-arm64.cell",
            "qemu-arm64-inmate-demo.cell", 0x70000000L, 64, List.of(1, 2, 3), 0x40000000L);
    public static final Kind J721E = new Kind("k3-j721e-evm", List.of("k3-j721e-evm-jailhouse.dtbo"), "k3-j721e-evm.cell",
            "k3-j721e-evm-inmate-demo.cell", 0x8a0000000L, 64, List.of(1), 0x880000000L);

    private static final Map<String, BenchBoard> BOARDS = new ConcurrentHashMap<>();

    private final Kind kind;
    private final Lab lab;
    private final String prompt;
    private final SystemConfig system;
    private final CellConfig inmateTemplate;

    private BenchBoard(Kind kind) {
        this.kind = kind;
        this.lab = Lab.powerOn(kind.board(), BootRequest.defaults().overlays(kind.overlays()));
        String host = lab.board().profile().boot().login().hostname();
        this.prompt = "root@" + host + ":~# ";
        if (lab.waitFor(ConsoleRole.PRIMARY, host + " login: ", 0, 60 * SECOND) < 0) {
            throw new IllegalStateException(kind.board() + " did not reach its login prompt:\n" + primary().text());
        }
        primary().type("root\n");
        lab.waitFor(ConsoleRole.PRIMARY, prompt, 0, 5 * SECOND);
        String cells = "/usr/share/jailhouse/cells/";
        this.system = (SystemConfig) CellConfigs.decode(file(cells + kind.rootCell()), kind.rootCell());
        this.inmateTemplate = (CellConfig) CellConfigs.decode(file(cells + kind.inmateCell()), kind.inmateCell());
        if (lab.driver().isEmpty()) run("insmod /root/jailhouse.ko"); // boards whose root file system does not load it at boot
        Result r = run("jailhouse enable " + cells + kind.rootCell());
        if (r.status() != 0 || !lab.hypervisor().isPresent()) {
            throw new IllegalStateException(kind.board() + ": jailhouse enable failed:\n" + r.output());
        }
    }

    /** The board of this kind, booted and enabled on first use. */
    public static BenchBoard of(Kind kind) {
        return BOARDS.computeIfAbsent(kind.board(), b -> new BenchBoard(kind));
    }

    /** Forgets a board whose state a case could not restore (a root CPU parked, a hung shell). */
    public static void discard(Kind kind) {
        BOARDS.remove(kind.board());
    }

    public Kind kind() { return kind; }

    public Lab lab() { return lab; }

    public SystemConfig system() { return system; }

    public CellConfig inmateTemplate() { return inmateTemplate; }

    public Hypervisor hypervisor() {
        return lab.hypervisor().orElseThrow(() -> new AssertionError(kind.board() + ": the hypervisor is not enabled"));
    }

    public Console primary() { return lab.console(ConsoleRole.PRIMARY); }

    public byte[] file(String path) {
        return lab.linux().fs().read(path).orElseThrow(() -> new IllegalStateException("no " + path + " on " + kind.board()));
    }

    public void put(String path, byte[] bytes) {
        lab.linux().fs().putBytes(path, bytes);
    }

    /** A command's output (without the echoed command line and the prompt) and its exit status. */
    public record Result(String output, int status) { }

    /** Types a command at the root shell and waits for the prompt (1 s of virtual time at most). */
    public Result run(String command) {
        Console c = primary();
        int start = c.length();
        c.type(command + "\n");
        int end = lab.waitFor(ConsoleRole.PRIMARY, prompt, start + command.length(), SECOND);
        if (end < 0) throw new ShellGone(command, c.text().substring(start));
        String out = c.text().substring(start, end - prompt.length());
        int statusStart = c.length();
        c.type("echo $?\n");
        int statusEnd = lab.waitFor(ConsoleRole.PRIMARY, prompt, statusStart + 8, SECOND);
        if (statusEnd < 0) throw new ShellGone("echo $?", c.text().substring(statusStart));
        String s = c.text().substring(statusStart, statusEnd - prompt.length()).replace("echo $?", "").trim();
        return new Result(out.substring(Math.min(out.length(), command.length())).replaceFirst("^\r?\n", ""),
                Integer.parseInt(s.lines().reduce((a, b) -> b).orElse("-1").trim()));
    }

    /** The root shell did not come back: the board cannot be used for further cases. */
    public static final class ShellGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ShellGone(String command, String output) {
            super("the shell did not come back after '" + command + "':\n" + output);
        }
    }

    /** Runs the board until {@code condition} holds, for at most {@code nanos} of virtual time. */
    public boolean runUntil(java.util.function.BooleanSupplier condition, long nanos) {
        return lab.board().runUntil(condition, lab.board().clock().now() + nanos);
    }

    // ---- invariants of the model, checked between the steps of every case ----

    /** Each CPU of the root cell's configuration is owned by exactly one cell. */
    public void requireCpusOwnedOnce() {
        BitSet seen = new BitSet();
        for (Cell c : hypervisor().cells()) {
            BitSet cpus = c.cpus();
            if (cpus.intersects(seen)) throw new AssertionError("CPUs " + cpus + " of cell " + c.name() + " are owned twice");
            seen.or(cpus);
        }
        if (!seen.equals(system.rootCell().cpus())) {
            throw new AssertionError("the cells own CPUs " + seen + ", the system has " + system.rootCell().cpus());
        }
    }

    /**
     * No RAM page of a non-root cell is mapped by another cell, except what Jailhouse shares on purpose:
     * ROOTSHARED and IO regions, the comm region, and LOADABLE regions while the cell is loadable.
     */
    public void requireNoRamMappedTwice() {
        List<Cell> cells = new ArrayList<>(hypervisor().cells());
        for (Cell c : cells) {
            if (c.isRoot()) continue;
            for (MemoryRegion r : c.config().memoryRegions()) {
                long shared = MemoryRegion.IO | MemoryRegion.ROOTSHARED | MemoryRegion.COMM_REGION;
                if ((r.flags() & shared) != 0 || r.size() == 0) continue;
                // while a cell is loadable its LOADABLE regions are mapped into the root cell on purpose
                if (c.loadable() && (r.flags() & MemoryRegion.LOADABLE) != 0) continue;
                for (Cell other : cells) {
                    if (other == c) continue;
                    for (Stage2Map.Mapping m : other.stage2().mappings()) {
                        if (m.phys() < r.phys() + r.size() && r.phys() < m.phys() + m.size()) {
                            throw new AssertionError(String.format("RAM 0x%x..0x%x of cell %s is also mapped by %s at IPA 0x%x",
                                    r.phys(), r.phys() + r.size(), c.name(), other.name(), m.ipa()));
                        }
                    }
                }
            }
        }
    }

    /** The root cell's stage-2 map as canonical intervals (adjacent pieces with the same flags merged). */
    public List<long[]> rootMap() {
        List<Stage2Map.Mapping> ms = new ArrayList<>(hypervisor().root().stage2().mappings());
        ms.sort((a, b) -> Long.compareUnsigned(a.ipa(), b.ipa()));
        List<long[]> out = new ArrayList<>();
        for (Stage2Map.Mapping m : ms) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last[0] + last[2] == m.ipa() && last[1] + last[2] == m.phys() && last[3] == m.flags()) {
                last[2] += m.size();
            } else {
                out.add(new long[] {m.ipa(), m.phys(), m.size(), m.flags()});
            }
        }
        return out;
    }

    /** Pages of the page pool per owner (hypervisor, cells, ivshmem links), from its ledger. */
    public Map<String, Long> poolByOwner() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (dev.warden.hypervisor.core.PagePool.Entry e : hypervisor().pool().ledger()) {
            if (!e.remap()) out.merge(e.owner(), e.pages(), Long::sum);
        }
        out.values().removeIf(v -> v == 0);
        return out;
    }

    /**
     * After the cells of a case are destroyed the pool holds what it held before, owner by owner,
     * except the root cell's page tables: Jailhouse splits a root block to take a cell's memory out
     * and never merges it back, so the root cell may keep more (never less) table pages.
     */
    public void requirePoolBack(Map<String, Long> before) {
        Map<String, Long> after = poolByOwner();
        String root = "cell:" + hypervisor().root().id();
        Map<String, Long> a = new java.util.TreeMap<>(after);
        Map<String, Long> b = new java.util.TreeMap<>(before);
        long rootAfter = a.getOrDefault(root, 0L);
        long rootBefore = b.getOrDefault(root, 0L);
        a.remove(root);
        b.remove(root);
        if (!a.equals(b) || rootAfter < rootBefore) {
            throw new AssertionError("the page pool per owner is " + after + " after destruction, " + before + " before creation");
        }
    }
}
