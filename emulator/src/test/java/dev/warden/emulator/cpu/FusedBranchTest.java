package dev.warden.emulator.cpu;

import org.junit.jupiter.api.Test;

import static dev.warden.emulator.cpu.TestBoard.EL1H_MASKED;
import static dev.warden.emulator.cpu.TestBoard.RAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flag-setting instruction and the B.cond after it run as one dispatch; what the guest sees
 * (registers, flags, instruction count, where a run stops) is the same as one at a time.
 */
class FusedBranchTest {

    private static final int[] LOOP = {
        0xd28000a1, // mov x1, #5
        0xd2800000, // mov x0, #0
        0x91000800, // loop: add x0, x0, #2
        0xf1000421, // subs x1, x1, #1
        0x54ffffc1, // b.ne loop
        0xd4000002, // hvc #0
    };

    private static TestBoard board() {
        TestBoard b = new TestBoard().load(RAM, LOOP).start(RAM, EL1H_MASKED);
        b.cpu.setTrapHandler(new TrapHandler() {
            @Override
            public Outcome hvc(Cpu cpu, int imm) { return Outcome.STOP; }
        });
        return b;
    }

    @Test
    void oneRunAndSingleStepsAgree() {
        TestBoard whole = board();
        long executed = whole.cpu.run(1000);

        TestBoard stepped = board();
        long steps = 0;
        while (stepped.cpu.run(1) == 1) steps++;

        assertThat(executed).isEqualTo(2 + 5 * 3).isEqualTo(steps);
        assertThat(whole.cpu.registers().x()).isEqualTo(stepped.cpu.registers().x());
        assertThat(whole.cpu.x(0)).isEqualTo(10);
        assertThat(whole.cpu.registers().pstate()).isEqualTo(stepped.cpu.registers().pstate()).isEqualTo(0x600003c5L); // Z and C from 1 - 1
        assertThat(whole.cpu.pc()).isEqualTo(stepped.cpu.pc()).isEqualTo(RAM + 20);
    }

    @Test
    void aBudgetEndingBetweenTheTwoStopsOnTheBranch() {
        TestBoard b = board();
        assertThat(b.cpu.run(4)).isEqualTo(4); // mov, mov, add, subs
        assertThat(b.cpu.pc()).isEqualTo(RAM + 16);
        assertThat(b.cpu.x(1)).isEqualTo(4);
    }

    @Test
    void aStoreOverTheBranchUndoesTheFusion() {
        TestBoard b = new TestBoard().load(RAM,
                0xb90000c5, // str w5, [x6]: replaces the b.ne below once the page is decoded
                0xd28000a1, // mov x1, #5
                0xd2800000, // mov x0, #0
                0x91000800, // loop: add x0, x0, #2
                0xf1000421, // subs x1, x1, #1
                0x54ffffc1, // b.ne loop
                0xd4000002) // hvc #0
            .start(RAM, EL1H_MASKED);
        b.cpu.setTrapHandler(new TrapHandler() {
            @Override
            public Outcome hvc(Cpu cpu, int imm) { return Outcome.STOP; }
        });
        b.cpu.setX(5, 0x54000040L); // b.eq .+8
        b.cpu.setX(6, RAM + 20);
        assertThat(b.cpu.run(1000)).isEqualTo(6);
        assertThat(b.cpu.x(0)).as("the loop body ran once: the new branch falls through").isEqualTo(2);
        assertThat(b.cpu.pc()).isEqualTo(RAM + 24);
    }
}
