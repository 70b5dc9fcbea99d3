package dev.warden.emulator.cpu;

import dev.warden.emulator.bus.MmioDevice;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.warden.emulator.cpu.TestBoard.EL1H_MASKED;
import static dev.warden.emulator.cpu.TestBoard.RAM;
import static dev.warden.emulator.cpu.TestBoard.VBAR;
import static org.assertj.core.api.Assertions.assertThat;

/** Loads and stores in their addressing modes, the slow path, data aborts and code that rewrites itself. */
class CpuMemoryTest {

    private static final long D = RAM + 0x800;
    private static final long E = RAM + 0xa00;

    private static TrapHandler stopOnHvc() {
        return new TrapHandler() {
            @Override
            public Outcome hvc(Cpu cpu, int imm) { return Outcome.STOP; }
        };
    }

    @Test
    void addressingModesWritebackSignExtensionPairsAndExclusives() {
        TestBoard b = new TestBoard().load(RAM,
                0x9100009f, // mov sp, x4
                0x79c00025, // ldrsh w5, [x1]
                0x78802c26, // ldrsh x6, [x1, #2]!
                0xf8408427, // ldr x7, [x1], #8
                0xb863d848, // ldr w8, [x2, w3, sxtw #2]
                0x580000e9, // ldr x9, lit
                0xa9bf23e7, // stp x7, x8, [sp, #-16]!
                0x69402c4a, // ldpsw x10, x11, [x2]
                0xc85f7c4c, // ldxr x12, [x2]
                0xc80d7c49, // stxr w13, x9, [x2]
                0xc80e7c49, // stxr w14, x9, [x2]
                0xd4000002, // hvc #0
                0x55667788, 0x11223344); // lit: .quad 0x1122334455667788
        b.ram.write(D, 8, 0x11112222fffe8001L);
        b.ram.write(D + 8, 8, 0x3333444455556666L);
        b.ram.write(E - 4, 4, 0xdeadbeefL);
        b.ram.write(E, 4, 0x80000000L);
        b.ram.write(E + 4, 4, 0x7fffffffL);
        b.start(RAM, EL1H_MASKED);
        b.cpu.setTrapHandler(stopOnHvc());
        b.cpu.setX(1, D);
        b.cpu.setX(2, E);
        b.cpu.setX(3, 0xffffffffL); // w3 = -1
        b.cpu.setX(4, RAM + 0x1000);

        assertThat(b.cpu.run(100)).isEqualTo(11);
        Registers r = b.cpu.registers();
        assertThat(r.x(5)).isEqualTo(0xffff8001L);
        assertThat(r.x(6)).isEqualTo(-2L);
        assertThat(r.x(7)).isEqualTo(0x666611112222fffeL); // unaligned, bytes D+2..D+9
        assertThat(r.x(1)).isEqualTo(D + 10);
        assertThat(r.x(8)).isEqualTo(0xdeadbeefL);
        assertThat(r.x(9)).isEqualTo(0x1122334455667788L);
        assertThat(r.sp()).isEqualTo(RAM + 0xff0);
        assertThat(b.ram.read(RAM + 0xff0, 8)).isEqualTo(0x666611112222fffeL);
        assertThat(b.ram.read(RAM + 0xff8, 8)).isEqualTo(0xdeadbeefL);
        assertThat(r.x(10)).isEqualTo(0xffffffff80000000L);
        assertThat(r.x(11)).isEqualTo(0x7fffffffL);
        assertThat(r.x(12)).isEqualTo(0x7fffffff80000000L);
        assertThat(r.x(13)).isZero(); // the monitor was armed
        assertThat(r.x(14)).isEqualTo(1); // and the first store-exclusive cleared it
        assertThat(b.ram.read(E, 8)).isEqualTo(0x1122334455667788L);
    }

    @Test
    void stackPushesAndPopsWriteBackTheBase() {
        TestBoard b = new TestBoard().load(RAM,
                0x9100009f, // mov sp, x4
                0xf81f0fe1, // str x1, [sp, #-16]!
                0xf80087e2, // str x2, [sp], #8
                0xf85f8fe3) // ldr x3, [sp, #-8]!
            .start(RAM, EL1H_MASKED);
        b.cpu.setX(1, 0x1111L);
        b.cpu.setX(2, 0x2222L);
        b.cpu.setX(4, RAM + 0x1000);
        // Twice: once filling the TLBs on the slow path, once on the fast path.
        for (int pass = 0; pass < 2; pass++) {
            b.cpu.setPc(RAM); // not reset: the TLBs keep what the first pass filled
            b.cpu.setX(1, 0x1111L);
            b.cpu.setX(2, 0x2222L);
            b.cpu.setX(4, RAM + 0x1000);
            b.ram.write(RAM + 0xff0, 8, 0);
            assertThat(b.cpu.run(4)).isEqualTo(4);
            assertThat(b.cpu.sp()).isEqualTo(RAM + 0xff0);
            assertThat(b.ram.read(RAM + 0xff0, 8)).isEqualTo(0x2222L);
            assertThat(b.cpu.x(3)).isEqualTo(0x2222L);
        }
    }

    @Test
    void accessesOutsideRamReachDevicesThroughTheSlowPath() {
        List<String> log = new ArrayList<>();
        TestBoard b = new TestBoard();
        b.bus.addDevice("probe", 0x09000000L, 0x1000, new MmioDevice() {
            @Override
            public long read(long offset, int size) {
                log.add("read " + offset + "/" + size);
                return 0x8000;
            }

            @Override
            public void write(long offset, int size, long value) { log.add(String.format("write %d/%d=%x", offset, size, value)); }
        });
        b.load(RAM,
                0xb9000041, // str w1, [x2]
                0x79c00025) // ldrsh w5, [x1]
            .start(RAM, EL1H_MASKED);
        b.cpu.setX(1, 0x09000010L);
        b.cpu.setX(2, 0x09000004L);
        b.cpu.run(2);
        assertThat(log).containsExactly("write 4/4=9000010", "read 16/2");
        assertThat(b.cpu.x(5)).isEqualTo(0xffff8000L);
    }

    @Test
    void anUnansweredLoadIsAnExternalAbortByDefault() {
        TestBoard b = new TestBoard().load(RAM, 0x79c00025 /* ldrsh w5, [x1] */).start(RAM, EL1H_MASKED);
        b.cpu.setX(1, 0x09000000L);
        b.cpu.run(1);
        assertThat(b.cpu.pc()).isEqualTo(VBAR + 0x200);
        assertThat(b.esr()).isEqualTo(0x96000010L); // EC 0x25, IL, DFSC external abort
        assertThat(b.cpu.registers().far()).isEqualTo(0x09000000L);
        assertThat(b.cpu.registers().elr()).isEqualTo(RAM);
    }

    @Test
    void theDataAbortHookSeesTheSyndromeAndCanParkOrComplete() {
        List<DataAccess> seen = new ArrayList<>();
        TestBoard parked = new TestBoard().load(RAM, 0x79c00025 /* ldrsh w5, [x1] */).start(RAM, EL1H_MASKED);
        parked.cpu.setX(1, 0x09000000L);
        parked.cpu.setTrapHandler(new TrapHandler() {
            @Override
            public Outcome dataAbort(Cpu cpu, DataAccess access) {
                seen.add(access);
                assertThat(access.toString()).isEqualTo("read of 2 bytes at 0x9000000 (va 0x9000000), register 5");
                return Outcome.STOP;
            }
        });
        assertThat(parked.cpu.run(5)).isZero();
        assertThat(parked.cpu.pc()).isEqualTo(RAM);
        DataAccess a = seen.get(0);
        assertThat(a.size).isEqualTo(2);
        assertThat(a.write).isFalse();
        assertThat(a.register).isEqualTo(5);
        assertThat(a.signExtend).isTrue();
        assertThat(a.sixtyFourBit).isFalse();
        assertThat(a.syndrome()).isEqualTo(1 << 24 | 1 << 22 | 1 << 21 | 5 << 16); // ISV, SAS=half, SSE, SRT=5

        TestBoard emulated = new TestBoard().load(RAM, 0x79c00025).start(RAM, EL1H_MASKED);
        emulated.cpu.setX(1, 0x09000000L);
        emulated.cpu.setTrapHandler(new TrapHandler() {
            @Override
            public Outcome dataAbort(Cpu cpu, DataAccess access) {
                access.value = 0x8123;
                return Outcome.RESUME;
            }
        });
        assertThat(emulated.cpu.run(1)).isEqualTo(1);
        assertThat(emulated.cpu.x(5)).isEqualTo(0xffff8123L);
    }

    @Test
    void aStoreOverAnInstructionAheadChangesWhatExecutes() {
        TestBoard b = new TestBoard().load(RAM,
                0x180000a1, // ldr w1, newinsn
                0x10000042, // adr x2, target
                0xb9000041, // str w1, [x2]
                0xd2800020, // target: mov x0, #1
                0xd4000002, // hvc #0
                0xd28000e0) // newinsn: mov x0, #7
            .start(RAM, EL1H_MASKED);
        b.cpu.setTrapHandler(stopOnHvc());
        b.cpu.run(10);
        assertThat(b.cpu.x(0)).isEqualTo(7);
        assertThat(b.cpu.pc()).isEqualTo(RAM + 16);
    }

    @Test
    void codeLoadedBehindTheCoresBackRunsAfterInvalidateAll() {
        TestBoard b = new TestBoard().load(RAM, 0xd2800020 /* mov x0, #1 */).start(RAM, EL1H_MASKED);
        b.cpu.run(1);
        b.ram.write(RAM, 4, 0xd28000e0L); // mov x0, #7, written as a loader would
        b.cpu.codeCache().invalidateAll();
        b.cpu.reset(RAM, EL1H_MASKED);
        b.cpu.run(1);
        assertThat(b.cpu.x(0)).isEqualTo(7);
    }
}
