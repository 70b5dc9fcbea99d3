package dev.warden.emulator.cpu;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** How a region is cut into blocks, and that its class stays small enough for the JIT to compile. */
class RegionTest {

    private static Op[] page(int... words) {
        Op[] ops = new Op[CodePage.WORDS];
        for (int i = 0; i < ops.length; i++) ops[i] = Decoder.decode(i < words.length ? words[i] : 0xd503201f); // nop
        return ops;
    }

    @Test
    void aLoopIsOneRegionWhoseBlocksEndAtItsBranchAndAtTheLoopHead() {
        Op[] ops = page(
                0xd2800000, // 0: mov x0, #0
                0x91000c00, // 1: loop: add x0, x0, #3
                0xf1000421, // 2: subs x1, x1, #1
                0x54ffffc1, // 3: b.ne loop
                0xd503207f, // 4: wfi (left to the interpreter)
                0xd4000002); // 5: hvc #0
        Region r = Region.plan(ops, 0);
        // The branch's fall-through (the wfi) is not in the region: taking it leaves the region.
        assertThat(r.blocks).containsExactly(
                new Region.Block(0, 0, Region.End.FALL_THROUGH),
                new Region.Block(1, 3, Region.End.BRANCH));
        assertThat(r.leaders.stream().toArray()).containsExactly(0, 1);
        assertThat(r.firstWord).isZero();
        assertThat(r.lastWord).isEqualTo(3);
    }

    @Test
    void anEntryTheTranslationLeavesToTheInterpreterHasNoRegion() {
        assertThat(Region.plan(page(0xd503207f), 0)).isNull(); // wfi
        assertThat(Region.plan(page(0xd4000002), 0)).isNull(); // hvc
        assertThat(Region.plan(page(0xd69f03e0), 0)).isNull(); // eret
        assertThat(Region.plan(page(0x00000000), 0)).isNull(); // udf
    }

    @Test
    void systemRegisterAccessesStayInTheRegion() {
        Region r = Region.plan(page(
                0xd53be040, // 0: mrs x0, cntvct_el0
                0xeb01001f, // 1: cmp x0, x1
                0x54ffffc3, // 2: b.lo 0
                0xd503207f), 0); // 3: wfi
        assertThat(r.blocks).containsExactly(new Region.Block(0, 2, Region.End.BRANCH));
    }

    @Test
    void theRegionStopsAtItsWordBudget() {
        Region r = Region.plan(page(), 0);
        assertThat(r.lastWord - r.firstWord + 1).isEqualTo(Region.MAX_WORDS);
        assertThat(r.blocks.get(r.blocks.size() - 1).end()).isEqualTo(Region.End.STOP);
    }

    @Test
    void aPageOfThePlumpestInstructionsStillGivesAClassTheJitCompiles() {
        int[] words = new int[CodePage.WORDS];
        Arrays.fill(words, 0xa9c12468); // ldp x8, x9, [x3, #16]!: a load pair with write-back
        Op[] ops = page(words);
        Region full = Region.plan(ops, 0);
        byte[] unbounded = Translator.classFile(new RegionCompiler(full, ops, 0x40000000L));
        TranslatedBlock block = Translator.translate(ops, 0, 0x40000000L);
        assertThat(block).isNotNull();
        int words64 = block.lastWord - block.firstWord + 1;
        Region shrunk = Region.plan(ops, 0, words64);
        assertThat(Translator.classFile(new RegionCompiler(shrunk, ops, 0x40000000L)).length).isLessThanOrEqualTo(Translator.MAX_CLASS_BYTES);
        if (unbounded.length > Translator.MAX_CLASS_BYTES) assertThat(words64).isLessThan(Region.MAX_WORDS);
    }
}
