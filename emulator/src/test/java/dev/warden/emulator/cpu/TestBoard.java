package dev.warden.emulator.cpu;

import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.bus.Ram;

/** A core on 16 MiB of RAM at 0x40000000 with machine code placed by the test. */
final class TestBoard {
    static final long RAM = 0x40000000L;
    static final long VBAR = 0x40010000L;
    /** EL1h, DAIF masked, flags clear. */
    static final long EL1H_MASKED = 0x3c5;

    final PhysicalBus bus = new PhysicalBus();
    final Ram ram = bus.addRam("ram", RAM, 16L << 20);
    final Cpu cpu = new Cpu(0, new PhysicalBusPort(bus));

    /** Places instruction words (or data words) at {@code address}. */
    TestBoard load(long address, int... words) {
        for (int i = 0; i < words.length; i++) ram.write(address + 4L * i, 4, words[i] & 0xffffffffL);
        cpu.codeCache().invalidateAll();
        return this;
    }

    TestBoard start(long pc, long pstate) {
        cpu.reset(pc, pstate);
        cpu.writeSystemRegister(SysReg.VBAR_EL1, VBAR);
        return this;
    }

    long esr() { return cpu.registers().esr(); }
}
