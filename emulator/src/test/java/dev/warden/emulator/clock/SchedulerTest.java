package dev.warden.emulator.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
        VirtualClock clock = new VirtualClock();
        Scheduler s = new Scheduler(clock);
        List<String> log = new ArrayList<>();
        s.at(300, "c", () -> log.add("c@" + clock.now()));
        s.at(100, "a", () -> log.add("a@" + clock.now()));
        s.at(100, "b", () -> log.add("b@" + clock.now()));

        s.runUntil(1000);

        assertThat(log).containsExactly("a@100", "b@100", "c@300");
        assertThat(clock.now()).isEqualTo(1000);
    }

    @Test
    void cancelledEventsNeverRunAndHandlersMayScheduleMore() {
        VirtualClock clock = new VirtualClock();
        Scheduler s = new Scheduler(clock);
        List<Long> ticks = new ArrayList<>();
        Scheduler.Event dropped = s.at(50, "dropped", () -> ticks.add(-1L));
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ticks.add(clock.now());
            if (ticks.size() < 3) s.after(10, "tick", tick[0]);
        };
        s.at(20, "tick", tick[0]);
        dropped.cancel();

        s.runUntil(100);

        assertThat(ticks).containsExactly(20L, 30L, 40L);
        assertThat(s.hasPending()).isFalse();
    }
}
