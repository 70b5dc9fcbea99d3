package dev.warden.hardening.hang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.run.BareMetalMachine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * A guest that never stops is cut off at a virtual-time bound (warden run-image --max-time), with a
 * report of where its core stopped; a WFI that nothing can wake ends at once, with the same report.
 */
class VirtualTimeBoundTest {
    private static final long MS = 1_000_000L;

    private static byte[] program(int... words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) b.putInt(w);
        return b.array();
    }

    @Test
    void anInfiniteLoopWithInterruptsMaskedStopsAtTheBound() {
        BareMetalMachine m = new BareMetalMachine();
        m.load("loop.bin", program(0x14000000)); // b .
        BareMetalMachine.RunResult r = m.run(Long.MAX_VALUE, 5 * MS, null);
        assertThat(r.stop()).isEqualTo(BareMetalMachine.Stop.TIME_LIMIT);
        assertThat(r.virtualNanos()).isGreaterThanOrEqualTo(5 * MS);
        assertThat(m.coreReport()).startsWith("core 0 (MPIDR 0x")
                .contains("executing at pc 0x0000000040080000", "EL1", "IRQs masked");
    }

    @Test
    void aWaitForAnInterruptThatNeverComesEndsWithTheCoreInWfi() {
        BareMetalMachine m = new BareMetalMachine();
        m.load("wfi.bin", program(0xd503207f, 0x17ffffff)); // wfi; b .-4
        BareMetalMachine.RunResult r = m.run(Long.MAX_VALUE, 5 * MS, null);
        assertThat(r.stop()).isEqualTo(BareMetalMachine.Stop.HALTED);
        assertThat(m.coreReport()).contains("waiting in WFI", "pc 0x0000000040080004", "IRQs masked");
    }

    @Test
    void theInstructionBudgetStillStopsFirstWhenItIsSmaller() {
        BareMetalMachine m = new BareMetalMachine();
        m.load("loop.bin", program(0x14000000));
        BareMetalMachine.RunResult r = m.run(1000, 5 * MS, null);
        assertThat(r.stop()).isEqualTo(BareMetalMachine.Stop.INSTRUCTION_LIMIT);
        assertThat(r.instructions()).isEqualTo(1000);
    }
}
