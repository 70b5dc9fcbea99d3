package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The wall-clock watchdog ends a hung emulator with a report instead of hanging the run. The bound
 * here is a guard of a few seconds around a run that never ends; nothing measures speed.
 */
class HangGuardTest {

    @Test
    void aRunThatNeverReturnsEndsWithTheThreadDumpTheCoresAndTheTranscript() {
        try (Lab lab = Lab.powerOn("qemu-arm64-virt", BootRequest.defaults())) {
            lab.waitFor(dev.warden.emulator.board.ConsoleRole.PRIMARY, "U-Boot", 0, 1_000_000_000L);
            // a step of the run that never returns (as a translated block looping without a way out would),
            // until the watchdog interrupts it
            assertThatThrownBy(() -> lab.run("a condition that never holds", () -> lab.board().runUntil(() -> {
                while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
                return false;
            }, Long.MAX_VALUE), Duration.ofSeconds(2)))
                    .isInstanceOf(EmulatorHung.class)
                    .hasMessageContaining("the emulator of board qemu-arm64-virt hung: a condition that never holds")
                    .hasMessageContaining("where each core stopped")
                    .hasMessageContaining("\"warden-emulator-qemu-arm64-virt")
                    .hasMessageContaining("dev.warden.emulator.board.Board.runUntil")
                    .hasMessageContaining("transcript of the primary console so far:")
                    .hasMessageContaining("U-Boot");
            // the board was given up: no run starts on it again
            assertThatThrownBy(() -> lab.run("another run", () -> lab.board().runUntil(() -> false, Long.MAX_VALUE)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("abandoned");
        }
    }

    @Test
    void aRunThatReturnsGivesItsResultAndItsExceptions() {
        try (Lab lab = Lab.powerOn("qemu-arm64-virt", BootRequest.defaults())) {
            assertThat(lab.run("nothing", () -> 42)).isEqualTo(42);
            assertThatThrownBy(() -> lab.run("a failure", () -> {
                throw new IllegalArgumentException("as it was");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("as it was");
        }
    }
}
