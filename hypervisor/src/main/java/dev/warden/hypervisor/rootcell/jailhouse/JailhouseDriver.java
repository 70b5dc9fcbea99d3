package dev.warden.hypervisor.rootcell.jailhouse;

import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigFormat;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.CpuSet;
import dev.warden.config.JailhouseConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.SystemConfig;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Errno;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.hypervisor.core.HypervisorError;
import dev.warden.hypervisor.core.Personality;
import dev.warden.hypervisor.rootcell.linux.LinuxModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The jailhouse kernel module of the root cell: the ioctls behind the {@code jailhouse} tool, with
 * the driver's own checks and kernel messages (jailhouse-facts §3.6, §5.1, §5.2), Linux taking CPUs
 * offline for a new cell and back online after it, and /sys/devices/jailhouse.
 */
public final class JailhouseDriver {

    static final int SYSTEM_HEADER_BYTES = 488;
    static final int CELL_HEADER_BYTES = 132;

    private final LinuxModel linux;
    private final Personality personality;
    private final BitSet offlinedForCells = new BitSet();
    private Hypervisor hypervisor;
    private dev.warden.hypervisor.inmate.LinuxInmates linuxInmates;

    public JailhouseDriver(LinuxModel linux, Personality personality) {
        this.linux = linux;
        this.personality = personality;
        new JailhouseSysfs(this, linux.fs()).publish();
    }

    public Optional<Hypervisor> hypervisor() {
        return Optional.ofNullable(hypervisor).filter(Hypervisor::isEnabled);
    }

    public Personality personality() { return personality; }

    /** The Linux kernels running in cells, once the hypervisor is enabled. */
    public Optional<dev.warden.hypervisor.inmate.LinuxInmates> linuxInmates() {
        return Optional.ofNullable(linuxInmates);
    }

    /** The configuration format this release's driver takes. */
    ConfigFormat expectedFormat() {
        return personality.tiFork() ? ConfigFormat.TI12 : ConfigFormat.REV14;
    }

    // ---- JAILHOUSE_ENABLE ----

    public void enable(byte[] image, String file) {
        if (image.length < 6 || !isSystemSignature(image)) {
            kerr("jailhouse: Not a system configuration");
            throw new HypervisorError(Errno.EINVAL, "not a system configuration: " + file);
        }
        if (!revisionAndArchitectureMatch(image, file)) {
            throw new HypervisorError(Errno.EINVAL, file + " is not for arm64");
        }
        SystemConfig raw = decode(image, file, SystemConfig.class);
        SystemConfig config = forModel(raw);
        BitSet rootCpus = config.rootCell().cpus();
        if (rootCpus.isEmpty()) throw new HypervisorError(Errno.EINVAL, "empty root CPU set");
        if (hypervisor().isPresent()) throw new HypervisorError(Errno.EBUSY, "already enabled");
        byte[] firmware = linux.fs().read("/lib/firmware/jailhouse.bin").orElse(null);
        if (firmware == null) {
            kerr("jailhouse: Missing hypervisor image jailhouse.bin");
            throw new HypervisorError(Errno.ENOENT, "no /lib/firmware/jailhouse.bin");
        }
        MemoryRegion hvMem = config.hypervisorMemory();
        if (!new String(firmware, 0, Math.min(8, firmware.length), StandardCharsets.ISO_8859_1).equals("JAILHOUS")
                || firmware.length >= hvMem.size()) {
            throw new HypervisorError(Errno.EINVAL, "bad hypervisor image");
        }
        if (overlapsSystemRam(hvMem)) {
            kerr("jailhouse: request_mem_region failed for hypervisor memory.");
            linux.printk("jailhouse: Did you reserve the memory with \"memmap=\" or \"mem=\"?");
            throw new HypervisorError(Errno.EINVAL, "hypervisor memory is System RAM");
        }
        BitSet online = new BitSet();
        linux.onlineCpus().forEach(online::set);
        if (online.length() > rootCpus.length()) throw new HypervisorError(Errno.EINVAL, "CPU beyond max_cpus online");
        Hypervisor hv = Hypervisor.enable(linux.board(), config, personality, online, linux.shellCpu(),
                raw.rootCell().regmaps());
        this.hypervisor = hv;
        this.linuxInmates = new dev.warden.hypervisor.inmate.LinuxInmates(hv, linux.login());
        dev.warden.hypervisor.arch.CellCpus.attach(hv, linuxInmates);
        linux.memoryPath(hv.memoryOf(hv.root(), linux::shellCpu));
        if (config.platform().pciIsVirtual() != 0 && personality.tiFork()) {
            linux.printk("jailhouse: CONFIG_OF_OVERLAY disabled");
            linux.printk("jailhouse: failed to add virtual host controller");
        } else if (config.platform().pciIsVirtual() != 0) {
            probeVirtualPci(config.platform());
        }
        linux.printk("The Jailhouse is opening.");
    }

    /**
     * The header checks after the signature, in the driver's order (revision-14 files only; the
     * older layouts are told apart by the codec): a wrong revision is EINVAL; a wrong architecture
     * is logged and answered false, and the caller decides what the driver returns.
     */
    private boolean revisionAndArchitectureMatch(byte[] image, String file) {
        if (expectedFormat() != ConfigFormat.REV14) return true;
        int revision = (image[6] & 0xff) | (image[7] & 0xff) << 8;
        if (revision != 14) {
            kerr("jailhouse: Configuration revision mismatch");
            throw new HypervisorError(Errno.EINVAL, file + " has revision " + revision);
        }
        if ((image[5] & 0xff) != 2) {
            kerr("jailhouse: Configuration architecture mismatch");
            return false;
        }
        return true;
    }

    /** Upstream compares 5 bytes ("JHSYS"), TI's fork 6 ("JHSYST"); older files then fail on their revision. */
    private boolean isSystemSignature(byte[] image) {
        String sig = new String(image, 0, 6, StandardCharsets.ISO_8859_1);
        return expectedFormat() == ConfigFormat.REV14 ? sig.startsWith("JHSYS") : sig.equals("JHSYST");
    }

    /** hypervisor memory must be reserved (no-map): Linux's System RAM resources must not cover it. */
    private boolean overlapsSystemRam(MemoryRegion hv) {
        String iomem = new String(linux.fs().read("/proc/iomem").orElse(new byte[0]), StandardCharsets.ISO_8859_1);
        for (String line : iomem.split("\n")) {
            if (!line.endsWith("System RAM")) continue;
            String[] range = line.substring(0, line.indexOf(' ')).split("-");
            long start = Long.parseUnsignedLong(range[0], 16);
            long end = Long.parseUnsignedLong(range[1], 16);
            if (hv.phys() <= end && start < hv.phys() + hv.size()) return true;
        }
        return false;
    }

    /**
     * The virtual PCI host the driver adds (a generic ECAM host bridge): Linux scans bus 0 through
     * the root cell's memory path and reports the ivshmem functions it finds.
     */
    private void probeVirtualPci(dev.warden.config.PlatformInfo p) {
        long ecam = p.pciMmconfigBase();
        String dev = Long.toHexString(ecam) + ".pci";
        linux.printk(String.format("pci-host-generic %s: ECAM at [mem 0x%08x-0x%08x] for [bus 00]", dev, ecam, ecam + 0xfffff));
        linux.printk(String.format("pci-host-generic %s: PCI host bridge to bus %04x:00", dev, p.pciDomain()));
        for (int slot = 0; slot < 32; slot++) {
            long id = linux.memory().read(ecam + ((long) slot << 15), 4);
            if (id == 0xffffffffL) continue;
            long classRev = linux.memory().read(ecam + ((long) slot << 15) + 8, 4);
            linux.printk(String.format("pci %04x:00:%02x.0: [%04x:%04x] type 00 class 0x%06x", p.pciDomain(), slot,
                    id & 0xffff, id >>> 16, classRev >>> 8));
        }
    }

    // ---- JAILHOUSE_CELL_CREATE ----

    /** @return the new cell, or empty when the driver accepted the call without creating one (architecture quirk) */
    public Optional<Cell> createCell(byte[] image, String file) {
        if (image.length < CELL_HEADER_BYTES || !isCellSignature(image)) {
            kerr("jailhouse: Not a cell configuration");
            throw new HypervisorError(Errno.EINVAL, "not a cell configuration: " + file);
        }
        if (!revisionAndArchitectureMatch(image, file)) {
            return Optional.empty(); // the driver returns 0 here: the tool reports success, no cell exists
        }
        CellConfig raw = decode(image, file, CellConfig.class);
        CellConfig config = forModel(raw);
        Hypervisor hv = hypervisor().orElseThrow(() -> new HypervisorError(Errno.EINVAL, "not enabled"));
        if (hv.cellNamed(config.name()).isPresent()) throw new HypervisorError(Errno.EEXIST, "name taken");
        BitSet cpus = config.cpus();
        BitSet outside = (BitSet) cpus.clone();
        outside.andNot(hv.root().cpus());
        if (!outside.isEmpty()) throw new HypervisorError(Errno.EBUSY, "CPUs " + CpuSet.format(outside) + " are not the root cell's");
        List<Integer> offlined = new ArrayList<>();
        for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
            if (linux.onlineCpus().contains(cpu)) {
                cpuDown(cpu);
                offlined.add(cpu);
            }
        }
        try {
            Cell cell = hv.createCell(config, linux.shellCpu(), raw.regmaps());
            offlined.forEach(offlinedForCells::set);
            linux.printk("Created Jailhouse cell \"" + config.name() + "\"");
            return Optional.of(cell);
        } catch (HypervisorError e) {
            offlined.forEach(this::cpuUp);
            throw e;
        }
    }

    /** Upstream compares 5 bytes ("JHCLL", so older "JHCELL" files are not cell configurations); TI's fork 6 ("JHCELL"). */
    private boolean isCellSignature(byte[] image) {
        String sig = new String(image, 0, 6, StandardCharsets.ISO_8859_1);
        return expectedFormat() == ConfigFormat.REV14 ? sig.startsWith("JHCLL") : sig.equals("JHCELL");
    }

    // ---- JAILHOUSE_CELL_LOAD, _START, _DESTROY, _DISABLE ----

    /** An image to copy into a cell: its bytes and the cell address it goes to. */
    public record Image(byte[] data, long address) {}

    public void load(CellId id, List<Image> images) {
        Hypervisor hv = enabled();
        Cell cell = find(hv, id);
        hv.setLoadable(cell.id());
        for (Image image : images) {
            if (image.data().length == 0) continue;
            MemoryRegion target = cell.config().memoryRegions().stream()
                    .filter(r -> image.address() >= r.virt() && image.address() < r.virt() + r.size())
                    .findFirst().orElseThrow(() -> new HypervisorError(Errno.EINVAL, "no region holds the image"));
            if (!target.has(0x2) || !target.has(0x40)
                    || image.address() + image.data().length > target.virt() + target.size()) {
                throw new HypervisorError(Errno.EINVAL, "region not writable and loadable, or image too large");
            }
            long phys = target.phys() + (image.address() - target.virt());
            byte[] d = image.data();
            for (int i = 0; i < d.length; i++) linux.memory().write(phys + i, 1, d[i] & 0xff);
        }
    }

    public void shutdown(CellId id) {
        load(id, List.of());
    }

    public void start(CellId id) {
        Hypervisor hv = enabled();
        hv.start(find(hv, id).id());
    }

    public void destroy(CellId id) {
        Hypervisor hv = enabled();
        Cell cell = find(hv, id);
        hv.destroy(cell.id());
        BitSet cpus = cell.cpus();
        for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
            if (offlinedForCells.get(cpu)) {
                cpuUp(cpu);
                offlinedForCells.clear(cpu);
            }
        }
        linux.printk("Destroyed Jailhouse cell \"" + cell.name() + "\"");
    }

    public void disable() {
        Hypervisor hv = enabled();
        for (Cell c : hv.cells()) {
            if (!c.isRoot()) destroy(new CellId(c.id(), null));
        }
        hv.disable();
        linux.memoryPath(null);
        linux.printk("The Jailhouse was closed.");
    }

    // ---- helpers ----

    private Hypervisor enabled() {
        return hypervisor().orElseThrow(() -> new HypervisorError(Errno.EINVAL, "jailhouse is not enabled"));
    }

    private static Cell find(Hypervisor hv, CellId id) {
        return hv.cells().stream().filter(id::matches).findFirst()
                .orElseThrow(() -> new HypervisorError(Errno.ENOENT, "no cell " + id));
    }

    /** Linux's remove_cpu(): the CPU leaves through PSCI CPU_OFF (which the hypervisor turns into parking). */
    private void cpuDown(int cpu) {
        if (linux.kernelMajor() < 5) linux.printk("CPU" + cpu + ": shutdown");
        linux.board().psci().cpuOff(linux.mpidrOf(cpu));
        linux.onlineCpus().remove(cpu);
        linux.printk(linux.kernelMajor() < 5 ? "psci: CPU" + cpu + " killed." : "psci: CPU" + cpu + " killed (polled 0 ms)");
    }

    /** Linux's add_cpu(): PSCI CPU_ON, which the hypervisor emulates for the root cell. */
    private void cpuUp(int cpu) {
        linux.board().psci().cpuOn(linux.mpidrOf(cpu));
        linux.onlineCpus().add(cpu);
        linux.printk(String.format("CPU%d: Booted secondary processor 0x%010x [0x%08x]", cpu, linux.mpidrOf(cpu),
                linux.midrOf(cpu)));
    }

    private <T extends JailhouseConfig> T decode(byte[] image, String file, Class<T> kind) {
        JailhouseConfig config;
        try {
            config = CellConfigs.decode(image, file);
        } catch (ConfigFormatException e) {
            kerr("jailhouse: Configuration revision mismatch");
            throw new HypervisorError(Errno.EINVAL, e.getMessage());
        }
        if (config.format() != expectedFormat()) {
            kerr("jailhouse: Configuration revision mismatch");
            throw new HypervisorError(Errno.EINVAL, file + " is " + config.format().label() + ", the driver takes "
                    + expectedFormat().label());
        }
        if (!kind.isInstance(config)) {
            kerr(kind == SystemConfig.class ? "jailhouse: Not a system configuration" : "jailhouse: Not a cell configuration");
            throw new HypervisorError(Errno.EINVAL, file + " is the wrong kind of configuration");
        }
        return kind.cast(config);
    }

    /** The hypervisor model reads revision-14 meanings, whatever layout the release's files have. */
    @SuppressWarnings("unchecked")
    private static <T extends JailhouseConfig> T forModel(T config) {
        return config.format() == ConfigFormat.REV14 ? config
                : (T) dev.warden.config.ConfigConverter.toRevision14(config);
    }

    private void kerr(String message) {
        linux.printk(message);
    }

    LinuxModel linux() {
        return linux;
    }
}
