package dev.warden.hardening.board;

import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.MemoryRegion;
import dev.warden.steps.inmates.ProbeParameters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The lifecycle as a property: random sequences of {@code jailhouse enable}, {@code cell create},
 * {@code cell load}, {@code cell start}, {@code cell shutdown}, {@code cell destroy} and
 * {@code disable}, typed at the root shell with valid and invalid arguments (a missing file, a cell
 * file given to enable, a system file given to cell create, a name twice, a CPU another cell owns
 * or the board does not have, a cell that does not exist, anything while Jailhouse is disabled).
 * Every command gets the exit status and message the real tool prints (jailhouse-facts 2.1, 2.3,
 * 5.1, 5.2), computed here from a model of the tool and the driver; after every command the
 * hypervisor model is consistent (each CPU owned by exactly one cell, no RAM mapped by two cells),
 * and once every cell is destroyed the page pool holds what it held before.
 */
class LifecyclePropertyTest {

    enum Op { ENABLE, ENABLE_CELL_FILE, ENABLE_MISSING, DISABLE, CREATE, CREATE_SYSTEM_FILE, CREATE_MISSING,
        CREATE_NO_SUCH_CPU, LOAD, START, SHUTDOWN, DESTROY }

    record Step(Op op, int cell) { }

    record Sequence(String board, List<Step> steps) { }

    @Provide
    Arbitrary<Sequence> sequences() {
        Arbitrary<Op> ops = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Op.ENABLE)), net.jqwik.api.Tuple.of(1, Arbitraries.just(Op.ENABLE_CELL_FILE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Op.ENABLE_MISSING)), net.jqwik.api.Tuple.of(2, Arbitraries.just(Op.DISABLE)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Op.CREATE)), net.jqwik.api.Tuple.of(1, Arbitraries.just(Op.CREATE_SYSTEM_FILE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Op.CREATE_MISSING)), net.jqwik.api.Tuple.of(1, Arbitraries.just(Op.CREATE_NO_SUCH_CPU)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Op.LOAD)), net.jqwik.api.Tuple.of(3, Arbitraries.just(Op.START)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Op.SHUTDOWN)), net.jqwik.api.Tuple.of(4, Arbitraries.just(Op.DESTROY)));
        // cell 3 is never created under that name: every operation on it meets "no such cell"
        Arbitrary<Step> step = Combinators.combine(ops, Arbitraries.integers().between(0, 3)).as(Step::new);
        return Combinators.combine(Arbitraries.of("k3-am654-idk", "qemu-arm64-virt"), step.list().ofMinSize(1).ofMaxSize(8))
                .as(Sequence::new);
    }

    /** Cases per run: jqwik.tries.default (hardening/pom.xml). */
    @Property(edgeCases = EdgeCasesMode.NONE)
    void everyStepAnswersAsJailhouseAndLeavesTheModelConsistent(@ForAll("sequences") Sequence s) {
        BenchBoard.Kind kind = IsolationPropertyTest.kind(s.board());
        BenchBoard bench = BenchBoard.of(kind);
        Model model = new Model(bench);
        try {
            for (Step step : s.steps()) {
                model.apply(step);
                Statistics.label("operation").collect(step.op());
            }
            model.restore();
        } catch (BenchBoard.ShellGone e) {
            BenchBoard.discard(kind);
            throw new AssertionError(model.transcript() + e.getMessage(), e);
        } catch (AssertionError e) {
            try {
                model.restore();
            } catch (RuntimeException | AssertionError ignored) {
                BenchBoard.discard(kind);
            }
            throw new AssertionError(e.getMessage() + "\n\nThe steps, as a user types them:\n" + model.transcript(), e);
        }
    }

    /** What the tool and the driver answer, from the facts; and the board's state to compare. */
    static final class Model {
        private final BenchBoard bench;
        private final String cells = "/usr/share/jailhouse/cells/";
        private final Map<String, Integer> living = new LinkedHashMap<>(); // name -> CPU
        private boolean enabled;
        private Map<String, Long> poolAtStart;
        private final StringBuilder transcript = new StringBuilder();

        Model(BenchBoard bench) {
            this.bench = bench;
            this.enabled = bench.lab().hypervisor().isPresent();
            if (!enabled || bench.hypervisor().cells().size() != 1) {
                throw new IllegalStateException("a case starts on an enabled hypervisor with only the root cell");
            }
            this.poolAtStart = bench.poolByOwner();
        }

        String transcript() {
            return transcript.toString();
        }

        private String name(int cell) {
            return "lc-" + cell;
        }

        private int cpu(int cell) {
            return bench.kind().cellCpus().get(cell % bench.kind().cellCpus().size());
        }

        /** A valid inmate cell: the board's inmate-demo with its own CPU and its own 64 KiB of pool RAM. */
        private String cellFile(int cell, int cpu, String name) {
            CellConfig t = bench.inmateTemplate();
            List<MemoryRegion> regions = new ArrayList<>();
            for (MemoryRegion r : t.memoryRegions()) {
                if ((r.flags() & MemoryRegion.LOADABLE) != 0) {
                    regions.add(new MemoryRegion(bench.kind().slot(48 + cell), 0, 0x10000, r.flags()));
                } else if ((r.flags() & MemoryRegion.COMM_REGION) != 0 || (r.flags() & MemoryRegion.IO) != 0
                        && (r.flags() & MemoryRegion.ROOTSHARED) == 0) {
                    regions.add(r);
                }
            }
            BitSet cpus = new BitSet();
            cpus.set(cpu);
            CellConfig cfg = t.withName(name).withCpus(cpus).withMemoryRegions(regions).withIrqchips(List.of())
                    .withPciDevices(List.of());
            String file = "/home/root/" + name + ".cell";
            bench.put(file, CellConfigs.encode(cfg));
            return file;
        }

        void apply(Step step) {
            String n = name(step.cell());
            switch (step.op()) {
                case ENABLE -> expect("jailhouse enable " + cells + bench.kind().rootCell(),
                        enabled ? Optional.of("JAILHOUSE_ENABLE: Device or resource busy") : Optional.empty(), () -> {
                            enabled = true;
                            poolAtStart = bench.poolByOwner();
                        });
                case ENABLE_CELL_FILE -> expect("jailhouse enable " + cells + bench.kind().inmateCell(),
                        Optional.of("JAILHOUSE_ENABLE: Invalid argument"), () -> { });
                case ENABLE_MISSING -> expect("jailhouse enable /home/root/missing.cell",
                        Optional.of("opening /home/root/missing.cell: No such file or directory"), () -> { });
                case DISABLE -> expect("jailhouse disable", enabled ? Optional.empty() : Optional.of("JAILHOUSE_DISABLE: Invalid argument"),
                        () -> {
                            enabled = false;
                            living.clear();
                        });
                case CREATE -> {
                    if (step.cell() == 3) {
                        apply(new Step(Op.CREATE_NO_SUCH_CPU, 3));
                        return;
                    }
                    int cpu = cpu(step.cell());
                    String file = cellFile(step.cell(), cpu, n);
                    Optional<String> error = !enabled ? Optional.of("JAILHOUSE_CELL_CREATE: Invalid argument")
                            : living.containsKey(n) ? Optional.of("JAILHOUSE_CELL_CREATE: File exists")
                            : living.containsValue(cpu) ? Optional.of("JAILHOUSE_CELL_CREATE: Device or resource busy")
                            : Optional.empty();
                    expect("jailhouse cell create " + file, error, () -> living.put(n, cpu));
                }
                case CREATE_NO_SUCH_CPU -> {
                    String file = cellFile(3, bench.lab().board().profile().cpus().size() + 3, "lc-nocpu");
                    expect("jailhouse cell create " + file, Optional.of(enabled ? "JAILHOUSE_CELL_CREATE: Device or resource busy"
                            : "JAILHOUSE_CELL_CREATE: Invalid argument"), () -> { });
                }
                case CREATE_SYSTEM_FILE -> expect("jailhouse cell create " + cells + bench.kind().rootCell(),
                        Optional.of("JAILHOUSE_CELL_CREATE: Invalid argument"), () -> { });
                case CREATE_MISSING -> expect("jailhouse cell create /home/root/missing.cell",
                        Optional.of("opening /home/root/missing.cell: No such file or directory"), () -> { });
                case LOAD -> {
                    String block = "/home/root/" + n + "-probe.bin";
                    bench.put(block, ProbeParameters.of(List.of()));
                    expect("jailhouse cell load " + n + " /usr/share/jailhouse/inmates/mmio-probe.bin " + block + " -a 0x1000",
                            management("JAILHOUSE_CELL_LOAD", n), () -> { });
                }
                case START -> expect("jailhouse cell start " + n, management("JAILHOUSE_CELL_START", n), () -> { });
                case SHUTDOWN -> expect("jailhouse cell shutdown " + n, management("JAILHOUSE_CELL_LOAD", n), () -> { });
                case DESTROY -> expect("jailhouse cell destroy " + n, management("JAILHOUSE_CELL_DESTROY", n), () -> living.remove(n));
            }
        }

        /** The driver's cell_management_prologue: EINVAL while disabled, ENOENT for an unknown cell. */
        private Optional<String> management(String ioctl, String name) {
            if (!enabled) return Optional.of(ioctl + ": Invalid argument");
            if (!living.containsKey(name)) return Optional.of(ioctl + ": No such file or directory");
            return Optional.empty();
        }

        private void expect(String command, Optional<String> error, Runnable onSuccess) {
            transcript.append("root# ").append(command).append('\n');
            BenchBoard.Result r = bench.run(command);
            transcript.append(r.output().isEmpty() ? "" : r.output().stripTrailing() + "\n")
                    .append("(exit ").append(r.status()).append(")\n");
            if (error.isPresent()) {
                if (r.status() != 1 || !r.output().contains(error.get())) {
                    throw new AssertionError("'" + command + "' should fail with exit 1 and '" + error.get() + "', got exit "
                            + r.status() + ":\n" + r.output());
                }
            } else {
                if (r.status() != 0) throw new AssertionError("'" + command + "' should succeed, got exit " + r.status() + ":\n" + r.output());
                onSuccess.run();
            }
            requireConsistent();
        }

        private void requireConsistent() {
            if (enabled != bench.lab().hypervisor().isPresent()) {
                throw new AssertionError("the hypervisor is " + (bench.lab().hypervisor().isPresent() ? "enabled" : "disabled")
                        + ", the tool's answers say otherwise");
            }
            if (!enabled) {
                if (bench.lab().linux().onlineCpus().size() != bench.lab().board().profile().cpus().size()) {
                    throw new AssertionError("after disable Linux has CPUs " + bench.lab().linux().onlineCpus() + " online");
                }
                return;
            }
            List<String> names = bench.hypervisor().cells().stream().filter(c -> !c.isRoot()).map(c -> c.name()).sorted().toList();
            if (!names.equals(living.keySet().stream().sorted().toList())) {
                throw new AssertionError("the hypervisor has the cells " + names + ", expected " + living.keySet());
            }
            bench.requireCpusOwnedOnce();
            bench.requireNoRamMappedTwice();
            if (living.isEmpty()) bench.requirePoolBack(poolAtStart);
        }

        /** Leaves the board as the next case expects it: enabled, no cell but the root cell. */
        void restore() {
            for (String n : List.copyOf(living.keySet())) apply(new Step(Op.DESTROY, Integer.parseInt(n.substring(3))));
            if (!enabled) apply(new Step(Op.ENABLE, 0));
        }
    }
}
