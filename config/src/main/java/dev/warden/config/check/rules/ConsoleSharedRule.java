package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Location;
import dev.warden.config.check.Ranges;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.Console;
import dev.warden.config.MemoryRegion;

/**
 * One cell's console UART owned by another non-root cell (a region over it without ROOTSHARED):
 * the cell created later takes the registers from the other and their output interleaves. A UART
 * every user maps ROOTSHARED is shared on purpose, and the hypervisor plus one cell may share one.
 */
public final class ConsoleSharedRule extends BaseRule {
    public ConsoleSharedRule() {
        super("console/shared-uart", Severity.WARNING, "A console UART used by two non-root cells");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        for (int a = 0; a < in.cells().size(); a++) {
            for (int b = a + 1; b < in.cells().size(); b++) {
                CellConfig ca = in.cells().get(a);
                CellConfig cb = in.cells().get(b);
                Long uart = sharedUart(ca, cb);
                if (uart == null) {
                    uart = sharedUart(cb, ca);
                }
                if (uart != null) {
                    out.add("The UART at " + hex(uart) + " is used by both '" + ca.name() + "' and '" + cb.name()
                                    + "' (console or memory region); their output interleaves and the cell created "
                                    + "later takes the UART from the other",
                            "Give each cell its own UART (console address and region), or share it only with the "
                                    + "hypervisor",
                            new Location(ca.name(), "console", uart, 0), new Location(cb.name(), "console", uart, 0));
                }
            }
        }
    }

    /** The console address of {@code a} if {@code b} maps it without ROOTSHARED (so takes it over). */
    private static Long sharedUart(CellConfig a, CellConfig b) {
        Console con = a.console();
        if (con.type() == Console.TYPE_NONE || con.address() == 0) {
            return null;
        }
        for (MemoryRegion m : b.memoryRegions()) {
            if (!m.has(MemoryRegion.ROOTSHARED) && !m.has(MemoryRegion.COMM_REGION)
                    && Ranges.overlap(m.phys(), m.size(), con.address(), 1)) {
                return con.address();
            }
        }
        return null;
    }
}
