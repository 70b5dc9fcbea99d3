package dev.warden.emulator.cpu;

import org.junit.jupiter.api.Test;

import static dev.warden.emulator.cpu.TestBoard.EL1H_MASKED;
import static dev.warden.emulator.cpu.TestBoard.RAM;
import static dev.warden.emulator.cpu.TestBoard.VBAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage-1 walk with a 39-bit VA and 4 KiB granule: level-1 and level-2 blocks, level-3 pages,
 * translation and permission faults with the level in the fault status code.
 */
class CpuMmuTest {

    private static final long L1 = RAM + 0x100000, L2 = RAM + 0x101000, L3 = RAM + 0x102000;
    private static final long TABLE = 3, BLOCK = 1, PAGE = 3, AF = 1 << 10, READ_ONLY = 1 << 7;
    private static final int[] PROGRAM = {
        0xd5182014, // msr ttbr0_el1, x20
        0xd5182055, // msr tcr_el1, x21
        0xd518a216, // msr mair_el1, x22
        0xd5181017, // msr sctlr_el1, x23
        0xd5033fdf, // isb
        0xf9400301, // ldr x1, [x24]
        0xf9000321, // str x1, [x25]
        0xd4000002, // hvc #0
    };

    private static TestBoard boardWithTables(long loadVa, long storeVa) {
        TestBoard b = new TestBoard().load(RAM, PROGRAM);
        b.ram.write(L1, 8, L2 | TABLE); // VA [0, 1 GiB): level-2 table
        b.ram.write(L1 + 8, 8, 0x40000000L | AF | BLOCK); // VA [1 GiB, 2 GiB): identity block, where the code runs
        b.ram.write(L2, 8, L3 | TABLE); // VA [0, 2 MiB): level-3 table
        b.ram.write(L2 + 8, 8, 0x40400000L | AF | BLOCK); // VA [2 MiB, 4 MiB) -> PA 0x40400000
        b.ram.write(L3 + 8, 8, 0x40200000L | AF | PAGE); // VA 0x1000 -> PA 0x40200000
        b.ram.write(L3 + 16, 8, 0x40201000L | AF | READ_ONLY | PAGE); // VA 0x2000, read-only
        b.ram.write(0x40200008L, 8, 0xabcdefL);
        b.start(RAM, EL1H_MASKED);
        b.cpu.setTrapHandler(new TrapHandler() {
            @Override
            public Outcome hvc(Cpu cpu, int imm) { return Outcome.STOP; }
        });
        b.cpu.setX(20, L1);
        b.cpu.setX(21, 25 | 1L << 23); // T0SZ = 25, TG0 = 4 KiB, EPD1
        b.cpu.setX(22, 0xff);
        b.cpu.setX(23, 0x00c50838L | 1); // SCTLR_EL1.M
        b.cpu.setX(24, loadVa);
        b.cpu.setX(25, storeVa);
        return b;
    }

    @Test
    void pagesAndBlocksTranslate() {
        TestBoard b = boardWithTables(0x1008, 0x200010);
        b.cpu.run(100);
        assertThat(b.cpu.pc()).isEqualTo(RAM + 28); // stopped on the HVC
        assertThat(b.cpu.x(1)).isEqualTo(0xabcdefL);
        assertThat(b.ram.read(0x40400010L, 8)).isEqualTo(0xabcdefL);
    }

    @Test
    void aWriteToAReadOnlyPageIsALevelThreePermissionFault() {
        TestBoard b = boardWithTables(0x1008, 0x2000);
        b.cpu.run(7);
        assertThat(b.cpu.pc()).isEqualTo(VBAR + 0x200);
        assertThat(b.esr()).isEqualTo(0x96000000L | 1 << 6 | 0x0f);
        assertThat(b.cpu.registers().far()).isEqualTo(0x2000);
        assertThat(b.cpu.registers().elr()).isEqualTo(RAM + 24);
    }

    @Test
    void anInvalidDescriptorIsATranslationFaultAtItsLevel() {
        TestBoard page = boardWithTables(0x3000, 0x200010);
        page.cpu.run(6);
        assertThat(page.esr()).isEqualTo(0x96000007L);
        assertThat(page.cpu.registers().far()).isEqualTo(0x3000);

        TestBoard block = boardWithTables(0x600000, 0x200010); // level-2 entry 3 is empty
        block.cpu.run(6);
        assertThat(block.esr()).isEqualTo(0x96000006L);
    }

    @Test
    void addressesAboveTheInputRangeFaultAtLevelZero() {
        TestBoard b = boardWithTables(1L << 40, 0x200010);
        b.cpu.run(6);
        assertThat(b.esr()).isEqualTo(0x96000004L);
    }
}
