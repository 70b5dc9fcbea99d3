package dev.warden.config.check.rules;

import dev.warden.config.check.CheckInput;
import dev.warden.config.check.FindingSink;
import dev.warden.config.check.Severity;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;

/**
 * A region whose virt_start or size is not page aligned is sub-page: every access traps and is
 * only allowed with a JAILHOUSE_MEM_IO_{8,16,32,64} width flag; without one, the first access parks
 * the CPU while Jailhouse's own checker reports nothing.
 */
public final class SubPageWidthRule extends BaseRule {
    public SubPageWidthRule() {
        super("memory/subpage-without-width", Severity.ERROR, "Sub-page region without access-width flags");
    }

    @Override
    public void check(CheckInput in, FindingSink out) {
        for (CellConfig c : in.allCells()) {
            for (int i = 0; i < c.memoryRegions().size(); i++) {
                MemoryRegion m = c.memoryRegions().get(i);
                if (m.size() == 0 || m.has(MemoryRegion.COMM_REGION) || !m.isSubPage()
                        || (m.flags() & MemoryRegion.IO_WIDTHS) != 0) {
                    continue;
                }
                out.add("In cell '" + c.name() + "', region " + i + " (" + CheckInput.describe(m)
                                + ") is not page aligned, so it is emulated sub-page, but it permits no access width: "
                                + "the first access parks the CPU",
                        "Add the access widths the driver uses (IO_8 | IO_16 | IO_32 | IO_64), or align virt and "
                                + "size to 4 KiB",
                        CheckInput.region(c, i));
            }
        }
    }
}
