package dev.warden.emulator.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.cpu.Cpu;
import dev.warden.emulator.cpu.PhysicalBusPort;
import dev.warden.emulator.cpu.TrapHandler;
import dev.warden.emulator.profile.BoardProfiles;
import org.junit.jupiter.api.Test;

/** What the cores of one board share: the global exclusive monitor, and broadcast TLB invalidation. */
class CpuClusterSharingTest {

    static final long CODE = 0x40000000L;
    static final long DATA = 0x40100000L;
    static final long EL1H_MASKED = 0x3c5;
    /** ldxr x1, [x0]; mov x3, #20000; 1: subs x3, x3, #1; b.ne 1b; stxr w2, x1, [x0]; b . */
    static final int[] EXCLUSIVE_ACROSS_SLICES = {0xc85f7c01, 0xd289c403, 0xf1000463, 0x54ffffe1, 0xc8027c01, 0x14000000};
    static final int BRANCH_TO_SELF = 0x14000000;

    private final Board board = new Board(BoardProfiles.byName(BoardTest.PROFILES, "qemu-arm64-virt"));

    @Test
    void anStxrAfterAnotherCoreRanFailsSoItsLoopRetries() {
        Cpu first = startCore(0, CODE, EXCLUSIVE_ACROSS_SLICES);
        startCore(1, CODE + 0x1000, BRANCH_TO_SELF);

        board.runFor(50_000);

        assertThat(first.x(2)).as("STXR status: the other core ran between LDXR and STXR").isEqualTo(1);
    }

    @Test
    void aCoreAloneKeepsItsMonitorAcrossSlices() {
        Cpu only = startCore(0, CODE, EXCLUSIVE_ACROSS_SLICES);

        board.runFor(50_000);

        assertThat(only.x(2)).as("STXR status").isEqualTo(0);
    }

    private Cpu startCore(int index, long pc, int... words) {
        for (int i = 0; i < words.length; i++) board.bus().write(pc + 4L * i, 4, words[i] & 0xffffffffL);
        Cpu cpu = board.cpus().start(index, new PhysicalBusPort(board.bus()), TrapHandler.NONE, pc, EL1H_MASKED);
        cpu.setX(0, DATA);
        return cpu;
    }
}
