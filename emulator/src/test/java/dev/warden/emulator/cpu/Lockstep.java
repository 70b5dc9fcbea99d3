package dev.warden.emulator.cpu;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two identical test boards, one on the interpreter (the reference) and one translating hot code
 * (threshold 2, so loops are translated on their second pass), run with the same instruction
 * budgets. After every run both must report the same count and the same whole state.
 */
final class Lockstep {

    final TestBoard reference = new TestBoard();
    final TestBoard translated = new TestBoard();

    /** Both boards get the same program and start; {@code setup} then runs on each. */
    Lockstep(long start, int[] program, Consumer<TestBoard> setup) {
        reference.cpu.setTranslation(false);
        translated.cpu.setTranslation(true);
        translated.cpu.setTranslationThreshold(2);
        for (TestBoard b : new TestBoard[] {reference, translated}) {
            b.load(start, program).start(start, TestBoard.EL1H_MASKED);
            b.cpu.setTrapHandler(new TrapHandler() {
                @Override
                public Outcome hvc(Cpu cpu, int imm) { return Outcome.STOP; }
            });
            setup.accept(b);
        }
    }

    /** Runs both for at most {@code budget} instructions; returns how many ran. */
    long run(long budget) {
        long expected = reference.cpu.run(budget);
        long actual = translated.cpu.run(budget);
        assertThat(state(translated.cpu)).as("state after a run of budget %d", budget).isEqualTo(state(reference.cpu));
        assertThat(actual).as("instructions run with budget %d", budget).isEqualTo(expected);
        return expected;
    }

    /** Runs with {@code budget} until a run stops short of it (the program stopped, halted or waits). */
    long runToStop(long budget) {
        long total = 0;
        long ran;
        do {
            ran = run(budget);
            total += ran;
        } while (ran == budget);
        return total;
    }

    /** Applies {@code action} to both cores between runs (an interrupt, a register write). */
    void both(Consumer<Cpu> action) {
        action.accept(reference.cpu);
        action.accept(translated.cpu);
    }

    /** Whether the translating board made translations (tests assert it, so that they compare something). */
    boolean translatedSomething() {
        return translated.cpu.translationCount() > 0;
    }

    /** Everything the guest can see of a core, and its count, as text (a difference shows field by field). */
    static String state(Cpu cpu) {
        Registers r = cpu.registers();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 31; i++) s.append(String.format("x%d=%x ", i, r.x(i)));
        s.append(String.format("%nsp=%x pc=%x pstate=%x elr=%x spsr=%x esr=%x far=%x", r.sp(), r.pc(), r.pstate(), r.elr(), r.spsr(), r.esr(), r.far()));
        s.append(String.format("%ncount=%d halted=%b waiting=%b", cpu.instructionCount(), cpu.isHalted(), cpu.isWaitingForInterrupt()));
        return s.toString();
    }
}
