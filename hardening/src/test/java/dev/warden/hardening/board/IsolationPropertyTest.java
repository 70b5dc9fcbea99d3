package dev.warden.hardening.board;

import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.MemoryRegion;
import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.CellState;
import dev.warden.steps.inmates.ProbeParameters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Isolation as a property. On each board, random valid inmate cells (the board's inmate-demo cell
 * with its image RAM, UART and comm region, plus random RAM regions with random access rights at
 * random cell addresses, all from a pool no living cell shares) run the mmio-probe inmate with
 * random accesses: to their own regions, to the other cell's RAM, to the root cell's RAM, to holes.
 * An access succeeds if and only if the oracle computed from the cell's configuration allows it
 * (a region covering it with the READ or WRITE flag); the first forbidden access parks exactly the
 * CPU that made it and no other; a read returns what the cell itself last wrote there; and where
 * two cells run side by side, the secret one writes is never seen by the other. Between cases the
 * model stays consistent: CPUs owned once, no RAM mapped by two cells, the root cell's map and the
 * page pool back to their figures once the cells are destroyed.
 *
 * <p>A failing case is printed, after shrinking, as a scenario a user can paste into a .feature file.
 */
class IsolationPropertyTest {

    enum Target { OWN, OWN_IMAGE, OTHER_CELL, ROOT_RAM, HOLE }

    record Extra(int slot, int pages, int virtSlot, boolean read, boolean write) { }

    record Access(Target target, int pick, int offset, int width, boolean write, long value) { }

    record CellPlan(int cpuPick, int imageSlot, List<Extra> extras, List<Access> accesses) { }

    record Case(String board, CellPlan a, Optional<CellPlan> b, long secret) { }

    /** Cases per run: jqwik.tries.default, a few hundred in mvn verify and thousands under -Pfuzz (hardening/pom.xml). */
    @Property(edgeCases = EdgeCasesMode.NONE)
    void accessSucceedsIffTheConfigurationAllowsIt(@ForAll("cases") Case c) {
        BenchBoard.Kind kind = kind(c.board());
        execute(kind, new CaseRun(BenchBoard.of(kind), c), "As a scenario for a .feature file:");
    }

    /**
     * The same oracle for small generated inmate programs instead of the probe: straight-line
     * AArch64 code (MOVZ/MOVK the address and value, one LDR/STR of the access width each, then WFI)
     * loaded at cell address 0 and run with the MMU off, as Jailhouse starts a cell. The first
     * forbidden access parks the CPU with the hypervisor's message for that address and width; what
     * the allowed writes stored is in the cell's physical RAM afterwards.
     */
    @Property(edgeCases = EdgeCasesMode.NONE)
    void generatedProgramsAreStoppedExactlyWhereTheConfigurationSays(@ForAll("cases") Case c) {
        BenchBoard.Kind kind = kind(c.board());
        CaseRun run = new CaseRun(BenchBoard.of(kind), new Case(c.board(), c.a(), Optional.empty(), c.secret()));
        run.programs = true;
        execute(kind, run, "The cell and the program's accesses:");
    }

    /** Runs one case; a failure carries the case as the user would write it, under {@code heading}. */
    private static void execute(BenchBoard.Kind kind, CaseRun run, String heading) {
        try {
            run.execute();
        } catch (BenchBoard.ShellGone e) {
            BenchBoard.discard(kind);
            throw new AssertionError(run.scenario() + "\n" + e.getMessage(), e);
        } catch (AssertionError e) {
            run.cleanUp();
            throw new AssertionError(e.getMessage() + "\n\n" + heading + "\n" + run.scenario(), e);
        }
    }

    /** A64 encodings of the generated programs. */
    static final class Program {
        private final java.io.ByteArrayOutputStream code = new java.io.ByteArrayOutputStream();

        private void word(int w) {
            for (int i = 0; i < 4; i++) code.write(w >>> (8 * i));
        }

        private void load(int reg, long value) {
            word(0xd2800000 | (int) (value & 0xffff) << 5 | reg); // movz xN, #imm16
            for (int hw = 1; hw < 4; hw++) {
                int part = (int) (value >>> (16 * hw)) & 0xffff;
                if (part != 0) word(0xf2800000 | hw << 21 | part << 5 | reg); // movk xN, #imm16, lsl #16*hw
            }
        }

        /** One access: the address in x1, the value in x2, {@code ldr/str} of the width through x1. */
        void access(long address, int width, boolean write, long value) {
            load(1, address);
            int size = Integer.numberOfTrailingZeros(width); // 0 byte .. 3 doubleword
            if (write) {
                load(2, value);
                word(0x39000000 | size << 30 | 1 << 5 | 2); // strb/strh/str w/str x  x2/w2, [x1]
            } else {
                word(0x39400000 | size << 30 | 1 << 5 | 3); // ldrb/ldrh/ldr w/ldr x  x3/w3, [x1]
            }
        }

        byte[] finish() {
            word(0xd503207f); // wfi
            word(0x17ffffff); // b .-4
            return code.toByteArray();
        }
    }

    static BenchBoard.Kind kind(String board) {
        return switch (board) {
            case "k3-am654-idk" -> BenchBoard.AM654;
            case "qemu-arm64-virt" -> BenchBoard.QEMU;
            default -> BenchBoard.J721E;
        };
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> boards = Arbitraries.of("k3-am654-idk", "qemu-arm64-virt", "k3-j721e-evm");
        return boards.flatMap(board -> {
            BenchBoard.Kind k = kind(board);
            Arbitrary<CellPlan> plan = plan(k);
            Arbitrary<Optional<CellPlan>> second = k.cellCpus().size() > 1 ? plan.optional(0.5) : Arbitraries.just(Optional.empty());
            return Combinators.combine(plan, second, Arbitraries.longs())
                    .as((a, b, secret) -> new Case(board, a, b, secret | 0x5ec0000000000000L));
        });
    }

    private static Arbitrary<CellPlan> plan(BenchBoard.Kind k) {
        Arbitrary<Extra> extra = Combinators.combine(Arbitraries.integers().between(0, k.poolSlots() - 1),
                Arbitraries.integers().between(1, 16), Arbitraries.integers().between(0, 255),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Extra::new);
        Arbitrary<Access> access = Combinators.combine(Arbitraries.frequency(net.jqwik.api.Tuple.of(5, Target.OWN),
                        net.jqwik.api.Tuple.of(2, Target.OWN_IMAGE), net.jqwik.api.Tuple.of(1, Target.OTHER_CELL),
                        net.jqwik.api.Tuple.of(1, Target.ROOT_RAM), net.jqwik.api.Tuple.of(1, Target.HOLE)),
                Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 0xffff),
                Arbitraries.of(1, 2, 4, 8), Arbitraries.of(true, false), Arbitraries.longs()).as(Access::new);
        return Combinators.combine(Arbitraries.integers().between(0, k.cellCpus().size() - 1),
                Arbitraries.integers().between(0, k.poolSlots() - 1), extra.list().ofMaxSize(3),
                access.list().ofMinSize(1).ofMaxSize(6)).as(CellPlan::new);
    }

    /** One case on the bench: build the configurations, run the probes, compare with the oracle. */
    static final class CaseRun {
        private final BenchBoard bench;
        private final Case c;
        private final List<String> created = new ArrayList<>();
        private final Map<String, CellConfig> configs = new HashMap<>();
        private final Map<String, List<String>> accessLines = new HashMap<>();

        /** Generated programs instead of the probe (one cell). */
        boolean programs;

        CaseRun(BenchBoard bench, Case c) {
            this.bench = bench;
            this.c = c;
        }

        void execute() {
            bench.requireCpusOwnedOnce();
            List<long[]> rootBefore = bench.rootMap();
            Map<String, Long> poolBefore = bench.poolByOwner();
            Set<Integer> usedSlots = new LinkedHashSet<>();
            Set<Integer> usedCpus = new LinkedHashSet<>();
            CellConfig a = build("iso-a", c.a(), usedSlots, usedCpus);
            Optional<CellConfig> b = c.b().map(p -> build("iso-b", p, usedSlots, usedCpus));
            List<String> aAccesses = accesses(a, c.a(), b, true);
            accessLines.put("iso-a", aAccesses);
            b.ifPresent(bc -> accessLines.put("iso-b", accesses(bc, c.b().get(), Optional.of(a), false)));

            create(a);
            b.ifPresent(this::create);
            bench.requireCpusOwnedOnce();
            bench.requireNoRamMappedTwice();
            if (programs) {
                runProgram(a);
                bench.requireNoRamMappedTwice();
                cleanUp();
                bench.requireCpusOwnedOnce();
                bench.requirePoolBack(poolBefore);
                return;
            }
            List<String> seenByA = runProbe(a);
            List<String> seenByB = b.map(this::runProbe).orElse(List.of());
            bench.requireNoRamMappedTwice();
            String secret = String.format("0x%016x", c.secret());
            boolean aWroteSecret = aAccesses.stream().anyMatch(l -> l.startsWith("write64") && l.endsWith(secret));
            if (aWroteSecret) {
                for (String line : seenByB) {
                    if (line.contains(secret)) throw new AssertionError("cell iso-b read iso-a's secret: " + line);
                }
            }
            cleanUp();
            bench.requireCpusOwnedOnce();
            List<long[]> rootAfter = bench.rootMap();
            if (!same(rootBefore, rootAfter)) throw new AssertionError("the root cell's stage-2 map differs after destroying the cells");
            bench.requirePoolBack(poolBefore);
        }

        void cleanUp() {
            for (String name : List.copyOf(created)) {
                BenchBoard.Result r = bench.run("jailhouse cell destroy " + name);
                if (r.status() != 0) throw new AssertionError("jailhouse cell destroy " + name + " failed: " + r.output());
                created.remove(name);
            }
        }

        private CellConfig build(String name, CellPlan p, Set<Integer> usedSlots, Set<Integer> usedCpus) {
            BenchBoard.Kind k = bench.kind();
            CellConfig t = bench.inmateTemplate();
            List<MemoryRegion> regions = new ArrayList<>();
            for (MemoryRegion r : t.memoryRegions()) {
                boolean image = (r.flags() & MemoryRegion.LOADABLE) != 0;
                boolean keep = (r.flags() & MemoryRegion.COMM_REGION) != 0 || ((r.flags() & MemoryRegion.IO) != 0
                        && (r.flags() & MemoryRegion.ROOTSHARED) == 0) || (r.flags() & MemoryRegion.IO) != 0 && r.size() <= 0x1000;
                if (image) {
                    int slot = free(p.imageSlot(), usedSlots, k.poolSlots());
                    regions.add(new MemoryRegion(k.slot(slot), 0, 0x10000, r.flags()));
                } else if (keep) {
                    regions.add(r);
                }
            }
            Set<Integer> virtSlots = new LinkedHashSet<>();
            for (Extra e : p.extras()) {
                if (usedSlots.size() >= k.poolSlots()) break;
                int slot = free(e.slot(), usedSlots, k.poolSlots());
                int v = e.virtSlot();
                while (!virtSlots.add(v)) v = (v + 1) % 256;
                long flags = (e.read() ? MemoryRegion.READ : 0) | (e.write() ? MemoryRegion.WRITE : 0);
                regions.add(new MemoryRegion(k.slot(slot), 0x00200000L + v * 0x10000L, e.pages() * 0x1000L, flags));
            }
            int cpu = k.cellCpus().get(p.cpuPick());
            while (usedCpus.contains(cpu)) cpu = k.cellCpus().get((k.cellCpus().indexOf(cpu) + 1) % k.cellCpus().size());
            usedCpus.add(cpu);
            BitSet cpus = new BitSet();
            cpus.set(cpu);
            CellConfig cfg = t.withName(name).withCpus(cpus).withMemoryRegions(regions).withIrqchips(List.of())
                    .withPciDevices(List.of());
            configs.put(name, cfg);
            return cfg;
        }

        private static int free(int wanted, Set<Integer> used, int slots) {
            int s = wanted;
            while (used.contains(s)) s = (s + 1) % slots;
            used.add(s);
            return s;
        }

        private static List<MemoryRegion> extras(CellConfig cfg) {
            return cfg.memoryRegions().stream().filter(r -> (r.flags() & MemoryRegion.IO) == 0 && r.virt() >= 0x00200000L
                    && r.virt() < 0x10000000L).toList();
        }

        /** The probe's access lines; the first cell starts by writing the secret into its writable RAM. */
        private List<String> accesses(CellConfig self, CellPlan p, Optional<CellConfig> other, boolean writesSecret) {
            List<String> lines = new ArrayList<>();
            List<MemoryRegion> own = extras(self);
            if (writesSecret) {
                for (MemoryRegion r : own) {
                    if ((r.flags() & MemoryRegion.WRITE) != 0) lines.add(String.format("write64 0x%x 0x%016x", r.virt(), c.secret()));
                }
            }
            for (Access a : p.accesses()) {
                long address = switch (a.target()) {
                    case OWN -> own.isEmpty() ? 0xf000 : pick(own, a.pick()).virt() + (a.offset() % pick(own, a.pick()).size());
                    case OWN_IMAGE -> 0xf000 + (a.offset() & 0xfff);
                    case OTHER_CELL -> other.map(o -> {
                        List<MemoryRegion> rs = extras(o);
                        if (rs.isEmpty()) return image(o).phys() + (a.offset() & ~0xfffL);
                        MemoryRegion r = pick(rs, a.pick());
                        return (a.pick() % 2 == 0 ? r.phys() : r.virt()) + (a.offset() % r.size());
                    }).orElse(bench.kind().slot(a.pick() % bench.kind().poolSlots()) + a.offset());
                    case ROOT_RAM -> bench.kind().rootRamProbe() + a.offset();
                    case HOLE -> 0x10000000L + (long) a.pick() * 0x100000 + a.offset();
                };
                address &= ~(long) (a.width() - 1);
                if (a.write()) {
                    long value = a.width() == 8 ? a.value() : a.value() & ((1L << (8 * a.width())) - 1);
                    lines.add(String.format("write%d 0x%x 0x%x", a.width() * 8, address, value));
                } else {
                    lines.add(String.format("read%d 0x%x", a.width() * 8, address));
                }
            }
            return lines;
        }

        private static MemoryRegion image(CellConfig cfg) {
            return cfg.memoryRegions().stream().filter(r -> (r.flags() & MemoryRegion.LOADABLE) != 0).findFirst().orElseThrow();
        }

        private static MemoryRegion pick(List<MemoryRegion> rs, int i) {
            return rs.get(i % rs.size());
        }

        private void create(CellConfig cfg) {
            String file = "/home/root/" + cfg.name() + ".cell";
            bench.put(file, CellConfigs.encode(cfg));
            BenchBoard.Result r = bench.run("jailhouse cell create " + file);
            if (r.status() != 0) throw new AssertionError("jailhouse cell create failed: " + r.output());
            created.add(cfg.name());
            if (programs) {
                Program p = new Program();
                for (String line : accessLines.get(cfg.name())) {
                    String[] w = line.split(" ");
                    boolean write = w[0].startsWith("write");
                    p.access(Long.decode(w[1]), Integer.parseInt(w[0].substring(write ? 5 : 4)) / 8, write,
                            write ? Long.parseUnsignedLong(w[2].substring(2), 16) : 0);
                }
                String image = "/home/root/" + cfg.name() + "-program.bin";
                bench.put(image, p.finish());
                r = bench.run("jailhouse cell load " + cfg.name() + " " + image);
                if (r.status() != 0) throw new AssertionError("jailhouse cell load failed: " + r.output());
                return;
            }
            String block = "/home/root/" + cfg.name() + "-probe.bin";
            bench.put(block, ProbeParameters.of(accessLines.get(cfg.name())));
            r = bench.run("jailhouse cell load " + cfg.name() + " /usr/share/jailhouse/inmates/mmio-probe.bin " + block + " -a 0x1000");
            if (r.status() != 0) throw new AssertionError("jailhouse cell load failed: " + r.output());
        }

        /** Starts the cell's program and checks where it stopped and what it stored against the oracle. */
        private void runProgram(CellConfig cfg) {
            Console hv = bench.lab().console(ConsoleRole.HYPERVISOR);
            int hvFrom = hv.length();
            BenchBoard.Result r = bench.run("jailhouse cell start " + cfg.name());
            if (r.status() != 0) throw new AssertionError("jailhouse cell start failed: " + r.output());
            int cpu = cfg.cpus().nextSetBit(0);
            String parked = String.format("Parking CPU %d (Cell: \"%s\")", cpu, cfg.name());
            bench.runUntil(() -> hv.indexOf(parked, hvFrom) >= 0, 2 * BenchBoard.MS);
            String hvOut = hv.text().substring(hvFrom);
            Map<Long, Byte> stored = new HashMap<>();
            String forbidden = null;
            for (String line : accessLines.get(cfg.name())) {
                String[] w = line.split(" ");
                boolean write = w[0].startsWith("write");
                int width = Integer.parseInt(w[0].substring(write ? 5 : 4)) / 8;
                long address = Long.decode(w[1]);
                if (!allowed(cfg, address, width, write)) {
                    forbidden = String.format("Unhandled data %s at 0x%x(%d)", write ? "write" : "read", address, width);
                    break;
                }
                if (write && !isIo(cfg, address)) {
                    long value = Long.parseUnsignedLong(w[2].substring(2), 16);
                    for (int b = 0; b < width; b++) stored.put(address + b, (byte) (value >>> (8 * b)));
                }
            }
            Cell cell = bench.hypervisor().cellNamed(cfg.name()).orElseThrow();
            Statistics.label("program outcome").collect(forbidden == null ? "ran to its end" : "parked");
            if (forbidden == null) {
                if (hvOut.contains("Parking CPU")) throw new AssertionError("a CPU was parked though every access was allowed:\n" + hvOut);
                if (cell.state() != CellState.RUNNING) throw new AssertionError("cell " + cfg.name() + " is " + cell.state());
            } else {
                int at = hvOut.indexOf("Unhandled data");
                if (at < 0 || !hvOut.startsWith(forbidden, at) || !hvOut.contains(parked)) {
                    throw new AssertionError("cell " + cfg.name() + ": the first forbidden access should end with '" + forbidden
                            + "' and '" + parked + "':\n" + hvOut);
                }
                if (!cell.failedCpus().equals(BitSet.valueOf(new long[] {1L << cpu}))) {
                    throw new AssertionError("cell " + cfg.name() + " has failed CPUs " + cell.failedCpus() + ", expected {" + cpu + "}");
                }
            }
            for (Cell other : bench.hypervisor().cells()) {
                if (other != cell && !other.failedCpus().isEmpty()) {
                    throw new AssertionError("cell " + other.name() + " has failed CPUs " + other.failedCpus());
                }
            }
            for (Map.Entry<Long, Byte> e : stored.entrySet()) {
                long phys = physical(cfg, e.getKey());
                int actual = (int) bench.lab().board().bus().read(phys, 1) & 0xff;
                if (actual != (e.getValue() & 0xff)) {
                    throw new AssertionError(String.format("cell %s stored 0x%02x at 0x%x, its RAM at 0x%x holds 0x%02x",
                            cfg.name(), e.getValue() & 0xff, e.getKey(), phys, actual));
                }
            }
        }

        private static boolean isIo(CellConfig cfg, long virt) {
            for (MemoryRegion r : cfg.memoryRegions()) {
                if (virt >= r.virt() && virt < r.virt() + r.size()) return (r.flags() & MemoryRegion.IO) != 0;
            }
            return false;
        }

        private static long physical(CellConfig cfg, long virt) {
            for (MemoryRegion r : cfg.memoryRegions()) {
                if (virt >= r.virt() && virt < r.virt() + r.size()) return r.phys() + (virt - r.virt());
            }
            throw new IllegalArgumentException("0x" + Long.toHexString(virt) + " is not in the cell");
        }

        /** Starts the cell's probe and checks each access against the oracle; returns the probe's lines. */
        private List<String> runProbe(CellConfig cfg) {
            Console inmate = bench.lab().console(ConsoleRole.SECONDARY);
            Console hv = bench.lab().console(ConsoleRole.HYPERVISOR);
            int inmateFrom = inmate.length();
            int hvFrom = hv.length();
            BenchBoard.Result r = bench.run("jailhouse cell start " + cfg.name());
            if (r.status() != 0) throw new AssertionError("jailhouse cell start failed: " + r.output());
            int cpu = cfg.cpus().nextSetBit(0);
            String parked = String.format("Parking CPU %d (Cell: \"%s\")", cpu, cfg.name());
            bench.runUntil(() -> inmate.indexOf("mmio-probe: done", inmateFrom) >= 0 || hv.indexOf(parked, hvFrom) >= 0,
                    200 * BenchBoard.MS);
            String out = inmate.text().substring(inmateFrom);
            String hvOut = hv.text().substring(hvFrom);
            List<String> lines = accessLines.get(cfg.name());
            Map<Long, Byte> shadow = new HashMap<>();
            int firstForbidden = -1;
            int cursor = 0;
            for (int i = 0; i < lines.size(); i++) {
                String[] w = lines.get(i).split(" ");
                boolean write = w[0].startsWith("write");
                int width = Integer.parseInt(w[0].substring(write ? 5 : 4)) / 8;
                long address = Long.decode(w[1]);
                if (!allowed(cfg, address, width, write)) {
                    firstForbidden = i;
                    break;
                }
                Matcher m = completed(w[0], address).matcher(out);
                if (!m.find(cursor)) {
                    throw new AssertionError(String.format("cell %s: the allowed access '%s' did not complete:%n%s%n%s",
                            cfg.name(), lines.get(i), out, hvOut));
                }
                cursor = m.end();
                long value = Long.parseUnsignedLong(m.group(1), 16);
                if (isIo(cfg, address)) {
                    continue; // a device register, not memory: what is read back is the device's business
                }
                if (write) {
                    for (int b = 0; b < width; b++) shadow.put(address + b, (byte) (value >>> (8 * b)));
                } else {
                    long expected = 0;
                    boolean known = true;
                    for (int b = width - 1; b >= 0; b--) {
                        Byte v = shadow.get(address + b);
                        if (v == null) known = false;
                        else expected = (expected << 8) | (v & 0xff);
                    }
                    if (known && expected != value) {
                        throw new AssertionError(String.format("cell %s read 0x%x at 0x%x after writing 0x%x there",
                                cfg.name(), value, address, expected));
                    }
                }
            }
            Cell cell = bench.hypervisor().cellNamed(cfg.name()).orElseThrow();
            Statistics.label("outcome").collect(firstForbidden < 0 ? "all accesses allowed" : "parked at access " + (firstForbidden + 1));
            Statistics.label("board").collect(bench.kind().board() + (c.b().isPresent() ? ", two cells" : ", one cell"));
            if (firstForbidden < 0) {
                if (!out.contains("mmio-probe: done")) throw new AssertionError("cell " + cfg.name() + " did not finish:\n" + out + "\n" + hvOut);
                if (hvOut.contains("Parking CPU")) throw new AssertionError("a CPU was parked though every access was allowed:\n" + hvOut);
                if (cell.state() != CellState.RUNNING) throw new AssertionError("cell " + cfg.name() + " is " + cell.state());
            } else {
                String[] w = lines.get(firstForbidden).split(" ");
                boolean write = w[0].startsWith("write");
                int width = Integer.parseInt(w[0].substring(write ? 5 : 4)) / 8;
                String unhandled = String.format("Unhandled data %s at 0x%x(%d)", write ? "write" : "read", Long.decode(w[1]), width);
                if (!hvOut.contains(unhandled) || !hvOut.contains(parked)) {
                    throw new AssertionError(String.format("cell %s: the forbidden access '%s' was not stopped with '%s' and '%s':%n%s%n%s",
                            cfg.name(), lines.get(firstForbidden), unhandled, parked, out, hvOut));
                }
                if (completed(w[0], Long.decode(w[1])).matcher(out).find(cursor)) {
                    throw new AssertionError("the forbidden access '" + lines.get(firstForbidden) + "' returned:\n" + out);
                }
                if (cell.state() != CellState.FAILED) throw new AssertionError("cell " + cfg.name() + " is " + cell.state() + ", not failed");
                BitSet failed = cell.failedCpus();
                if (!failed.equals(BitSet.valueOf(new long[] {1L << cpu}))) {
                    throw new AssertionError("cell " + cfg.name() + " has failed CPUs " + failed + ", expected {" + cpu + "}");
                }
            }
            for (Cell other : bench.hypervisor().cells()) {
                if (other != cell && !other.failedCpus().isEmpty() && !(other.name().startsWith("iso-") && other.state() == CellState.FAILED)) {
                    throw new AssertionError("cell " + other.name() + " has failed CPUs " + other.failedCpus());
                }
            }
            return out.lines().filter(l -> l.startsWith("probe: ")).toList();
        }

        /** The probe's line for a finished access: reads print the value, writes print it with "done". */
        private static Pattern completed(String op, long address) {
            String head = Pattern.quote(String.format("probe: %s 0x%08x = 0x", op, address));
            return Pattern.compile(head + "([0-9a-f]+)" + (op.startsWith("write") ? " done" : "\\r?\\n"));
        }

        /** The oracle: a region of the configuration covers the access and grants its direction. */
        static boolean allowed(CellConfig cfg, long address, int width, boolean write) {
            for (MemoryRegion r : cfg.memoryRegions()) {
                if (address >= r.virt() && address + width <= r.virt() + r.size()) {
                    return (r.flags() & (write ? MemoryRegion.WRITE : MemoryRegion.READ)) != 0;
                }
            }
            return false;
        }

        private static boolean same(List<long[]> a, List<long[]> b) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!java.util.Arrays.equals(a.get(i), b.get(i))) return false;
            return true;
        }

        /**
         * The case as a scenario for a .feature file: the cells' YAML (for {@code warden config encode
         * iso-a.yaml -o cells/iso-a.cell} in the project), the steps, and what the oracle expects.
         */
        String scenario() {
            StringBuilder sb = new StringBuilder();
            for (String name : List.of("iso-a", "iso-b")) {
                CellConfig cfg = configs.get(name);
                if (cfg == null) continue;
                sb.append("# cells/").append(name).append(".yaml, then: warden config encode cells/").append(name)
                        .append(".yaml -o cells/").append(name).append(".cell\n");
                for (String l : dev.warden.config.ConfigYaml.write(cfg).split("\n")) sb.append("#   ").append(l).append('\n');
            }
            sb.append("  Scenario: isolation counterexample\n");
            sb.append("    Given the board \"").append(c.board()).append("\" has booted with the overlay \"")
                    .append(bench.kind().overlays().get(0)).append("\"\n");
            sb.append("    And the hypervisor is enabled with the root cell \"").append(bench.kind().rootCell()).append("\"\n");
            for (String name : List.of("iso-a", "iso-b")) {
                if (!configs.containsKey(name)) continue;
                sb.append("    And the cell \"cells/").append(name).append(".cell\" is created\n");
                sb.append("    And the inmate \"mmio-probe.bin\" is loaded into the cell \"").append(name).append("\" with the accesses:\n");
                for (String l : accessLines.getOrDefault(name, List.of())) sb.append("      | ").append(l).append(" |\n");
            }
            for (String name : List.of("iso-a", "iso-b")) {
                CellConfig cfg = configs.get(name);
                if (cfg == null) continue;
                sb.append("    When the cell \"").append(name).append("\" is started\n");
                List<String> lines = accessLines.getOrDefault(name, List.of());
                Optional<String> forbidden = lines.stream().filter(l -> {
                    String[] w = l.split(" ");
                    boolean write = w[0].startsWith("write");
                    return !allowed(cfg, Long.decode(w[1]), Integer.parseInt(w[0].substring(write ? 5 : 4)) / 8, write);
                }).findFirst();
                if (forbidden.isPresent()) {
                    String[] w = forbidden.get().split(" ");
                    boolean write = w[0].startsWith("write");
                    sb.append(String.format("    Then the hypervisor console shows \"Unhandled data %s at 0x%x(%d)\" within 200 ms%n",
                            write ? "write" : "read", Long.decode(w[1]), Integer.parseInt(w[0].substring(write ? 5 : 4)) / 8));
                    sb.append("    And the cell \"").append(name).append("\" is in state \"failed\"\n");
                    sb.append("    And CPU ").append(cfg.cpus().nextSetBit(0)).append(" is parked\n");
                } else {
                    sb.append("    Then the secondary console shows \"mmio-probe: done\" within 200 ms\n");
                    sb.append("    And the cell \"").append(name).append("\" is in state \"running\"\n");
                }
            }
            sb.append("    And the root cell is \"running\"\n");
            return sb.toString();
        }
    }
}
