package dev.warden.steps.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A board's state is named by a key only while nothing but fork points has touched it. */
class ForkTrailTest {

    @Test
    void theKeyStartsWithPowerOnAndGrowsByEachPoint() {
        ForkTrail a = new ForkTrail();
        ForkTrail b = new ForkTrail();
        String bootA = a.next("boot", true, () -> "inputs").orElseThrow();
        String bootB = b.next("boot", true, () -> "inputs").orElseThrow();
        assertThat(bootA).isEqualTo(bootB);
        a.arrive(bootA);
        b.arrive(bootB);
        assertThat(a.next("login", false, () -> "unused")).isEqualTo(b.next("login", false, () -> "unused"));
        assertThat(a.next("login", false, () -> "unused")).isNotEqualTo(Optional.of(bootA));

        ForkTrail other = new ForkTrail();
        assertThat(other.next("boot", true, () -> "other inputs")).isNotEqualTo(Optional.of(bootA));
    }

    @Test
    void anythingElseThatTouchesTheBoardEndsTheChain() {
        ForkTrail t = new ForkTrail();
        t.arrive(t.next("boot", true, () -> "inputs").orElseThrow());
        t.leave();
        assertThat(t.next("login", false, () -> "inputs")).isEmpty();
    }

    @Test
    void noChainStartsWithoutPowerOnOrWhenTheInputsCannotBeRead() {
        assertThat(new ForkTrail().next("login", false, () -> "inputs")).isEmpty();
        assertThat(new ForkTrail().next("boot", true, () -> {
            throw new IllegalStateException("unknown board");
        })).isEmpty();
        ForkTrail twice = new ForkTrail();
        twice.arrive(twice.next("boot", true, () -> "inputs").orElseThrow());
        assertThat(twice.next("boot", true, () -> "inputs")).isEmpty();
    }
}
