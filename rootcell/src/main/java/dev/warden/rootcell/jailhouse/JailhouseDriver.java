package dev.warden.rootcell.jailhouse;

import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigFormat;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.JailhouseConfig;
import dev.warden.config.JailhouseRelease;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PlatformInfo;
import dev.warden.config.SystemConfig;
import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.el2.CpuHalted;
import dev.warden.emulator.el2.Errno;
import dev.warden.emulator.el2.ModeledCpu;
import dev.warden.rootcell.linux.LinuxModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The jailhouse kernel module of the root cell (driver/main.c, cell.c): the ioctls behind the
 * {@code jailhouse} tool. It reaches the hypervisor the way the real driver does: it copies
 * jailhouse.bin and the system configuration into the hypervisor's memory and calls the image's
 * entry on every online CPU; after that every operation is a hypercall ({@code hvc #0x4a48})
 * on the calling CPU with configurations in the kernel's memory. It never calls the hypervisor
 * model directly, so every figure and error it reports comes from the hypervisor's answers.
 */
public final class JailhouseDriver {

    static final int HVC = 0x4a48;
    static final long HC_DISABLE = 0, HC_CELL_CREATE = 1, HC_CELL_START = 2, HC_CELL_SET_LOADABLE = 3,
            HC_CELL_DESTROY = 4, HC_HYPERVISOR_GET_INFO = 5, HC_CELL_GET_STATE = 6, HC_CPU_GET_INFO = 7;
    static final int SYSTEM_HEADER_BYTES = 488;
    static final int CELL_HEADER_BYTES = 132;
    static final long MEM_WRITE = 0x2, MEM_LOADABLE = 0x40;
    static final long SYS_VIRTUAL_DEBUG_CONSOLE = 0x1;
    static final String FIRMWARE = "/lib/firmware/jailhouse.bin";
    /** The ioremap address the modeled driver's accesses to hypervisor memory show in a dump. */
    static final long HV_VIRT = 0xffffffc008800000L;
    /** A text address in the module's leave_hypervisor, for the register dump of a faulting touch. */
    static final long LEAVE_PC = 0xffffffc0002b12f0L;

    private final LinuxModel linux;
    private final JailhouseRelease release;
    private final KernelBuffer buffers;
    private final TreeMap<Integer, DriverCell> cells = new TreeMap<>();
    private final BitSet offlinedForCells = new BitSet();
    private boolean enabled;
    private long hvPhys;
    private long coreAndPercpu;
    private HypervisorImage image;
    private boolean consoleAvailable;
    private SystemConfig system;

    public JailhouseDriver(LinuxModel linux, JailhouseRelease release) {
        this.linux = linux;
        this.release = release;
        this.buffers = new KernelBuffer(linux);
    }

    public JailhouseRelease release() { return release; }

    public boolean enabled() { return enabled; }

    /** The cells the driver knows, the root cell (id 0) first. */
    public List<DriverCell> cells() { return List.copyOf(cells.values()); }

    public Optional<DriverCell> cell(int id) { return Optional.ofNullable(cells.get(id)); }

    public Optional<DriverCell> cellNamed(String name) {
        return cells.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Where the hypervisor memory starts, while enabled. */
    public long hypervisorMemory() { return hvPhys; }

    // ---- JAILHOUSE_ENABLE (jailhouse-facts §5.1) ----

    public void enable(byte[] config, String file) {
        if (config.length < 6 || !isSystemSignature(config)) {
            kerr("jailhouse: Not a system configuration");
            throw new DriverError(Errno.EINVAL, "not a system configuration: " + file);
        }
        if (!revisionAndArchitectureMatch(config, file)) {
            throw new DriverError(Errno.EINVAL, file + " is not for arm64");
        }
        if (config.length < headerBytes()) throw new DriverError(Errno.EINVAL, file + " is truncated");
        SystemConfig sys = decode(config, file, SystemConfig.class);
        BitSet rootCpus = sys.rootCell().cpus();
        if (rootCpus.isEmpty()) throw new DriverError(Errno.EINVAL, "empty root CPU set");
        int maxCpus = rootCpus.length();
        if (enabled) throw new DriverError(Errno.EBUSY, "already enabled");
        byte[] fw = linux.fs().read(FIRMWARE).orElse(null);
        if (fw == null) {
            kerr("jailhouse: Missing hypervisor image jailhouse.bin");
            throw new DriverError(Errno.ENOENT, "no " + FIRMWARE);
        }
        HypervisorImage img = new HypervisorImage(fw);
        MemoryRegion hvMem = sys.hypervisorMemory();
        if (!img.valid() || fw.length >= hvMem.size()) throw new DriverError(Errno.EINVAL, "bad hypervisor image");
        long hvCore = img.coreSize() + maxCpus * img.percpuSize();
        long configSize = CellConfigs.sizeOf(sys, sys.format());
        if (hvCore >= hvMem.size() || configSize >= hvMem.size() - hvCore) {
            throw new DriverError(Errno.EINVAL, "hypervisor memory too small");
        }
        if (!linux.iomem().request(hvMem.phys(), hvMem.phys() + hvMem.size() - 1, "Jailhouse hypervisor")) {
            kerr("jailhouse: request_mem_region failed for hypervisor memory.");
            linux.printk("jailhouse: Did you reserve the memory with \"memmap=\" or \"mem=\"?");
            throw new DriverError(Errno.EINVAL, "hypervisor memory is in use");
        }
        linux.printk(" jailhouse: firmware: direct-loading firmware jailhouse.bin");
        MemoryAccess mem = linux.memory();
        copy(mem, hvMem.phys(), fw);
        zero(hvMem.phys() + fw.length, hvMem.size() - fw.length);
        mem.write(hvMem.phys() + HypervisorImage.OFF_MAX_CPUS, 4, maxCpus);
        copy(mem, hvMem.phys() + hvCore, java.util.Arrays.copyOf(config, (int) configSize));
        mem.write(hvMem.phys() + HypervisorImage.OFF_ONLINE_CPUS, 4, linux.onlineCpus().size());
        int error = 0;
        for (int cpu : linux.ipiOrder(linux.runningCpu())) {
            int rc = cpu < maxCpus ? enterHypervisor(cpu, hvMem.phys()) : (int) Errno.EINVAL.asReturn();
            if (rc != 0) error = rc;
        }
        if (error != 0) {
            linux.iomem().release("Jailhouse hypervisor");
            throw DriverError.ofReturn(error, "the hypervisor's entry");
        }
        this.enabled = true;
        this.hvPhys = hvMem.phys();
        this.coreAndPercpu = hvCore;
        this.image = img;
        this.system = sys;
        this.consoleAvailable = (sys.flags() & SYS_VIRTUAL_DEBUG_CONSOLE) != 0;
        cells.put(0, new DriverCell(0, sys.rootCell().name(), rootCpus, sys.rootCell()));
        virtualPciHost(sys.platform(), sys.rootCell());
        linux.printk("The Jailhouse is opening.");
    }

    /** A CPU calls the image's entry (driver enter_hypervisor): the image decides what runs. */
    private int enterHypervisor(int cpu, long imageBase) {
        int[] rc = new int[1];
        linux.onCpu(cpu, () -> rc[0] = linux.board().el2().enter(linux.boardCpuOf(cpu), imageBase));
        return rc[0];
    }

    /**
     * The header checks after the signature, in the driver's order (revision-14 files only; the
     * older layouts are told apart by the codec): a wrong revision is EINVAL; a wrong architecture
     * is logged and answered false, and the caller decides what the driver returns.
     */
    private boolean revisionAndArchitectureMatch(byte[] config, String file) {
        if (release.configFormat() != ConfigFormat.REV14) return true;
        int revision = (config[6] & 0xff) | (config[7] & 0xff) << 8;
        if (revision != 14) {
            kerr("jailhouse: Configuration revision mismatch");
            throw new DriverError(Errno.EINVAL, file + " has revision " + revision);
        }
        if ((config[5] & 0xff) != 2) {
            kerr("jailhouse: Configuration architecture mismatch");
            return false;
        }
        return true;
    }

    /** Upstream compares 5 bytes ("JHSYS"), TI's fork 6 ("JHSYST"); older files then fail on their revision. */
    private boolean isSystemSignature(byte[] config) {
        String sig = new String(config, 0, 6, StandardCharsets.ISO_8859_1);
        return release.configFormat() == ConfigFormat.REV14 ? sig.startsWith("JHSYS") : sig.equals("JHSYST");
    }

    private int headerBytes() {
        return release.configFormat() == ConfigFormat.REV14 ? SYSTEM_HEADER_BYTES : 8;
    }

    /**
     * The virtual PCI host (driver/pci.c): a DT overlay adds a generic ECAM host bridge at the
     * MMCONFIG base, with a memory window right after it of two pages per ivshmem device of the
     * root cell; Linux then probes it as any host bridge. TI's kernel has no overlay support.
     */
    private void virtualPciHost(PlatformInfo p, CellConfig root) {
        if (p.pciIsVirtual() == 0) return;
        if (release.tiFork()) {
            linux.printk("jailhouse: CONFIG_OF_OVERLAY disabled");
            linux.printk("jailhouse: failed to add virtual host controller");
            return;
        }
        long ivshmem = root.pciDevices().stream().filter(d -> d.isIvshmem()).count();
        linux.pciHosts().probeVirtual(p.pciMmconfigBase(), p.pciDomain(), ivshmem * 0x2000);
    }

    // ---- JAILHOUSE_CELL_CREATE (jailhouse-facts §5.2) ----

    /** @return the new cell's id, or -1 when the driver accepted the call without creating one (architecture quirk) */
    public int createCell(byte[] config, String file) {
        if (config.length < CELL_HEADER_BYTES || !isCellSignature(config)) {
            kerr("jailhouse: Not a cell configuration");
            throw new DriverError(Errno.EINVAL, "not a cell configuration: " + file);
        }
        if (!revisionAndArchitectureMatch(config, file)) return -1; // the driver returns 0: no cell exists
        CellConfig cell = decode(config, file, CellConfig.class);
        requireEnabled();
        if (cellNamed(cell.name()).isPresent()) throw new DriverError(Errno.EEXIST, "name taken");
        BitSet cpus = cell.cpus();
        BitSet outside = (BitSet) cpus.clone();
        outside.andNot(cells.get(0).cpus());
        if (!outside.isEmpty()) throw new DriverError(Errno.EBUSY, "CPUs are not the root cell's");
        List<Integer> offlined = new ArrayList<>();
        for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
            if (linux.onlineCpus().contains(cpu)) {
                linux.cpuDown(cpu);
                offlined.add(cpu);
            }
        }
        long size = CellConfigs.sizeOf(cell, cell.format());
        long buffer = buffers.copyIn(java.util.Arrays.copyOf(config, (int) Math.min(size, config.length)));
        long rc = hypercall(HC_CELL_CREATE, buffer, 0);
        buffers.free();
        if (rc < 0) {
            offlined.forEach(linux::cpuUp);
            throw DriverError.ofReturn(rc, "CELL_CREATE");
        }
        offlined.forEach(offlinedForCells::set);
        DriverCell created = new DriverCell((int) rc, cell.name(), cpus, cell);
        cells.put(created.id(), created);
        DriverCell root = cells.get(0);
        BitSet rootCpus = root.cpus();
        rootCpus.andNot(cpus);
        cells.put(0, new DriverCell(0, root.name(), rootCpus, root.config()));
        linux.printk("Created Jailhouse cell \"" + cell.name() + "\"");
        return created.id();
    }

    /** Upstream compares 5 bytes ("JHCLL", so older "JHCELL" files are not cell configurations); TI's fork 6 ("JHCELL"). */
    private boolean isCellSignature(byte[] config) {
        String sig = new String(config, 0, 6, StandardCharsets.ISO_8859_1);
        return release.configFormat() == ConfigFormat.REV14 ? sig.startsWith("JHCLL") : sig.equals("JHCELL");
    }

    // ---- JAILHOUSE_CELL_LOAD, _START, _DESTROY, _DISABLE ----

    /** An image to copy into a cell: its bytes and the cell address it goes to. */
    public record Image(byte[] data, long address) {}

    public void load(CellId id, List<Image> images) {
        requireEnabled();
        DriverCell cell = find(id);
        long rc = hypercall(HC_CELL_SET_LOADABLE, cell.id(), 0);
        if (rc < 0) throw DriverError.ofReturn(rc, "CELL_SET_LOADABLE");
        for (Image image : images) loadImage(cell, image);
    }

    /** One image into the cell's memory, through the region the hypervisor just handed to the root cell. */
    private void loadImage(DriverCell cell, Image image) {
        long size = image.data().length;
        MemoryRegion target = cell.config().memoryRegions().stream()
                .filter(r -> image.address() >= r.virt() && image.address() < r.virt() + r.size())
                .findFirst().orElseThrow(() -> new DriverError(Errno.EINVAL, "no region holds the image"));
        if ((target.flags() & (MEM_WRITE | MEM_LOADABLE)) != (MEM_WRITE | MEM_LOADABLE)
                || image.address() + size > target.virt() + target.size()) {
            throw new DriverError(Errno.EINVAL, "region not writable and loadable, or image too large");
        }
        copy(linux.memory(), target.phys() + (image.address() - target.virt()), image.data());
    }

    public void shutdown(CellId id) {
        load(id, List.of());
    }

    public void start(CellId id) {
        requireEnabled();
        long rc = hypercall(HC_CELL_START, find(id).id(), 0);
        if (rc < 0) throw DriverError.ofReturn(rc, "CELL_START");
    }

    public void destroy(CellId id) {
        requireEnabled();
        DriverCell cell = find(id);
        if (cell.id() == 0) throw new DriverError(Errno.EINVAL, "the root cell cannot be destroyed");
        destroyCell(cell);
    }

    private void destroyCell(DriverCell cell) {
        long rc = hypercall(HC_CELL_DESTROY, cell.id(), 0);
        if (rc < 0) throw DriverError.ofReturn(rc, "CELL_DESTROY");
        cells.remove(cell.id());
        DriverCell root = cells.get(0);
        BitSet rootCpus = root.cpus();
        rootCpus.or(cell.cpus());
        cells.put(0, new DriverCell(0, root.name(), rootCpus, root.config()));
        BitSet cpus = cell.cpus();
        for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
            if (offlinedForCells.get(cpu)) {
                if (!linux.cpuUp(cpu)) linux.printk("Jailhouse: failed to bring CPU " + cpu + " back online");
                offlinedForCells.clear(cpu);
            }
        }
        linux.printk("Destroyed Jailhouse cell \"" + cell.name() + "\"");
    }

    /**
     * DISABLE (driver jailhouse_cmd_disable): the non-root cells are destroyed first; every online
     * CPU touches each page of the hypervisor core and per-CPU area (so its mappings are in place)
     * and leaves with the DISABLE hypercall. A CPU the hypervisor parks there never completes its
     * call, and the calling CPU waits for it for ever.
     */
    public void disable() {
        requireEnabled();
        for (DriverCell c : cells()) if (c.id() != 0) destroyCell(c);
        if (linux.onlineCpus().size() != cells.get(0).cpus().cardinality()) {
            throw new DriverError(Errno.EBUSY, "not every root CPU is online");
        }
        long error = 0;
        int caller = linux.runningCpu();
        for (int cpu : linux.ipiOrder(caller)) {
            long[] rc = new long[1];
            try {
                linux.onCpu(cpu, () -> rc[0] = leaveHypervisor(cpu));
            } catch (CpuHalted halted) {
                if (cpu == caller) throw halted;
                throw CpuHalted.stalled(linux.boardCpuOf(caller), "the calling CPU waits for CPU " + cpu
                        + ", which never completes leaving the hypervisor");
            }
            if (rc[0] != 0) error = rc[0];
        }
        if (error != 0) throw DriverError.ofReturn(error, "DISABLE");
        enabled = false;
        cells.clear();
        linux.iomem().release("Jailhouse hypervisor");
        linux.printk("The Jailhouse was closed.");
    }

    private long leaveHypervisor(int cpu) {
        ModeledCpu regs = linux.modeledCpu(cpu).pc(LEAVE_PC);
        for (long off = 0; off < coreAndPercpu; off += 4096) {
            regs.x(0, HV_VIRT + off);
            linux.memory().read(hvPhys + off, 4);
        }
        return hypercall(HC_DISABLE, 0, 0);
    }

    // ---- what sysfs and the tool ask the hypervisor ----

    /** HYPERVISOR_GET_INFO: pool pages (0 size, 1 used; remap 2, 3), number of cells (4). */
    public long info(int type) {
        return enabled ? hypercall(HC_HYPERVISOR_GET_INFO, type, 0) : 0;
    }

    /** CELL_GET_STATE: the state code of a cell, or a negative errno. */
    public long cellState(int id) {
        return hypercall(HC_CELL_GET_STATE, id, 0);
    }

    /** CPU_GET_INFO: a CPU's state (0) or statistic (1000 + n). */
    public long cpuInfo(int cpu, int type) {
        return hypercall(HC_CPU_GET_INFO, cpu, type);
    }

    /**
     * The hypervisor's console page (struct jailhouse_virt_console), read through the root
     * cell's mapping of hypervisor memory: the ring's content, oldest first.
     */
    public String console() {
        if (!enabled) throw new DriverError(Errno.EAGAIN, "not enabled");
        if (!consoleAvailable) throw new DriverError(Errno.EPERM, "no virtual console");
        MemoryAccess mem = linux.memory();
        long page = hvPhys + image.consolePage();
        long tail = mem.read(page + 4, 4);
        long head = Math.max(0, tail - 2048);
        StringBuilder sb = new StringBuilder();
        for (long i = head; i < tail; i++) sb.append((char) mem.read(page + 8 + (i % 2048), 1));
        return sb.toString();
    }

    /** The system configuration the hypervisor was enabled with. */
    public Optional<SystemConfig> system() {
        return Optional.ofNullable(enabled ? system : null);
    }

    /** A hypercall on the CPU the driver's code runs on. */
    private long hypercall(long code, long arg1, long arg2) {
        ModeledCpu cpu = linux.modeledCpu(linux.runningCpu()).call(code, arg1, arg2);
        linux.board().el2().hvc(cpu, HVC);
        return cpu.x(0);
    }

    // ---- helpers ----

    private void requireEnabled() {
        if (!enabled) throw new DriverError(Errno.EINVAL, "jailhouse is not enabled");
    }

    private DriverCell find(CellId id) {
        return cells.values().stream().filter(id::matches).findFirst()
                .orElseThrow(() -> new DriverError(Errno.ENOENT, "no cell " + id));
    }

    private <T extends JailhouseConfig> T decode(byte[] config, String file, Class<T> kind) {
        JailhouseConfig decoded;
        try {
            decoded = CellConfigs.decode(config, file);
        } catch (ConfigFormatException e) {
            kerr("jailhouse: Configuration revision mismatch");
            throw new DriverError(Errno.EINVAL, e.getMessage());
        }
        if (decoded.format() != release.configFormat()) {
            kerr("jailhouse: Configuration revision mismatch");
            throw new DriverError(Errno.EINVAL, file + " is " + decoded.format().label() + ", the driver takes "
                    + release.configFormat().label());
        }
        if (!kind.isInstance(decoded)) {
            kerr(kind == SystemConfig.class ? "jailhouse: Not a system configuration" : "jailhouse: Not a cell configuration");
            throw new DriverError(Errno.EINVAL, file + " is the wrong kind of configuration");
        }
        return kind.cast(decoded);
    }

    /** copy_from_user into the cell's memory: 8 bytes at a time where the target is aligned (a kernel is megabytes). */
    private static void copy(MemoryAccess mem, long to, byte[] data) {
        int i = 0;
        for (; i < data.length && ((to + i) & 7) != 0; i++) mem.write(to + i, 1, data[i] & 0xff);
        for (; i + 8 <= data.length; i += 8) {
            long v = 0;
            for (int b = 7; b >= 0; b--) v = (v << 8) | (data[i + b] & 0xff);
            mem.write(to + i, 8, v);
        }
        for (; i < data.length; i++) mem.write(to + i, 1, data[i] & 0xff);
    }

    private void zero(long from, long length) {
        linux.board().bus().ramAt(from).ifPresent(ram -> ram.clear(from, length));
    }

    private void kerr(String message) {
        linux.printk(message);
    }

    LinuxModel linux() {
        return linux;
    }
}
