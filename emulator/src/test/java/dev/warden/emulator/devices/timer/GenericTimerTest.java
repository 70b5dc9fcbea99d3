package dev.warden.emulator.devices.timer;

import dev.warden.emulator.clock.Scheduler;
import dev.warden.emulator.clock.VirtualClock;
import dev.warden.emulator.cpu.Outcome;
import dev.warden.emulator.cpu.SysReg;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generic timer against virtual time: counter, TVAL/CVAL, CTL bits, the interrupt at the deadline. */
class GenericTimerTest {

    private final VirtualClock clock = new VirtualClock();
    private final Scheduler scheduler = new Scheduler(clock);
    private final List<String> events = new ArrayList<>();
    private final GenericTimer timer = new GenericTimer(62_500_000L, clock::now, scheduler,
            l -> events.add(clock.now() + " phys " + l), l -> events.add(clock.now() + " virt " + l));

    @Test
    void theCounterRunsAtTheBoardFrequency() {
        clock.advanceTo(1_000_000_000L);
        assertThat(timer.read(null, SysReg.CNTVCT_EL0)).isEqualTo(62_500_000L);
        clock.advanceTo(1_000_000_015L);
        assertThat(timer.read(null, SysReg.CNTPCT_EL0)).isEqualTo(62_500_000L); // 16 ns per tick
        clock.advanceTo(1_000_000_016L);
        assertThat(timer.read(null, SysReg.CNTPCT_EL0)).isEqualTo(62_500_001L);
        assertThat(timer.read(null, SysReg.CNTFRQ_EL0)).isEqualTo(62_500_000L);
    }

    @Test
    void aVirtualTimerFiresWhenTheCounterReachesItsCompareValue() {
        clock.advanceTo(160);
        assertThat(timer.write(null, SysReg.CNTV_TVAL_EL0, 100)).isEqualTo(Outcome.RESUME_AND_EXIT);
        assertThat(timer.read(null, SysReg.CNTV_CVAL_EL0)).isEqualTo(110);
        timer.write(null, SysReg.CNTV_CTL_EL0, 1);
        assertThat(timer.read(null, SysReg.CNTV_CTL_EL0)).isEqualTo(1);
        assertThat(scheduler.nextEventTime()).isEqualTo(110 * 16);

        scheduler.runUntil(10_000);
        assertThat(events).containsExactly("1760 virt true");
        assertThat(timer.read(null, SysReg.CNTV_CTL_EL0)).isEqualTo(5); // ENABLE | ISTATUS
        assertThat(timer.read(null, SysReg.CNTV_TVAL_EL0)).isEqualTo(0xffffffffL & (110 - 625));

        timer.write(null, SysReg.CNTV_CTL_EL0, 3); // IMASK
        assertThat(events).containsExactly("1760 virt true", "10000 virt false");
    }

    @Test
    void reprogrammingCancelsTheOldDeadline() {
        timer.write(null, SysReg.CNTP_CVAL_EL0, 1000);
        timer.write(null, SysReg.CNTP_CTL_EL0, 1);
        timer.write(null, SysReg.CNTP_CVAL_EL0, 2000);
        scheduler.runUntil(20_000);
        assertThat(events).isEmpty();
        scheduler.runUntil(40_000);
        assertThat(events).containsExactly("32000 phys true");
    }

    @Test
    void aFrequencyMustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GenericTimer(0, clock::now, scheduler, l -> { }, l -> { }))
                .hasMessageContaining("timer frequency must be positive, got 0");
    }
}
