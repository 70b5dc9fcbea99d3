package dev.warden.hypervisor.core;

import dev.warden.emulator.board.Board;
import dev.warden.emulator.el2.Errno;
import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;
import dev.warden.config.PlatformInfo;
import dev.warden.config.SystemConfig;
import dev.warden.hypervisor.console.HypervisorConsole;
import dev.warden.hypervisor.mmio.GicDistributorFilter;
import dev.warden.hypervisor.mmio.MmioAccess;
import dev.warden.hypervisor.mmio.MmioResult;
import dev.warden.hypervisor.mmio.IvshmemEndpoint;
import dev.warden.hypervisor.mmio.RegmapHandler;
import dev.warden.hypervisor.mmio.VirtualPciHost;
import dev.warden.hypervisor.mmio.SubPageRegion;
import dev.warden.config.Regmap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Jailhouse hypervisor model: enabled from a system configuration, it owns the board's CPUs
 * through cells, keeps each cell's stage-2 map and trapped register windows, prints on its debug
 * console what the real one prints, and parks a CPU whose access no cell resource answers. The
 * operations here are the hypercalls the root cell's driver issues (jailhouse-facts §4).
 */
public final class Hypervisor {

    static final long MEM_COMM_REGION = 0x20;
    static final long MEM_ROOTSHARED = 0x80;
    static final long MEM_LOADABLE = 0x40;
    static final long MEM_READ = 0x1;
    static final long MEM_WRITE = 0x2;
    /** Our own stage-2 flag for the hypervisor's memory as the root cell sees it: empty pages. */
    public static final long ZERO_PAGE = 1L << 62;

    private final Board board;
    private final SystemConfig system;
    private final Personality personality;
    private final HypervisorConsole console;
    private final PagePool pool;
    private final TreeMap<Integer, Cell> cells = new TreeMap<>();
    private final List<ParkListener> parkListeners = new ArrayList<>();
    private final List<CellListener> cellListeners = new ArrayList<>();
    /** TI's regmap unit: each cell's register grants. */
    private final Map<Cell, List<RegmapHandler>> regmaps = new java.util.IdentityHashMap<>();
    private List<Regmap> rootRegmaps = List.of();
    /** ivshmem: every endpoint by the BDF that links it to its peers, and each cell's own. */
    private final Map<Integer, List<IvshmemEndpoint>> ivshmemByBdf = new TreeMap<>();
    private final Map<Cell, List<IvshmemEndpoint>> ivshmemByCell = new java.util.IdentityHashMap<>();
    /** The hypervisor's own allocations and address space, and each cell's pool structures. */
    private EnableAllocations setup;
    private final Map<Cell, CellAllocations> allocations = new java.util.IdentityHashMap<>();
    private int pvuUnits;
    private boolean enabled;
    private boolean shuttingDown;
    /** The CPUs that entered at enable and have not left again through DISABLE. */
    private final BitSet enteredCpus = new BitSet();
    private final CpuStatistics statistics;
    /** Root-cell CPUs that left through PSCI CPU_OFF and wait in the hypervisor to be switched on. */
    private final BitSet rootCpusOff = new BitSet();

    /** Told when a CPU is parked (a fault, or the cell being reloaded or destroyed), so whoever runs it stops it. */
    @FunctionalInterface
    public interface ParkListener {
        void parked(int cpu, Cell cell);
    }

    /** Told when cells start and go away, so the runner of their CPUs follows. */
    public interface CellListener {
        default void started(Cell cell) { }

        default void destroyed(Cell cell) { }
    }

    private Hypervisor(Board board, SystemConfig system, Personality personality, HypervisorConsole console,
                       long coreBytes) {
        this.board = board;
        this.system = system;
        this.personality = personality;
        this.console = console;
        this.pool = new PagePool(system.hypervisorMemory().size(), (int) PagePool.pagesFor(coreBytes));
        this.statistics = new CpuStatistics(board.profile().cpus().size());
    }

    /**
     * The first CPU to enter (jailhouse-facts §3.1): the banner, paging and the root cell's early
     * part, the early page-pool figure. The other phases follow as the CPUs arrive ({@link #cpuInit})
     * and once all have ({@link #initLate}).
     *
     * @param system     the system configuration in revision-14 meanings
     * @param asLoaded   the same as the driver copied it (its release's layout: its size, TI's regmaps)
     * @param masterCpu  the CPU that takes the init lock first (the one running the driver's call)
     * @param coreBytes  the hypervisor core's size, from the image's header: the pool starts after it
     */
    public static Hypervisor initEarly(Board board, SystemConfig system, Personality personality,
                                       HypervisorConsole console, int masterCpu, SystemConfig asLoaded, long coreBytes) {
        Hypervisor hv = new Hypervisor(board, system, personality, console, coreBytes);
        hv.rootRegmaps = List.copyOf(asLoaded.rootCell().regmaps());
        hv.printk(String.format("\nInitializing Jailhouse hypervisor %s on CPU %d\n", personality.version(), masterCpu));
        hv.printk("Code location: 0x0000ffffc0200800\n");
        hv.setup = new EnableAllocations(hv.pool, personality, system, hv.physicalAddressBits());
        hv.setup.pagingInit(CellConfigs.sizeOf(asLoaded, asLoaded.format()));
        hv.initRootCell(system.rootCell());
        hv.printk("Page pool usage after early setup: " + hv.pool.usage() + "\n");
        hv.printk("Initializing processors:\n");
        return hv;
    }

    /** A CPU's own initialisation: " CPU n... OK", or FAILED for a CPU the root cell does not have. */
    public void cpuInit(int cpu) {
        boolean ok = system.rootCell().cpus().get(cpu);
        printk(String.format(" CPU %d... %s\n", cpu, ok ? "OK" : "FAILED"));
        if (!ok) throw new HypervisorError(Errno.EINVAL, "CPU " + cpu + " is not in the root cell");
        setup.cpuInit(cpu);
        enteredCpus.set(cpu);
    }

    /** Once every online CPU has entered: the units, the root cell's memory, and activation. */
    public void initLate() {
        CellConfig rootConfig = system.rootCell();
        if (enteredCpus.cardinality() != rootConfig.cpus().cardinality()) {
            throw new HypervisorError(Errno.EINVAL, enteredCpus.cardinality() + " CPUs online, the root cell has "
                    + rootConfig.cpus().cardinality());
        }
        PlatformInfo platform = system.platform();
        if (platform.gicVersion() != 3) {
            throw new HypervisorError(Errno.EINVAL, "GIC version " + platform.gicVersion() + " is not supported here");
        }
        Cell root = root();
        for (String unit : personality.units()) {
            printk("Initializing unit: " + unit + "\n");
            switch (unit) {
                case "irqchip" -> setup.irqchipInit();
                case "PVU IOMMU" -> initPvu(root);
                case "PCI" -> {
                    setup.pciInit();
                    addRootCell(root);
                }
                case "regmap" -> attachRegmaps(root, rootRegmaps);
                default -> { }   // SMMUs: no configuration Warden runs has one (research/pagepool.md §7)
            }
        }
        printk("Page pool usage after late setup: " + pool.usage() + "\n");
        printk("Activating hypervisor\n");
        enabled = true;
    }

    /**
     * The root cell as early setup makes it: its generic initialisation and stage-2 root, and the
     * hypervisor memory backed by empty read-only pages (one page at a time, so pages, never blocks).
     */
    private Cell initRootCell(CellConfig rootConfig) {
        Cell root = new Cell(0, rootConfig, setup.newStage2(cellOwner(0)));
        CellAllocations alloc = new CellAllocations(pool, cellOwner(0), personality.footprint());
        allocations.put(root, alloc);
        cells.put(0, root);
        alloc.cellInit(rootConfig, system);
        setup.archInitEarly();
        alloc.stage2Root(setup.cellMode().rootPages());
        MemoryRegion hv = system.hypervisorMemory();
        root.stage2().map(hv.phys(), hv.phys(), hv.size(), MEM_READ | ZERO_PAGE, false);
        // of the hypervisor's memory, the root cell reads the console page for real (the driver's jailhouse console)
        console.page().ifPresent(page -> root.stage2().map(page, page, PagePool.PAGE, MEM_READ, false));
        return root;
    }

    /** The PCI unit's root cell part, then the root cell's memory regions (late setup). */
    private void addRootCell(Cell root) {
        CellConfig rootConfig = root.config();
        root.irqSet().or(Cell.configuredIrqs(rootConfig, system.platform().gicdBase()));
        for (MemoryRegion r : rootConfig.memoryRegions()) mapRegion(root, r);
        registerIrqchip(root);
        allocations.get(root).pciDevices(rootConfig.pciDevices().size());
        addPciDevices(root, "root");
        root.state(CellState.RUNNING);
    }

    /** TI's PVU unit: its windows, and the root cell's entry list when there is a PVU. */
    private void initPvu(Cell root) {
        pvuUnits = setup.pvuInit();
        if (pvuUnits > 0) allocations.get(root).pvuEntries();
    }

    /** The smallest physical address range of the root cell's CPUs sizes every stage 2. */
    private int physicalAddressBits() {
        var cpus = board.profile().cpus();
        List<String> cores = new ArrayList<>();
        BitSet set = system.rootCell().cpus();
        for (int c = set.nextSetBit(0); c >= 0 && c < cpus.size(); c = set.nextSetBit(c + 1)) cores.add(cpus.get(c).core());
        return dev.warden.hypervisor.paging.CpuAddressRange.smallest(cores);
    }

    // ---- cell management (hypercalls 1-4) ----

    /**
     * CELL_CREATE: the checks of jailhouse-facts §5.2 (hypervisor part), then the new cell, shut
     * down.
     *
     * @param config      the configuration in revision-14 meanings
     * @param cellRegmaps its regmaps (TI's fork)
     * @param configBytes the size of the configuration as the root cell passed it
     */
    public Cell createCell(CellConfig config, int callerCpu, List<Regmap> cellRegmaps, long configBytes) {
        requireEnabled();
        for (Cell c : cells.values()) {
            if (c.state() == CellState.RUNNING_LOCKED) throw new HypervisorError(Errno.EPERM, "cell " + c.name() + " is locked");
            if (c.name().equals(config.name())) throw new HypervisorError(Errno.EEXIST, "a cell named " + c.name() + " exists");
        }
        if (configBytes > 16 * PagePool.PAGE) throw new HypervisorError(Errno.E2BIG, "configuration of " + configBytes + " bytes");
        BitSet cpus = config.cpus();
        if (cpus.get(callerCpu)) throw new HypervisorError(Errno.EBUSY, "the calling CPU " + callerCpu + " is in the new cell");
        BitSet notRoot = (BitSet) cpus.clone();
        notRoot.andNot(root().cpuSet());
        if (!notRoot.isEmpty()) throw new HypervisorError(Errno.EBUSY, "CPUs " + notRoot + " do not belong to the root cell");
        for (var chip : config.irqchips()) {
            if (chip.address() == system.platform().gicdBase() && (chip.pinBase() % 32 != 0 || chip.pinBase() + 128 > 1024)) {
                throw new HypervisorError(Errno.EINVAL, "irqchip pin_base " + chip.pinBase());
            }
        }
        List<int[]> takenFromRoot = regmapRegistersTakenFromRoot(cellRegmaps);
        int id = lowestFreeId();
        Cell cell = new Cell(id, config, setup.newStage2(cellOwner(id)));
        allocateCellStructures(cell, configBytes, cellRegmaps);
        Cell root = root();
        root.cpuSet().andNot(cpus);
        rootCpusOff.andNot(cpus);
        for (int c = cpus.nextSetBit(0); c >= 0; c = cpus.nextSetBit(c + 1)) statistics.reset(c);
        for (MemoryRegion r : config.memoryRegions()) {
            if (r.has(MEM_COMM_REGION) || r.has(MEM_ROOTSHARED)) continue;
            if (r.isSubPage()) root.mmio().unregister(r.phys(), r.size());
            else root.stage2().unmap(r.phys(), r.size());
        }
        for (MemoryRegion r : config.memoryRegions()) mapRegion(cell, r);
        BitSet irqs = Cell.configuredIrqs(config, system.platform().gicdBase());
        cell.irqSet().or(irqs);
        BitSet spis = (BitSet) irqs.clone();
        spis.clear(0, 32);
        root.irqSet().andNot(spis);
        registerIrqchip(cell);
        targetSpis(cell, cell);
        cells.put(id, cell);
        addPciDevices(cell, config.name());
        attachRegmaps(cell, cellRegmaps);
        for (int[] t : takenFromRoot) regmaps.get(root).get(t[0]).take(t[1]);
        printk("Created cell \"" + config.name() + "\"\n");
        printk("Page pool usage after cell creation: " + pool.usage() + "\n");
        return cell;
    }

    /**
     * What creating a cell takes from the pool before its memory is moved (research/pagepool.md
     * §5): the cell structure with the configuration, the generic and arch initialisation, and the
     * units' per-cell state. A refusal (ENOMEM) gives back what was taken.
     */
    private void allocateCellStructures(Cell cell, long configBytes, List<Regmap> cellRegmaps) {
        CellAllocations alloc = new CellAllocations(pool, cellOwner(cell.id()), personality.footprint());
        try {
            alloc.structure(configBytes);
            alloc.cellInit(cell.config(), system);
            alloc.stage2Root(setup.cellMode().rootPages());
            if (pvuUnits > 0) alloc.pvuEntries();
            alloc.pciDevices(cell.config().pciDevices().size());
            if (personality.units().contains("regmap")) alloc.regmaps(cellRegmaps.size());
        } catch (HypervisorError e) {
            alloc.freeAll();
            throw e;
        }
        allocations.put(cell, alloc);
    }

    /**
     * The shutdown request every management call sends first (jailhouse-facts §4.7). A passive
     * cell, or one already shut down or failed, is taken as agreeing. Otherwise the cell must
     * answer in its comm region; a denial fails the call with EPERM. A cell that does not answer
     * within its msg_reply_timeout is set to failed (with the hypervisor's message); without a
     * timeout the calling root CPU spins for ever ({@link RootCpuStalled}).
     */
    private void requestShutdown(Cell cell) {
        if (cell.config().hasFlag(CellConfig.PASSIVE_COMMREG)) return;
        if (cell.state() == CellState.SHUT_DOWN || cell.state() == CellState.FAILED) return;
        CommRegion comm = cell.comm();
        if (comm.messageToCell() == CommRegion.MSG_NONE && comm.replyFromCell() != CommRegion.REPLY_NONE) {
            // the cell answered a request sent before: take its answer
        } else {
            comm.send(CommRegion.MSG_SHUTDOWN_REQUEST);
        }
        int reply = comm.replyFromCell();
        if (reply == CommRegion.REPLY_APPROVED) return;
        if (reply != CommRegion.REPLY_NONE) {
            throw new HypervisorError(Errno.EPERM, "cell \"" + cell.name() + "\" refused the shutdown request");
        }
        if (cell.config().msgReplyTimeout() > 0) {
            printk("Timeout expired while waiting for reply from target cell\n");
            parkAll(cell);
            cell.state(CellState.FAILED);
            return;
        }
        throw new RootCpuStalled(cell.name());
    }

    /** CELL_SET_LOADABLE (load and shutdown): parks the cell's CPUs and lets the root cell write its loadable regions. */
    public void setLoadable(int id) {
        Cell cell = nonRoot(id);
        requestShutdown(cell);
        cell.failedSet().clear();
        managementExit(cell);
        parkAll(cell);
        if (cell.loadable()) return;
        cell.state(CellState.SHUT_DOWN);
        cell.loadable(true);
        for (MemoryRegion r : cell.config().memoryRegions()) {
            if (r.has(MEM_LOADABLE)) giveBackToRoot(r);
        }
        printk("Cell \"" + cell.name() + "\" can be loaded\n");
    }

    /** CELL_START: takes the loadable regions back, resets the comm page and the cell's CPUs. */
    public void start(int id) {
        Cell cell = nonRoot(id);
        requestShutdown(cell);
        if (cell.loadable()) {
            for (MemoryRegion r : cell.config().memoryRegions()) {
                if (r.has(MEM_LOADABLE) && !r.isSubPage()) root().stage2().unmap(r.phys(), r.size());
            }
            cell.loadable(false);
        }
        cell.failedSet().clear();
        int flags = 0;
        if (cell.config().hasFlag(CellConfig.VIRTUAL_CONSOLE_PERMITTED)) flags |= 0x1;
        if (cell.config().hasFlag(CellConfig.VIRTUAL_CONSOLE_ACTIVE)) flags |= 0x2;
        cell.comm().reset(flags, cell.config().console(), system.platform(), cell.config().vpciIrqBase());
        cell.state(CellState.RUNNING);
        managementExit(cell);
        printk("Started cell \"" + cell.name() + "\"\n");
        for (CellListener l : cellListeners) l.started(cell);
    }

    /** CELL_DESTROY: CPUs and memory go back to the root cell, the pages back to the pool. */
    public void destroy(int id) {
        Cell cell = nonRoot(id);
        requestShutdown(cell);
        printk("Closing cell \"" + cell.name() + "\"\n");
        parkAll(cell);
        cell.state(CellState.SHUT_DOWN);
        Cell root = root();
        for (MemoryRegion r : cell.config().memoryRegions()) {
            // the cell's tables go back to the pool as they become empty
            if (!r.isSubPage()) cell.stage2().unmap(r.virt(), r.size());
            if (r.has(MEM_COMM_REGION) || r.has(MEM_ROOTSHARED)) continue;
            giveBackToRoot(r);
        }
        root.cpuSet().or(cell.cpuSet());
        rootCpusOff.or(cell.cpuSet()); // they come back parked: Linux switches them on with PSCI CPU_ON
        BitSet spis = cell.irqSet();
        spis.clear(0, 32);
        BitSet rootConfigured = Cell.configuredIrqs(root.config(), system.platform().gicdBase());
        spis.and(rootConfigured);
        root.irqSet().or(spis);
        targetSpis(cell, root);
        giveRegistersBack(cell);
        List<IvshmemEndpoint> gone = ivshmemByCell.remove(cell);
        if (gone != null) {
            ivshmemByBdf.values().forEach(list -> list.removeAll(gone));
            // a link's page goes when its last endpoint does
            for (IvshmemEndpoint ep : gone) {
                if (ivshmemByBdf.get(ep.bdf()).isEmpty() && pool.heldBy(linkOwner(ep.bdf())) > 0) {
                    pool.free(linkOwner(ep.bdf()), "ivshmem link", 1);
                }
            }
        }
        cells.remove(id);
        allocations.remove(cell).freeAll();
        for (CellListener l : cellListeners) l.destroyed(cell);
        printk("Page pool usage after cell destruction: " + pool.usage() + "\n");
    }

    /**
     * DISABLE on one root CPU: only when no non-root cell is left. The first CPU to call it prints
     * the shutdown line; every CPU is released; after the last one the hypervisor is gone.
     *
     * @return whether this was the last CPU to leave
     */
    public boolean disable(int cpu) {
        requireEnabled();
        if (cells.size() > 1) throw new HypervisorError(Errno.EBUSY, "non-root cells exist");
        if (!shuttingDown) {
            printk("Shutting down hypervisor\n");
            shuttingDown = true;
        }
        printk(String.format(" Releasing CPU %d\n", cpu));
        enteredCpus.clear(cpu);
        if (!enteredCpus.isEmpty()) return false;
        enabled = false;
        return true;
    }

    // ---- the memory path of a cell ----

    /**
     * What an access of a cell CPU becomes: a mapped RAM or device access, an emulated register,
     * or a fault that parks the CPU. Modeled guests call this through {@link #memoryOf}; emulated
     * cores through their memory port.
     */
    public AccessOutcome access(Cell cell, CpuContext cpu, MmioAccess a) {
        Optional<dev.warden.hypervisor.paging.Stage2Map.Mapping> m = cell.stage2().lookup(a.address());
        if (m.isPresent() && (m.get().flags() & (a.isWrite() ? MEM_WRITE : MEM_READ)) != 0) {
            long phys = m.get().translate(a.address());
            if ((m.get().flags() & ZERO_PAGE) != 0) {
                a.value(0);
            } else if ((m.get().flags() & MEM_COMM_REGION) != 0) {
                if (a.isWrite()) cell.comm().write(a.address() - m.get().ipa(), a.size(), a.value());
                else a.value(cell.comm().read(a.address() - m.get().ipa(), a.size()));
            } else if (a.isWrite()) {
                board.bus().write(phys, a.size(), a.value());
            } else {
                a.value(board.bus().read(phys, a.size()));
            }
            return AccessOutcome.DONE;
        }
        // only here does the real stage 2 fault: one MMIO exit, handled or not
        statistics.exit(cpu.cpuId(), CpuStat.MMIO);
        MmioResult r = cell.mmio().dispatch(a);
        if (r.kind() == MmioResult.Kind.HANDLED) return AccessOutcome.DONE;
        String cause = r.kind() == MmioResult.Kind.FORBIDDEN ? r.message().orElse(null)
                : String.format("Unhandled data %s at 0x%x(%d)", a.direction(), a.address(), a.size());
        park(cell, cpu, cause, r.kind() == MmioResult.Kind.FORBIDDEN, FaultReport.EC_DABT_LOW);
        return AccessOutcome.PARKED;
    }

    /** Outcome of one cell access. */
    public enum AccessOutcome { DONE, PARKED }

    /** The cell's memory path for modeled code running on {@code cpu}. */
    public MemoryAccess memoryOf(Cell cell, dev.warden.emulator.el2.ModeledCpu cpu) {
        return new CellMemoryAccess(this, cell, cpu);
    }

    /** The exit counters of every CPU. */
    public CpuStatistics statistics() { return statistics; }

    /** The cell's CPUs are told to stop or reset by the root: one management exit each. */
    private void managementExit(Cell cell) {
        for (int c = cell.cpuSet().nextSetBit(0); c >= 0; c = cell.cpuSet().nextSetBit(c + 1)) {
            statistics.exit(c, CpuStat.MANAGEMENT);
        }
    }

    /**
     * How the root kernel's CPUs (modeled, no emulated core) are switched on and off through the
     * PSCI the hypervisor emulates for the root cell: CPU_OFF parks the CPU in the hypervisor,
     * AFFINITY_INFO reports it off, CPU_ON of a parked root CPU lets it run again.
     */
    public CpuPower modeledPower() {
        return new CpuPower() {
            @Override public boolean powerOn(int cpu, long entry, long context) {
                if (!rootCpusOff.get(cpu)) return false;
                rootCpusOff.clear(cpu);
                return true;
            }

            @Override public void powerOff(int cpu) { rootCpusOff.set(cpu); }

            @Override public boolean isOn(int cpu) { return !rootCpusOff.get(cpu); }
        };
    }

    /** Prints the fault sequence, marks the CPU failed and tells whoever runs it to stop. */
    public void park(Cell cell, CpuContext cpu, String cause, boolean forbidden, int exceptionClass) {
        printk(FaultReport.format(cause, forbidden, exceptionClass, cpu, cell.name()));
        cell.failedSet().set(cpu.cpuId());
        if (!cell.isRoot() && cell.failedSet().equals(cell.cpuSet())) cell.state(CellState.FAILED);
        for (ParkListener l : parkListeners) l.parked(cpu.cpuId(), cell);
    }

    // ---- queries ----

    public boolean isEnabled() { return enabled; }

    public Personality personality() { return personality; }

    public SystemConfig system() { return system; }

    public PagePool pool() { return pool; }

    public HypervisorConsole console() { return console; }

    public Board board() { return board; }

    public Cell root() { return cells.get(0); }

    public Collection<Cell> cells() { return List.copyOf(cells.values()); }

    public Optional<Cell> cell(int id) { return Optional.ofNullable(cells.get(id)); }

    public Optional<Cell> cellNamed(String name) {
        return cells.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The cell that owns a CPU now. */
    public Optional<Cell> cellOfCpu(int cpu) {
        // every memory access of a modeled guest asks this: a loop, not a stream
        for (Cell c : cells.values()) if (c.cpuSet().get(cpu)) return Optional.of(c);
        return Optional.empty();
    }

    public void onPark(ParkListener l) {
        parkListeners.add(l);
    }

    public void onCell(CellListener l) {
        cellListeners.add(l);
    }

    public void printk(String text) {
        console.printk(text);
    }

    // ---- helpers ----

    private void mapRegion(Cell cell, MemoryRegion r) {
        if (r.size() == 0) return;
        if (r.has(MEM_COMM_REGION)) {
            cell.stage2().map(r.virt(), 0, r.size(), r.flags(), huge(r));
        } else if (r.isSubPage()) {
            cell.mmio().register(r.virt(), r.size(), "sub-page region", new SubPageRegion(r, board.bus()));
        } else {
            cell.stage2().map(r.virt(), r.phys(), r.size(), r.flags(), huge(r));
        }
    }

    /** Whether a region's stage-2 mapping may use blocks (NO_HUGEPAGES, where the release knows it). */
    private boolean huge(MemoryRegion r) {
        return !(personality.footprint().noHugepagesFlag() && r.has(MemoryRegion.NO_HUGEPAGES));
    }

    /** The parts of {@code r} that the root configuration has, mapped back with the root's flags. */
    private void giveBackToRoot(MemoryRegion r) {
        Cell root = root();
        for (MemoryRegion rr : root.config().memoryRegions()) {
            long start = Math.max(r.phys(), rr.phys());
            long end = Math.min(r.phys() + r.size(), rr.phys() + rr.size());
            if (start >= end || rr.isSubPage() || rr.has(MEM_COMM_REGION)) continue;
            root.stage2().map(rr.virt() + (start - rr.phys()), start, end - start, rr.flags(), huge(rr));
        }
    }

    private void attachRegmaps(Cell cell, List<Regmap> list) {
        if (list.isEmpty() || !personality.units().contains("regmap")) return;
        List<RegmapHandler> handlers = new ArrayList<>();
        for (Regmap m : list) {
            if (m.regCount() > 256 || (m.flags() & (MEM_READ | MEM_WRITE)) == 0) {
                throw new HypervisorError(Errno.EINVAL, String.format("regmap at 0x%x", m.regBase()));
            }
            RegmapHandler h = new RegmapHandler(m, board.bus(), this::printk);
            // the block is mapped for the hypervisor; TI's regmap unit never unmaps it again
            setup.mapDevice("regmap", h.base(), h.size());
            // every access traps, even where a memory region maps the block
            cell.stage2().unmap(h.base(), h.size());
            cell.mmio().register(h.base(), h.size(), "regmap", h);
            handlers.add(h);
        }
        regmaps.put(cell, handlers);
        if (cell.isRoot()) allocations.get(cell).regmaps(list.size());
    }

    /**
     * The root-cell registers a new cell's regmaps take (unless ROOTSHARED), as {handler index,
     * register}; checked before anything changes, since a register the root does not own fails
     * the creation.
     */
    private List<int[]> regmapRegistersTakenFromRoot(List<Regmap> cellRegmaps) {
        List<int[]> taken = new ArrayList<>();
        if (!personality.units().contains("regmap")) return taken;
        List<RegmapHandler> rootHandlers = regmaps.getOrDefault(root(), List.of());
        for (Regmap m : cellRegmaps) {
            if ((m.flags() & RegmapHandler.ROOTSHARED) != 0) continue;
            for (int r : m.registers()) {
                long address = m.regBase() + (long) r * m.regSize();
                for (int i = 0; i < rootHandlers.size(); i++) {
                    int rootReg = rootHandlers.get(i).registerAt(address);
                    if (rootReg < 0) continue;
                    if (!rootHandlers.get(i).owns(rootReg)) {
                        printk(String.format("ERROR: Root cell does not own bitmap for reg %x\n", address));
                        throw new HypervisorError(Errno.EINVAL, String.format("register 0x%x is not the root cell's", address));
                    }
                    taken.add(new int[] {i, rootReg});
                }
            }
        }
        return taken;
    }

    private void giveRegistersBack(Cell cell) {
        List<RegmapHandler> mine = regmaps.remove(cell);
        List<RegmapHandler> rootHandlers = regmaps.getOrDefault(root(), List.of());
        if (mine == null) return;
        for (RegmapHandler h : mine) {
            if ((h.regmap().flags() & RegmapHandler.ROOTSHARED) != 0) continue;
            for (int r : h.regmap().registers()) {
                long address = h.base() + (long) r * h.regmap().regSize();
                for (RegmapHandler rh : rootHandlers) {
                    int rootReg = rh.registerAt(address);
                    if (rootReg >= 0) rh.give(rootReg);
                }
            }
        }
    }

    private void registerIrqchip(Cell cell) {
        PlatformInfo p = system.platform();
        cell.mmio().register(p.gicdBase(), 0x10000, "GICD", new GicDistributorFilter(p.gicdBase(), board.bus(),
                cell::ownsIrq, mpidr -> cellHasMpidr(cell, mpidr), cell.isRoot()));
        long frames = 0x20000L * board.profile().cpus().size();
        cell.mmio().register(p.gicrBase(), frames, "GICR", access -> {
            if (access.isWrite()) board.bus().write(access.address(), access.size(), access.value());
            else access.value(board.bus().read(access.address(), access.size()));
            return MmioResult.HANDLED;
        });
    }

    private boolean cellHasMpidr(Cell cell, long mpidr) {
        var cpus = board.profile().cpus();
        for (int c = cell.cpuSet().nextSetBit(0); c >= 0 && c < cpus.size(); c = cell.cpuSet().nextSetBit(c + 1)) {
            if (cpus.get(c).mpidr() == mpidr) return true;
        }
        return false;
    }

    private void addPciDevices(Cell cell, String who) {
        for (PciDevice d : cell.config().pciDevices()) {
            if (!d.isIvshmem()) {
                printk(String.format("Adding PCI device %s to cell \"%s\"\n", d.bdfText(), cell.name()));
                continue;
            }
            printk(String.format("Adding virtual PCI device %s to cell \"%s\"\n", d.bdfText(), cell.name()));
            List<String> peers = ivshmemByBdf.getOrDefault(d.bdf(), List.of()).stream()
                    .map(IvshmemEndpoint::cellName).toList();
            if (!peers.isEmpty()) {
                if (personality.tiFork()) {
                    printk(String.format("Shared memory connection established: \"%s\" <--> \"%s\"\n", cell.name(), peers.get(0)));
                } else {
                    printk("Shared memory connection established, peer cells:\n");
                    for (String p : peers) printk(" \"" + p + "\"\n");
                }
            }
            addIvshmemEndpoint(cell, d);
        }
        registerVirtualPciHost(cell);
    }

    private void addIvshmemEndpoint(Cell cell, PciDevice d) {
        int slot = (d.bdf() >> 3) & 0x1f;
        long intid = 32L + cell.config().vpciIrqBase() + (slot & 3);
        IvshmemEndpoint ep = new IvshmemEndpoint(cell.name(), d, cell.config().memoryRegions(), board.bus(), this::ring,
                vector -> inject(intid));
        List<IvshmemEndpoint> link = ivshmemByBdf.computeIfAbsent(d.bdf(), b -> new ArrayList<>());
        // the first endpoint of a link allocates it
        if (link.isEmpty()) pool.allocate(linkOwner(d.bdf()), "ivshmem link", 1);
        link.add(ep);
        ivshmemByCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(ep);
    }

    /**
     * Routes the SPIs {@code owner} owns to the first CPU of {@code to}, as the hypervisor does when
     * a cell is created (to the cell) and destroyed (back to the root cell).
     */
    private void targetSpis(Cell owner, Cell to) {
        int first = to.cpuSet().nextSetBit(0);
        if (first < 0 || first >= board.profile().cpus().size()) return;
        long mpidr = board.profile().cpus().get(first).mpidr();
        long gicd = system.platform().gicdBase();
        for (int irq = owner.irqSet().nextSetBit(32); irq >= 0 && irq < 1020; irq = owner.irqSet().nextSetBit(irq + 1)) {
            board.bus().write(gicd + 0x6000 + 8L * irq, 8, mpidr);
        }
    }

    /** The cell's view of the virtual PCI bus: only its own ivshmem functions answer there. */
    private void registerVirtualPciHost(Cell cell) {
        PlatformInfo p = system.platform();
        if (p.pciMmconfigBase() == 0 || p.pciIsVirtual() == 0) return;
        long size = (long) (p.pciMmconfigEndBus() + 1) << 20;
        cell.stage2().unmap(p.pciMmconfigBase(), size);
        cell.mmio().register(p.pciMmconfigBase(), size, "virtual PCI",
                new VirtualPciHost(p.pciMmconfigBase(), ivshmemByCell.computeIfAbsent(cell, c -> new ArrayList<>()), cell.mmio()));
    }

    /** A doorbell: the endpoint on the same link with the ID it names gets the interrupt. */
    private void ring(IvshmemEndpoint from, int target, int vector) {
        for (IvshmemEndpoint peer : ivshmemByBdf.getOrDefault(from.bdf(), List.of())) {
            if (peer != from && peer.id() == target) peer.doorbell(vector);
        }
    }

    /** Makes an interrupt pending at the distributor, as the hypervisor's injection does. */
    private void inject(long intid) {
        long gicd = system.platform().gicdBase();
        board.bus().write(gicd + 0x200 + (intid / 32) * 4, 4, 1L << (intid % 32));
    }

    private static String cellOwner(int id) {
        return "cell:" + id;
    }

    private static String linkOwner(int bdf) {
        return String.format("ivshmem:%04x", bdf);
    }

    private void parkAll(Cell cell) {
        for (int cpu = cell.cpuSet().nextSetBit(0); cpu >= 0; cpu = cell.cpuSet().nextSetBit(cpu + 1)) {
            for (ParkListener l : parkListeners) l.parked(cpu, cell);
        }
    }

    private int lowestFreeId() {
        int id = 1;
        while (cells.containsKey(id)) id++;
        return id;
    }

    private Cell nonRoot(int id) {
        requireEnabled();
        if (id == 0) throw new HypervisorError(Errno.EINVAL, "the root cell cannot be managed");
        Cell c = cells.get(id);
        if (c == null) throw new HypervisorError(Errno.ENOENT, "no cell with id " + id);
        return c;
    }

    private void requireEnabled() {
        if (!enabled) throw new HypervisorError(Errno.EINVAL, "the hypervisor is not enabled");
    }
}
