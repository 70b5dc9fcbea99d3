package dev.warden.hypervisor.control;

import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigConverter;
import dev.warden.config.ConfigFormat;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.JailhouseConfig;
import dev.warden.emulator.el2.Errno;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.CpuStat;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.hypervisor.core.HypervisorError;
import java.nio.charset.StandardCharsets;

/**
 * The hypercall interface (hypervisor/control.c; jailhouse-facts §4.10), the same for every cell
 * and every kind of CPU: {@code hvc #0x4a48} with the code in x0, arguments in x1 and x2 and the
 * result in x0. Management calls are the root cell's; a non-root cell gets -EPERM for them, and
 * every code the hypervisor does not know is -ENOSYS. Errors come back as negative errno values.
 */
public final class Hypercalls {

    public static final int HVC_IMMEDIATE = 0x4a48;
    public static final int DISABLE = 0;
    public static final int CELL_CREATE = 1;
    public static final int CELL_START = 2;
    public static final int CELL_SET_LOADABLE = 3;
    public static final int CELL_DESTROY = 4;
    public static final int HYPERVISOR_GET_INFO = 5;
    public static final int CELL_GET_STATE = 6;
    public static final int CPU_GET_INFO = 7;
    public static final int DEBUG_CONSOLE_PUTC = 8;

    /** CPU_GET_INFO type 0: the CPU's state. */
    public static final int CPU_STATE = 0;
    public static final long CPU_RUNNING = 0;
    public static final long CPU_FAILED = 2;

    /** A configuration may span this many pages of guest memory (the hypervisor's temporary mapping). */
    static final long CONFIG_PAGES = 16;
    static final long PAGE = 4096;

    private final Hypervisor hv;

    public Hypercalls(Hypervisor hv) {
        this.hv = hv;
    }

    /**
     * One hypercall of {@code cpu} in cell {@code caller}.
     *
     * @return the value for x0
     */
    public long call(Cell caller, int cpu, long code, long arg1, long arg2) {
        hv.statistics().exit(cpu, CpuStat.HYPERCALL);
        try {
            return dispatch(caller, cpu, code, arg1, arg2);
        } catch (HypervisorError e) {
            if (Boolean.getBoolean("warden.debug.hypercalls")) System.err.println("hypercall " + code + ": " + e.getMessage());
            return e.errno().asReturn();
        }
    }

    private long dispatch(Cell caller, int cpu, long code, long arg1, long arg2) {
        boolean root = caller.isRoot();
        switch ((int) code) {
            case DISABLE -> {
                requireRoot(root);
                hv.disable(cpu);
                return 0;
            }
            case CELL_CREATE -> {
                requireRoot(root);
                return createCell(arg1, cpu);
            }
            case CELL_START -> {
                requireRoot(root);
                hv.start((int) arg1);
                return 0;
            }
            case CELL_SET_LOADABLE -> {
                requireRoot(root);
                hv.setLoadable((int) arg1);
                return 0;
            }
            case CELL_DESTROY -> {
                requireRoot(root);
                hv.destroy((int) arg1);
                return 0;
            }
            case HYPERVISOR_GET_INFO -> {
                return info(arg1);
            }
            case CELL_GET_STATE -> {
                requireRoot(root);
                return cellState(arg1);
            }
            case CPU_GET_INFO -> {
                return cpuInfo(caller, arg1, arg2);
            }
            case DEBUG_CONSOLE_PUTC -> {
                return putc(caller, arg1);
            }
            default -> {
                return Errno.ENOSYS.asReturn();
            }
        }
    }

    private static void requireRoot(boolean root) {
        if (!root) throw new HypervisorError(Errno.EPERM, "management calls are the root cell's");
    }

    /**
     * CELL_CREATE: the configuration is read from the root cell's memory at the guest-physical
     * address given, through the root cell's stage 2, as the hypervisor maps it.
     */
    private long createCell(long address, int cpu) {
        Cell root = hv.root();
        byte[] head = readGuest(root, address, 8 + 32 + 100);
        String sig = new String(head, 0, 6, StandardCharsets.ISO_8859_1);
        boolean cellSignature = hv.personality().tiFork() ? sig.equals("JHCELL") : sig.startsWith("JHCLL");
        if (!cellSignature) throw new HypervisorError(Errno.EINVAL, "not a cell configuration");
        byte[] bytes = readGuest(root, address, CONFIG_PAGES * PAGE - (address % PAGE));
        CellConfig raw;
        try {
            raw = decode(bytes);
        } catch (ConfigFormatException e) {
            if (e.kind() != ConfigFormatException.Kind.TRUNCATED) throw new HypervisorError(Errno.EINVAL, e.getMessage());
            // what the header declares does not fit the pages the hypervisor maps: measure it, as its size check does
            byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + (int) (64 * PAGE));
            try {
                raw = decode(padded);
            } catch (ConfigFormatException again) {
                throw new HypervisorError(Errno.EINVAL, e.getMessage());
            }
        }
        if (CellConfigs.sizeOf(raw, raw.format()) + address % PAGE > CONFIG_PAGES * PAGE) {
            throw new HypervisorError(Errno.E2BIG, "configuration larger than " + CONFIG_PAGES + " pages");
        }
        CellConfig model = raw.format() == ConfigFormat.REV14 ? raw : (CellConfig) ConfigConverter.toRevision14(raw);
        return hv.createCell(model, cpu, raw.regmaps(), CellConfigs.sizeOf(raw, raw.format())).id();
    }

    private CellConfig decode(byte[] bytes) {
        JailhouseConfig config = CellConfigs.decodeLeading(bytes, "cell configuration",
                hv.personality().release().configFormat());
        if (!(config instanceof CellConfig c)) throw new HypervisorError(Errno.EINVAL, "not a cell configuration");
        return c;
    }

    /** Bytes of the root cell's memory, stopping at the first page its stage 2 does not map. */
    private byte[] readGuest(Cell cell, long address, long length) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long end = address + length;
        for (long a = address; a < end; ) {
            var m = cell.stage2().lookup(a);
            if (m.isEmpty()) {
                if (a == address) throw new HypervisorError(Errno.ENOMEM, String.format("0x%x is not mapped", a));
                break;
            }
            // one walk per block or page: every byte of it translates the same way
            for (long stop = Math.min(end, m.get().end()); a < stop; a++) out.write((int) hv.board().bus().read(m.get().translate(a), 1));
        }
        return out.toByteArray();
    }

    private long info(long type) {
        return switch ((int) type) {
            case 0 -> hv.pool().memPages();
            case 1 -> hv.pool().memUsed();
            case 2 -> hv.pool().remapPages();
            case 3 -> hv.pool().remapUsed();
            case 4 -> hv.cells().size();
            default -> Errno.EINVAL.asReturn();
        };
    }

    private long cellState(long id) {
        Cell cell = hv.cell((int) id).orElseThrow(() -> new HypervisorError(Errno.ENOENT, "no cell " + id));
        return cell.state().code();
    }

    private long cpuInfo(Cell caller, long cpu, long type) {
        if (cpu < 0 || cpu >= hv.board().profile().cpus().size()) return Errno.EINVAL.asReturn();
        if (!caller.isRoot() && !caller.cpus().get((int) cpu)) return Errno.EPERM.asReturn();
        if (type == CPU_STATE) {
            return hv.cellOfCpu((int) cpu).map(c -> c.failedCpus().get((int) cpu)).orElse(false) ? CPU_FAILED : CPU_RUNNING;
        }
        int stat = (int) (type - CpuStat.INFO_BASE);
        if (stat < 0 || stat >= CpuStat.values().length) return Errno.EINVAL.asReturn();
        return hv.statistics().get((int) cpu, CpuStat.values()[stat]);
    }

    private long putc(Cell caller, long c) {
        if (!caller.config().hasFlag(CellConfig.VIRTUAL_CONSOLE_PERMITTED)) return Errno.EPERM.asReturn();
        hv.printk(Character.toString((char) (c & 0xff)));
        return 0;
    }
}
