package dev.warden.hypervisor.mmio;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.config.Regmap;
import java.util.BitSet;
import java.util.function.Consumer;

/**
 * TI's regmap unit (ti2019.03, jailhouse-older-revisions §5.3): a block of registers shared between
 * cells one register at a time. The cell reaches only the registers whose bit it owns, in the
 * directions the regmap's flags allow; any other access is an MMIO error that parks the CPU, and
 * a register the cell does not own first makes the hypervisor print "MMIO access disabled".
 */
public final class RegmapHandler implements MmioHandler {

    static final int READ = 0x1;
    static final int WRITE = 0x2;
    public static final int ROOTSHARED = 0x80;

    private final Regmap regmap;
    private final BitSet owned = new BitSet(256);
    private final MemoryAccess bus;
    private final Consumer<String> printk;

    public RegmapHandler(Regmap regmap, MemoryAccess bus, Consumer<String> printk) {
        this.regmap = regmap;
        this.bus = bus;
        this.printk = printk;
        regmap.registers().forEach(owned::set);
    }

    public Regmap regmap() { return regmap; }

    public long base() { return regmap.regBase(); }

    public long size() { return (long) regmap.regCount() * regmap.regSize(); }

    public boolean owns(int register) { return owned.get(register); }

    public void take(int register) { owned.clear(register); }

    public void give(int register) { owned.set(register); }

    /** The register index of {@code address} in this block, or -1. */
    public int registerAt(long address) {
        long offset = address - regmap.regBase();
        if (offset < 0 || offset >= size()) return -1;
        return (int) (offset / regmap.regSize());
    }

    @Override
    public MmioResult handle(MmioAccess a) {
        int flags = regmap.flags();
        if ((a.isWrite() && (flags & WRITE) == 0) || (!a.isWrite() && (flags & READ) == 0)) {
            return MmioResult.forbidden(null);
        }
        int register = registerAt(a.address());
        if (register < 0 || !owned.get(register)) {
            printk.accept("MMIO access disabled\n");
            return MmioResult.forbidden(null);
        }
        if (a.isWrite()) bus.write(a.address(), a.size(), a.value());
        else a.value(bus.read(a.address(), a.size()));
        return MmioResult.HANDLED;
    }
}
