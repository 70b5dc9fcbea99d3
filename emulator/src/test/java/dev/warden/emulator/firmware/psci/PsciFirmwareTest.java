package dev.warden.emulator.firmware.psci;

import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.cpu.Cpu;
import dev.warden.emulator.cpu.Outcome;
import dev.warden.emulator.cpu.PhysicalBusPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PSCI calls as a caller makes them: function ID in x0, arguments in x1..x3, result in x0. */
class PsciFirmwareTest {

    private final PhysicalBus bus = new PhysicalBus();
    private final Cpu cpu0 = new Cpu(0x0, new PhysicalBusPort(bus));
    private final Cpu cpu1 = new Cpu(0x1, new PhysicalBusPort(bus));
    private final List<String> system = new ArrayList<>();
    private PsciFirmware psci;

    @BeforeEach
    void boot() {
        bus.addRam("ram", 0x40000000L, 1 << 20);
        psci = new PsciFirmware(new PsciPlatform() {
            @Override
            public Cpu cpu(long mpidr) { return mpidr == 0 ? cpu0 : mpidr == 1 ? cpu1 : null; }

            @Override
            public void systemOff(Cpu caller) { system.add("off"); }

            @Override
            public void systemReset(Cpu caller) { system.add("reset"); }
        });
        cpu0.reset(0x40000000L, 0x3c5);
        psci.markOff(cpu1);
    }

    private long call(Cpu caller, long function, long... args) {
        caller.setX(0, function);
        for (int i = 0; i < args.length; i++) caller.setX(i + 1, args[i]);
        psci.call(caller);
        return caller.x(0);
    }

    @Test
    void versionAndFeatures() {
        assertThat(call(cpu0, PsciFirmware.VERSION)).isEqualTo(0x10000);
        assertThat(call(cpu0, PsciFirmware.FEATURES, PsciFirmware.CPU_ON_64)).isZero();
        assertThat(call(cpu0, PsciFirmware.FEATURES, PsciFirmware.CPU_SUSPEND_64)).isEqualTo(-1L);
        assertThat(call(cpu0, 0x8400001f)).isEqualTo(-1L);
    }

    @Test
    void cpuOnStartsAnOffCoreAtItsEntryWithTheContextInX0() {
        assertThat(call(cpu0, PsciFirmware.AFFINITY_INFO_64, 1, 0)).isEqualTo(1); // OFF
        assertThat(call(cpu0, PsciFirmware.CPU_ON_64, 1, 0x40001000L, 0xc0ffee)).isZero();
        assertThat(cpu1.isHalted()).isFalse();
        assertThat(cpu1.pc()).isEqualTo(0x40001000L);
        assertThat(cpu1.x(0)).isEqualTo(0xc0ffee);
        assertThat(cpu1.registers().pstate()).isEqualTo(0x3c5);
        assertThat(call(cpu0, PsciFirmware.AFFINITY_INFO_64, 1, 0)).isZero(); // ON
        assertThat(call(cpu0, PsciFirmware.CPU_ON_64, 1, 0x40001000L, 0)).isEqualTo(PsciFirmware.ALREADY_ON);
        assertThat(call(cpu0, PsciFirmware.CPU_ON_64, 0x100, 0x40001000L, 0)).isEqualTo(PsciFirmware.INVALID_PARAMETERS);
    }

    @Test
    void cpuOffHaltsTheCallerAndSystemOffReachesThePlatform() {
        cpu1.reset(0x40000000L, 0x3c5);
        cpu1.setX(0, PsciFirmware.CPU_OFF);
        assertThat(psci.call(cpu1)).isEqualTo(Outcome.RESUME_AND_EXIT);
        assertThat(cpu1.isHalted()).isTrue();
        assertThat(call(cpu0, PsciFirmware.AFFINITY_INFO_64, 1, 0)).isEqualTo(1);

        cpu0.setX(0, PsciFirmware.SYSTEM_OFF);
        psci.call(cpu0);
        assertThat(system).containsExactly("off");
        assertThat(cpu0.isHalted()).isTrue();
    }

    @Test
    void onlyTheStandardServiceRangeIsPsci() {
        assertThat(PsciFirmware.isPsciCall(0x84000008L)).isTrue();
        assertThat(PsciFirmware.isPsciCall(0xc4000003L)).isTrue();
        assertThat(PsciFirmware.isPsciCall(8)).isFalse(); // a Jailhouse hypercall code
        assertThat(PsciFirmware.isPsciCall(0x1_84000000L)).isFalse();
    }
}
