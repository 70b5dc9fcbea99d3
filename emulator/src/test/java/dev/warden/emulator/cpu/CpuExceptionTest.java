package dev.warden.emulator.cpu;

import org.junit.jupiter.api.Test;

import static dev.warden.emulator.cpu.TestBoard.EL1H_MASKED;
import static dev.warden.emulator.cpu.TestBoard.RAM;
import static dev.warden.emulator.cpu.TestBoard.VBAR;
import static org.assertj.core.api.Assertions.assertThat;

/** Exceptions, ERET, interrupts and WFI, checked against the architecture's rules. */
class CpuExceptionTest {

    @Test
    void anUndefinedEncodingEntersTheSynchronousVectorWithEcZero() {
        TestBoard b = new TestBoard().load(RAM, 0xffffffff).start(RAM, 0x600003c5L);
        assertThat(b.cpu.run(1)).isEqualTo(1);
        Registers r = b.cpu.registers();
        assertThat(r.pc()).isEqualTo(VBAR + 0x200); // current EL with SP_ELx, synchronous
        assertThat(r.esr()).isEqualTo(0x02000000L); // EC 0x00, IL = 1
        assertThat(r.elr()).isEqualTo(RAM);
        assertThat(r.spsr()).isEqualTo(0x600003c5L);
        assertThat(r.pstate()).isEqualTo(0x3c5L);
    }

    @Test
    void eretDropsToEl0AndSvcComesBackThroughTheLowerElVectorWithBankedStackPointers() {
        TestBoard b = new TestBoard().load(RAM,
                0xd2a80000, // mov x0, #0x40000000
                0x91040001, // add x1, x0, #0x100
                0xd5184021, // msr elr_el1, x1
                0xd518401f, // msr spsr_el1, xzr
                0xd2820002, // mov x2, #0x1000
                0x8b020002, // add x2, x0, x2
                0xd5184102, // msr sp_el0, x2
                0xd69f03e0) // eret
            .load(RAM + 0x100,
                0x910003e3, // mov x3, sp
                0xd40000a1) // svc #5
            .start(RAM, EL1H_MASKED);
        assertThat(b.cpu.run(8)).isEqualTo(8);
        assertThat(b.cpu.exceptionLevel()).isZero();
        assertThat(b.cpu.pc()).isEqualTo(RAM + 0x100);

        assertThat(b.cpu.run(2)).isEqualTo(2);
        Registers r = b.cpu.registers();
        assertThat(r.x(3)).isEqualTo(RAM + 0x1000);
        assertThat(r.pc()).isEqualTo(VBAR + 0x400); // lower EL, AArch64, synchronous
        assertThat(r.esr()).isEqualTo(0x15L << 26 | 1L << 25 | 5);
        assertThat(r.elr()).isEqualTo(RAM + 0x108); // the instruction after the SVC
        assertThat(r.spsr()).isZero(); // EL0t, nothing masked
        assertThat(r.sp()).isZero(); // SP_EL1 again
        assertThat(b.cpu.readSystemRegister(SysReg.SP_EL0)).isEqualTo(RAM + 0x1000);
    }

    @Test
    void aMaskedIrqWaitsUntilDaifClrThenEntersTheIrqVector() {
        TestBoard b = new TestBoard().load(RAM,
                0xd503201f, // nop
                0xd50342ff, // msr daifclr, #2
                0xd503201f) // nop
            .start(RAM, EL1H_MASKED);
        b.cpu.setIrqLine(true);
        assertThat(b.cpu.run(2)).isEqualTo(2);
        assertThat(b.cpu.pc()).isEqualTo(RAM + 8);
        assertThat(b.cpu.poll()).isTrue();
        Registers r = b.cpu.registers();
        assertThat(r.pc()).isEqualTo(VBAR + 0x280);
        assertThat(r.elr()).isEqualTo(RAM + 8);
        assertThat(r.spsr()).isEqualTo(0x345L); // EL1h with D, A, F still masked
        assertThat((r.pstate() >>> 6) & 0xf).isEqualTo(0xf);
    }

    @Test
    void wfiStopsTheRunUntilTheIrqLineRisesEvenWhenIrqsAreMasked() {
        TestBoard b = new TestBoard().load(RAM,
                0xd2800020, // mov x0, #1
                0xd503207f, // wfi
                0xd2800040) // mov x0, #2
            .start(RAM, EL1H_MASKED);
        assertThat(b.cpu.run(10)).isEqualTo(2);
        assertThat(b.cpu.isWaitingForInterrupt()).isTrue();
        assertThat(b.cpu.isHalted()).isTrue();
        assertThat(b.cpu.run(10)).isZero();

        b.cpu.setIrqLine(true);
        assertThat(b.cpu.run(1)).isEqualTo(1);
        assertThat(b.cpu.x(0)).isEqualTo(2);
        assertThat(b.cpu.pc()).isEqualTo(RAM + 12);
        assertThat(b.cpu.instructionCount()).isEqualTo(3);
    }

    @Test
    void hvcWithoutAHandlerIsUndefinedAndWithOneReachesIt() {
        int[] code = {
            0xd2894900, // mov x0, #0x4a48
            0xd4094902, // hvc #0x4a48
            0x91000400, // add x0, x0, #1
        };
        TestBoard plain = new TestBoard().load(RAM, code).start(RAM, EL1H_MASKED);
        plain.cpu.run(2);
        assertThat(plain.cpu.pc()).isEqualTo(VBAR + 0x200);
        assertThat(plain.esr() >>> 26).isZero();
        assertThat(plain.cpu.registers().elr()).isEqualTo(RAM + 4);

        TestBoard hooked = new TestBoard().load(RAM, code).start(RAM, EL1H_MASKED);
        int[] seen = new int[2];
        hooked.cpu.setTrapHandler(new TrapHandler() {
            @Override
            public Outcome hvc(Cpu cpu, int imm) {
                seen[0] = imm;
                seen[1] = (int) cpu.x(0);
                return Outcome.RESUME;
            }
        });
        assertThat(hooked.cpu.run(3)).isEqualTo(3);
        assertThat(seen).containsExactly(0x4a48, 0x4a48);
        assertThat(hooked.cpu.x(0)).isEqualTo(0x4a49);
    }

    @Test
    void aStopOutcomeLeavesThePcOnTheInstructionAndEndsTheRun() {
        TestBoard b = new TestBoard().load(RAM, 0xd4094902 /* hvc #0x4a48 */).start(RAM, EL1H_MASKED);
        b.cpu.setTrapHandler(new TrapHandler() {
            @Override
            public Outcome hvc(Cpu cpu, int imm) { return Outcome.STOP; }
        });
        assertThat(b.cpu.run(100)).isZero();
        assertThat(b.cpu.pc()).isEqualTo(RAM);
        assertThat(b.cpu.instructionCount()).isZero();
    }

    @Test
    void aFetchFromNowhereIsAnInstructionAbortAndAFaultingVectorStillUsesUpTheBudget() {
        TestBoard b = new TestBoard().start(0x09000000L, EL1H_MASKED);
        b.cpu.writeSystemRegister(SysReg.VBAR_EL1, 0x08000000L); // nothing there either
        assertThat(b.cpu.run(5)).isEqualTo(5);
        assertThat(b.cpu.pc()).isEqualTo(0x08000200L);
        assertThat(b.esr()).isEqualTo(0x21L << 26 | 1L << 25 | 0x10); // instruction abort, same EL, external
        assertThat(b.cpu.registers().far()).isEqualTo(0x08000200L);
    }

    @Test
    void haltedCoresDoNothingUntilReset() {
        TestBoard b = new TestBoard().load(RAM, 0xd503201f).start(RAM, EL1H_MASKED);
        b.cpu.halt();
        b.cpu.setIrqLine(true);
        assertThat(b.cpu.run(10)).isZero();
        b.cpu.reset(RAM, EL1H_MASKED);
        assertThat(b.cpu.run(1)).isEqualTo(1);
    }
}
