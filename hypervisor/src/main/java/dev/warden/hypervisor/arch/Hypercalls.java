package dev.warden.hypervisor.arch;

import dev.warden.config.CellConfig;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Hypervisor;

/**
 * The hypercalls a non-root cell may make (jailhouse-facts §4.10). Management calls need the root
 * cell and return -EPERM here; the debug console prints a character when the cell may use it.
 */
final class Hypercalls {

    static final long EPERM = -1;
    static final long EINVAL = -22;
    static final long ENOSYS = -38;

    private final Hypervisor hv;
    private final Cell cell;

    Hypercalls(Hypervisor hv, Cell cell) {
        this.hv = hv;
        this.cell = cell;
    }

    long call(long code, long arg1, long arg2) {
        return switch ((int) code) {
            case 0, 1, 2, 3, 4, 6 -> EPERM;                 // disable, cell create/start/load/destroy, get state
            case 5 -> info(arg1);
            case 7 -> cpuInfo(arg1, arg2);
            case 8 -> putc(arg1);
            default -> ENOSYS;
        };
    }

    private long info(long type) {
        return switch ((int) type) {
            case 0 -> hv.pool().memPages();
            case 1 -> hv.pool().memUsed();
            case 2 -> hv.pool().remapPages();
            case 3 -> hv.pool().remapUsed();
            case 4 -> hv.cells().size();
            default -> EINVAL;
        };
    }

    private long cpuInfo(long cpu, long type) {
        if (!cell.cpus().get((int) cpu)) return EPERM;
        if (type == 0) return cell.failedCpus().get((int) cpu) ? 2 : 0;
        return type >= 1000 && type < 1009 ? 0 : EINVAL;
    }

    private long putc(long c) {
        if (!cell.config().hasFlag(CellConfig.VIRTUAL_CONSOLE_PERMITTED)) return EPERM;
        hv.printk(Character.toString((char) (c & 0xff)));
        return 0;
    }
}
