package dev.warden.emulator.cpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static dev.warden.emulator.cpu.TestBoard.RAM;
import static dev.warden.emulator.cpu.TestBoard.VBAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Translated code and the interpreter, run side by side with the same budgets, give the same
 * registers, flags, PC, exception registers and instruction count after every run: through
 * self-modifying code, an interrupt taken in the middle of a block, a data abort in the middle of
 * a block, and budgets that end anywhere in a block. Each test also checks the guest-visible
 * result on its own, so that agreeing on a wrong answer fails too.
 */
class TranslationEquivalenceTest {

    private static final int ADD_X0_2 = 0x91000800; // add x0, x0, #2
    private static final int ADD_X0_1 = 0x91000400; // add x0, x0, #1

    /** A loop of four instructions, 1000 times, then hvc. */
    private static final int[] COUNTING_LOOP = {
        0xd2800000, // mov x0, #0
        0xd2807d01, // mov x1, #1000
        0x91000c00, // loop: add x0, x0, #3
        0xca010002, // eor x2, x0, x1
        0xf1000421, // subs x1, x1, #1
        0x54ffffa1, // b.ne loop
        0xd4000002, // hvc #0
    };

    @Test
    void aLoopRunsToTheSameEndAsTranslatedCode() {
        Lockstep l = new Lockstep(RAM, COUNTING_LOOP, b -> { });
        long ran = l.runToStop(1_000_000);
        assertThat(ran).isEqualTo(2 + 4 * 1000);
        assertThat(l.translated.cpu.x(0)).isEqualTo(3000);
        assertThat(l.translated.cpu.x(2)).isEqualTo(3000 ^ 1);
        assertThat(l.translated.cpu.pc()).isEqualTo(RAM + 24);
        assertThat(l.translatedSomething()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 11, 13, 17, 23, 64})
    void budgetsThatEndAnywhereInABlockStopOnTheSameInstruction(int budget) {
        Lockstep l = new Lockstep(RAM, COUNTING_LOOP, b -> { });
        long total = l.runToStop(budget);
        assertThat(total).isEqualTo(2 + 4 * 1000);
        assertThat(l.translated.cpu.x(0)).isEqualTo(3000);
        if (budget >= 4) assertThat(l.translatedSomething()).as("blocks fit in the budget").isTrue();
    }

    @Test
    void seededRandomBudgetsAgreeRunByRun() {
        Random random = new Random(11);
        Lockstep l = new Lockstep(RAM, COUNTING_LOOP, b -> { });
        long total = 0;
        for (long ran = -1; ran != 0; ) {
            ran = l.run(1 + random.nextInt(40));
            total += ran;
        }
        assertThat(total).isEqualTo(2 + 4 * 1000);
        assertThat(l.translatedSomething()).isTrue();
    }

    @Test
    void codeRewrittenAfterItWasTranslatedRunsInItsNewForm() {
        int[] program = {
            0xd2800000, // mov x0, #0
            0xd28000a4, // mov x4, #5
            0xd2800c81, // again: mov x1, #100
            0x91000400, // body: add x0, x0, #1
            0xf1000421, // subs x1, x1, #1
            0x54ffffc1, // b.ne body
            0xb9000043, // str w3, [x2]: body becomes add x0, x0, #2, then #1, ...
            0xca050063, // eor x3, x3, x5
            0xf1000484, // subs x4, x4, #1
            0x54ffff21, // b.ne again
            0xd4000002, // hvc #0
        };
        Lockstep l = new Lockstep(RAM, program, b -> {
            b.cpu.setX(2, RAM + 12);
            b.cpu.setX(3, ADD_X0_2);
            b.cpu.setX(5, ADD_X0_2 ^ ADD_X0_1);
        });
        l.runToStop(1_000_000);
        assertThat(l.translated.cpu.x(0)).as("passes adding 1, 2, 1, 2, 1: translations made before a store are not reused").isEqualTo(700);
        assertThat(l.translatedSomething()).isTrue();
    }

    @Test
    void aStoreOverTheNextInstructionOfItsOwnBlockTakesEffectAtOnce() {
        int[] program = {
            0xd2800000, // mov x0, #0
            0xd2800641, // mov x1, #50
            0xb9000043, // loop: str w3, [x2]
            0x91000400, // next: add x0, x0, #1 (rewritten every pass)
            0xca050063, // eor x3, x3, x5: alternates between the two encodings
            0xf1000421, // subs x1, x1, #1
            0x54ffff81, // b.ne loop
            0xd4000002, // hvc #0
        };
        Lockstep l = new Lockstep(RAM, program, b -> {
            b.cpu.setX(2, RAM + 12);
            b.cpu.setX(3, ADD_X0_2);
            b.cpu.setX(5, ADD_X0_2 ^ ADD_X0_1);
        });
        for (int budget : new int[] {9, 1, 4, 3, 1000}) l.run(budget);
        l.runToStop(1000);
        assertThat(l.translated.cpu.x(0)).as("25 passes adding 2, 25 adding 1").isEqualTo(25 * 2 + 25);
        assertThat(l.translatedSomething()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 21, 22, 23, 24, 77})
    void anInterruptArrivingWhenTheBudgetEndsMidBlockIsTakenThere(int budget) {
        int[] program = {
            0xd50342ff, // msr daifclr, #2
            0xd2800000, // mov x0, #0
            0xd2807d01, // mov x1, #1000
            0x91000c00, // loop: add x0, x0, #3
            0xca010002, // eor x2, x0, x1
            0x8b0200c6, // add x6, x6, x2
            0xf1000421, // subs x1, x1, #1
            0x54ffff81, // b.ne loop
            0xd4000002, // hvc #0
        };
        int[] handler = {
            0x910004a5, // add x5, x5, #1
            0xd5384007, // mrs x7, spsr_el1
            0xb27900e7, // orr x7, x7, #0x80: return with IRQs masked
            0xd5184007, // msr spsr_el1, x7
            0xd69f03e0, // eret
        };
        Lockstep l = new Lockstep(RAM, program, b -> b.load(VBAR + 0x200 + 0x80, handler));
        assertThat(l.run(budget)).isEqualTo(budget);
        l.both(cpu -> cpu.setIrqLine(true));
        l.run(3); // into the handler
        assertThat(l.translated.cpu.registers().elr()).as("return address: where the budget ended")
                .isEqualTo(RAM + 12 + 4L * ((budget - 3) % 5));
        l.runToStop(100_000);
        assertThat(l.translated.cpu.x(5)).as("one interrupt taken").isEqualTo(1);
        assertThat(l.translated.cpu.x(0)).isEqualTo(3000);
        assertThat(l.translatedSomething()).isTrue();
    }

    @Test
    void flagsSetBeforeALoadThatTookTheSlowPathStillDecideTheBranchAfterIt() {
        // The load alternates between two pages that share a TLB slot, so it misses every time and
        // goes through the interpreter, which hands the flags back as NZCV bits; the branch must
        // still read them as ANDS set them (the Linux kernel's kallsyms lookup went wrong here).
        int[] program = {
            0xd2800000, // mov x0, #0
            0xd2801901, // mov x1, #200
            0x91000400, // loop: add x0, x0, #1
            0xf2400004, // ands x4, x0, #1
            0xf9400045, // ldr x5, [x2]
            0xca060042, // eor x2, x2, x6
            0x54000040, // b.eq skip
            0x910004e7, // add x7, x7, #1
            0xf1000421, // skip: subs x1, x1, #1
            0x54ffff21, // b.ne loop
            0xd4000002, // hvc #0
        };
        Lockstep l = new Lockstep(RAM, program, b -> {
            b.cpu.setX(2, RAM + 0x100000);
            b.cpu.setX(6, 0x400000);
        });
        l.runToStop(1_000_000);
        assertThat(l.translated.cpu.x(7)).as("odd passes").isEqualTo(100);
        assertThat(l.translatedSomething()).isTrue();
    }

    @Test
    void aDataAbortInTheMiddleOfATranslatedBlockReportsThatInstruction() {
        int[] program = {
            0xd2800000, // mov x0, #0
            0x91000400, // loop: add x0, x0, #1
            0xf9400043, // ldr x3, [x2]: walks off the end of RAM
            0x8b030084, // add x4, x4, x3
            0x8b060042, // add x2, x2, x6
            0x17fffffc, // b loop
        };
        int[] handler = {
            0xd5385208, // mrs x8, esr_el1
            0xd5386009, // mrs x9, far_el1
            0xd538402a, // mrs x10, elr_el1
            0xd4000002, // hvc #0
        };
        Lockstep l = new Lockstep(RAM, program, b -> {
            b.load(VBAR + 0x200, handler);
            b.cpu.setX(2, RAM + (8L << 20));
            b.cpu.setX(6, 1L << 20);
        });
        long ran = l.runToStop(1_000_000);
        Cpu cpu = l.translated.cpu;
        assertThat(cpu.x(9)).as("FAR").isEqualTo(RAM + (16L << 20));
        assertThat(cpu.x(10)).as("ELR: the load").isEqualTo(RAM + 8);
        assertThat(cpu.x(8) >>> 26).as("EC: data abort, same EL").isEqualTo(0x25);
        assertThat(cpu.x(0)).as("passes, the last one stopped at its load").isEqualTo(9);
        assertThat(ran).isEqualTo(1 + 8 * 5 + 2 + 3);
        assertThat(l.translatedSomething()).isTrue();
    }

    @Test
    void loadsAndStoresOfEverySizeAndAddressingModeAgree() {
        // A checksum loop over a buffer with byte/half/word/double loads (sign- and zero-extending),
        // register offsets, pre/post-index and pairs, and the stores that write it back.
        int[] program = {
            0xd2800400, // mov x0, #32
            0xaa0203e3, // mov x3, x2
            0xd2800201, // mov x1, #16
            0x38401464, // ldrb w4, [x3], #1
            0x78802065, // ldursh x5, [x3, #2]
            0xb8a16866, // ldrsw x6, [x3, x1]
            0xa9402867, // ldp x7, x10, [x3]
            0x29c12468, // ldp w8, w9, [x3, #8]!
            0x7861786b, // ldrh w11, [x3, x1, lsl #1]
            0x8b050084, // add x4, x4, x5
            0x8b060084, // add x4, x4, x6
            0x8b070084, // add x4, x4, x7
            0x8b080084, // add x4, x4, x8
            0x8b090084, // add x4, x4, x9
            0x8b0a0084, // add x4, x4, x10
            0x8b0b0084, // add x4, x4, x11
            0x8b0400e7, // add x7, x7, x4
            0x38001c64, // strb w4, [x3, #1]!
            0x7800d067, // sturh w7, [x3, #13]
            0xa9001c64, // stp x4, x7, [x3]
            0x29bf1c64, // stp w4, w7, [x3, #-8]!
            0xf8216864, // str x4, [x3, x1]
            0xb8003467, // str w7, [x3], #3
            0x79000c64, // strh w4, [x3, #6]
            0xd1000463, // sub x3, x3, #1
            0xf1000421, // subs x1, x1, #1
            0x54fffd21, // b.ne loop
            0xf1000400, // subs x0, x0, #1
            0x54fffca1, // b.ne again
            0xd4000002, // hvc #0
        };
        Lockstep l = new Lockstep(RAM, program, b -> {
            b.cpu.setX(2, RAM + 0x2000);
            for (int i = 0; i < 128; i++) b.ram.write(RAM + 0x2000 + 8L * i, 8, 0x0123456789abcdefL * (i + 1));
        });
        Random random = new Random(5);
        while (l.run(1 + random.nextInt(200)) != 0) { }
        for (int i = 0; i < 128; i++) {
            assertThat(l.translated.ram.read(RAM + 0x2000 + 8L * i, 8)).as("buffer word %d", i)
                    .isEqualTo(l.reference.ram.read(RAM + 0x2000 + 8L * i, 8));
        }
        assertThat(l.translated.cpu.pc()).isEqualTo(RAM + 4L * (program.length - 1));
        assertThat(l.translatedSomething()).isTrue();
    }

    @Test
    void codeLoadedBehindTheCoresBackRunsOnceTheCacheIsDropped() {
        // As a root cell loading a new inmate: RAM written over the bus, then the code cache dropped.
        TestBoard b = new TestBoard().load(RAM, COUNTING_LOOP).start(RAM, TestBoard.EL1H_MASKED);
        b.cpu.setTranslation(true);
        b.cpu.setTranslationThreshold(2);
        b.cpu.setTrapHandler(new TrapHandler() {
            @Override
            public Outcome hvc(Cpu cpu, int imm) { return Outcome.STOP; }
        });
        b.cpu.run(100_000);
        assertThat(b.cpu.x(0)).isEqualTo(3000);
        assertThat(b.cpu.translationCount()).isPositive();

        b.ram.write(RAM + 8, 4, 0x91001400L); // loop: add x0, x0, #5
        b.cpu.codeCache().invalidateAll();
        b.cpu.reset(RAM, TestBoard.EL1H_MASKED);
        b.cpu.run(100_000);
        assertThat(b.cpu.x(0)).as("the new loop body ran").isEqualTo(5000);
    }

    @Test
    void unmaskingAPendingInterruptInsideTranslatedCodeTakesItAtTheNextInstruction() {
        int[] program = {
            0xd2800c81, // mov x1, #100
            0x91000400, // loop: add x0, x0, #1
            0xf100c81f, // cmp x0, #50
            0x54000041, // b.ne skip
            0xd50342ff, // msr daifclr, #2: the IRQ line is already high
            0xf1000421, // skip: subs x1, x1, #1
            0x54ffff61, // b.ne loop
            0xd4000002, // hvc #0
        };
        int[] handler = {
            0xd5384029, // mrs x9, elr_el1
            0xd5384007, // mrs x7, spsr_el1
            0xb27900e7, // orr x7, x7, #0x80: return with IRQs masked
            0xd5184007, // msr spsr_el1, x7
            0xd69f03e0, // eret
        };
        Lockstep l = new Lockstep(RAM, program, b -> {
            b.load(VBAR + 0x200 + 0x80, handler);
            b.cpu.setIrqLine(true);
        });
        Random random = new Random(3);
        while (l.run(1 + random.nextInt(300)) != 0) { }
        assertThat(l.translated.cpu.x(9)).as("ELR: the instruction after the msr").isEqualTo(RAM + 20);
        assertThat(l.translated.cpu.x(0)).isEqualTo(100);
        assertThat(l.translatedSomething()).isTrue();
    }

    @Test
    void dataStoredBesideTranslatedCodeInItsPageLeavesTheCodeAlone() {
        int[] program = {
            0xd2800000, // mov x0, #0
            0xd2807d01, // mov x1, #1000
            0x91000c00, // loop: add x0, x0, #3
            0xf9000040, // str x0, [x2]: a variable in the code's page
            0xf9400043, // ldr x3, [x2]
            0xf1000421, // subs x1, x1, #1
            0x54ffff81, // b.ne loop
            0xd4000002, // hvc #0
        };
        Lockstep l = new Lockstep(RAM, program, b -> b.cpu.setX(2, RAM + 0x800));
        Random random = new Random(9);
        while (l.run(1 + random.nextInt(500)) != 0) { }
        assertThat(l.translated.cpu.x(3)).isEqualTo(3000);
        assertThat(l.translated.ram.read(RAM + 0x800, 8)).isEqualTo(3000);
        assertThat(l.translatedSomething()).isTrue();
    }
}
