package dev.warden.hypervisor.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stage-2 page tables: blocks and tables as the hypervisor's paging code builds them. */
class Stage2MapTest {

    static final long MIB2 = 0x200000;
    static final long GIB = 0x40000000;
    static final long READ = 0x1;
    static final long WRITE = 0x2;

    /** Counts the pages taken and given back, as the page pool would. */
    static final class CountingMemory implements PageTableMemory {
        int allocated;
        int freed;

        @Override public void allocate() { allocated++; }

        @Override public void free() { freed++; }

        int held() { return allocated - freed; }
    }

    static Stage2Map upstream44(CountingMemory memory) {
        return new Stage2Map(PagingMode.stage2(44), memory, false);
    }

    @Test
    void aTwoMiBAlignedRangeIsOneLevelTwoBlockUnderTwoTables() {
        CountingMemory memory = new CountingMemory();
        Stage2Map map = upstream44(memory);

        map.map(0x80000000L, 0x80000000L, MIB2, READ | WRITE);

        assertThat(memory.held()).isEqualTo(2);                      // level 1 and level 2 tables
        assertThat(map.lookup(0x801fffffL)).get().satisfies(m -> {
            assertThat(m.ipa()).isEqualTo(0x80000000L);
            assertThat(m.size()).isEqualTo(MIB2);
        });
        assertThat(map.walkLevel(0x80000000L)).isEqualTo(2);
    }

    @Test
    void aGiBAlignedGiBIsALevelOneBlockWithFourLevelsButTwoMiBBlocksBelow44Bits() {
        CountingMemory four = new CountingMemory();
        Stage2Map fourLevels = upstream44(four);
        CountingMemory three = new CountingMemory();
        Stage2Map fortyBits = new Stage2Map(PagingMode.stage2(40), three, false);

        fourLevels.map(GIB, GIB, GIB, READ);
        fortyBits.map(GIB, GIB, GIB, READ);

        assertThat(four.held()).isEqualTo(1);                        // the level-1 table holding the block
        assertThat(fourLevels.lookup(GIB + 0x1234)).get().extracting(Stage2Map.Mapping::size).isEqualTo(GIB);
        assertThat(three.held()).isEqualTo(1);                       // one level-2 table of 512 blocks
        assertThat(fortyBits.lookup(GIB + 0x1234)).get().extracting(Stage2Map.Mapping::size).isEqualTo(MIB2);
        assertThat(fortyBits.mode().rootPages()).isEqualTo(2);       // 1024 level-1 entries, concatenated
        assertThat(fourLevels.mode().rootPages()).isEqualTo(1);
    }

    @Test
    void misalignedPhysicalAddressesGetPagesEvenWhereTheIntermediateAddressIsAligned() {
        CountingMemory memory = new CountingMemory();
        Stage2Map map = upstream44(memory);

        map.map(0x0, 0x8ffff0000L, 0x10000, READ);

        assertThat(memory.held()).isEqualTo(3);
        assertThat(map.lookup(0xf123)).get().satisfies(m -> {
            assertThat(m.size()).isEqualTo(Stage2Map.PAGE);
            assertThat(m.translate(0xf123)).isEqualTo(0x8ffff0000L + 0xf123);
        });
        assertThat(map.lookup(0x10000)).isEmpty();
    }

    @Test
    void unmappingPartOfABlockSplitsItIntoATableOfPagesAndKeepsTheRest() {
        CountingMemory memory = new CountingMemory();
        Stage2Map map = upstream44(memory);
        map.map(0x80000000L, 0x80000000L, MIB2, READ | WRITE);

        map.unmap(0x80010000L, 0x10000);

        assertThat(memory.held()).isEqualTo(3);                      // the split allocated a level-3 table
        assertThat(map.lookup(0x8000ffffL)).get().satisfies(m -> {
            assertThat(m.size()).isEqualTo(Stage2Map.PAGE);
            assertThat(m.flags()).isEqualTo(READ | WRITE);
        });
        assertThat(map.lookup(0x80010000L)).isEmpty();
        assertThat(map.lookup(0x8001ffffL)).isEmpty();
        assertThat(map.lookup(0x80020010L)).get().extracting(m -> m.translate(0x80020010L)).isEqualTo(0x80020010L);
        assertThat(map.mappings()).containsExactly(
                new Stage2Map.Mapping(0x80000000L, 0x80000000L, 0x10000, READ | WRITE),
                new Stage2Map.Mapping(0x80020000L, 0x80020000L, MIB2 - 0x20000, READ | WRITE));
    }

    @Test
    void mappingPagesBackNeverMergesThemIntoABlockAgain() {
        CountingMemory memory = new CountingMemory();
        Stage2Map map = upstream44(memory);
        map.map(0x80000000L, 0x80000000L, MIB2, READ);
        map.unmap(0x80010000L, 0x10000);

        map.map(0x80010000L, 0x80010000L, 0x10000, READ);

        assertThat(memory.held()).isEqualTo(3);
        assertThat(map.walkLevel(0x80010000L)).isEqualTo(3);
    }

    @Test
    void splittingAGiBBlockRefillsWithPagesUpstreamButWithTwoMiBBlocksInTisV010() {
        CountingMemory upstreamMemory = new CountingMemory();
        Stage2Map upstream = upstream44(upstreamMemory);
        CountingMemory tiMemory = new CountingMemory();
        Stage2Map ti = new Stage2Map(PagingMode.stage2(44), tiMemory, true);
        upstream.map(GIB, GIB, GIB, READ);
        ti.map(GIB, GIB, GIB, READ);

        upstream.unmap(GIB, Stage2Map.PAGE);
        ti.unmap(GIB, Stage2Map.PAGE);

        // upstream: the level-2 table and a level-3 table for each of its 512 slots
        assertThat(upstreamMemory.held()).isEqualTo(1 + 1 + 512);
        // TI: the level-2 table of 2 MiB blocks, the first of which is split into pages
        assertThat(tiMemory.held()).isEqualTo(1 + 1 + 1);
        assertThat(ti.lookup(GIB + MIB2)).get().extracting(Stage2Map.Mapping::size).isEqualTo(MIB2);
    }

    @Test
    void aBlockWrittenOverPagesFreesTheirTable() {
        CountingMemory memory = new CountingMemory();
        Stage2Map map = upstream44(memory);
        map.map(MIB2, MIB2, Stage2Map.PAGE, READ);
        assertThat(memory.held()).isEqualTo(3);

        map.map(MIB2, MIB2, MIB2, READ | WRITE);

        assertThat(memory.held()).isEqualTo(2);
        assertThat(map.lookup(MIB2 + 0x5000)).get().extracting(Stage2Map.Mapping::size).isEqualTo(MIB2);
    }

    @Test
    void unmappingEverythingGivesEveryTableButTheRootBack() {
        CountingMemory memory = new CountingMemory();
        Stage2Map map = upstream44(memory);
        map.map(0x0, 0x7fa00000L, 0x10000, READ | WRITE);
        map.map(0x9000000L, 0x9000000L, 0x1000, READ | WRITE);
        map.map(0x80000000L, 0x0, 0x1000, READ | WRITE);
        assertThat(memory.held()).isEqualTo(6);    // level 1; level 2 + 2 level 3 below 1 GiB; level 2 + 3 at 2 GiB

        map.unmap(0x0, 0x10000);
        map.unmap(0x9000000L, 0x1000);
        map.unmap(0x80000000L, 0x1000);

        assertThat(memory.allocated).isEqualTo(6);
        assertThat(memory.freed).isEqualTo(6);
        assertThat(map.tablePages()).isZero();
        assertThat(map.faultStatus(0x0, READ)).isEqualTo(Stage2Map.TRANSLATION_FAULT);   // level 0
    }

    @Test
    void pagesOnlyWhenHugePagesAreNotAllowed() {
        CountingMemory memory = new CountingMemory();
        Stage2Map map = upstream44(memory);

        map.map(0x7fc00000L, 0x7fc00000L, 2 * MIB2, READ, false);

        assertThat(memory.held()).isEqualTo(1 + 1 + 2);              // level 1, level 2, two level-3 tables
        assertThat(map.walkLevel(0x7fdff000L)).isEqualTo(3);
    }

    @Test
    void aMissNamesTheLevelOfTheInvalidEntryAndAForbiddenAccessTheLeafsLevel() {
        Stage2Map map = upstream44(new CountingMemory());
        map.map(0x9000000L, 0x9000000L, 0x1000, READ | WRITE);
        map.map(0x7faf0000L, 0x7faf0000L, 0x1000, READ);

        assertThat(map.faultStatus(0x4000000000L, READ)).isEqualTo(0x05);   // level-1 entry 256 is invalid
        assertThat(map.faultStatus(0x8000000000L, READ)).isEqualTo(0x04);   // level-0 entry 1 is invalid
        assertThat(map.faultStatus(0xc0000000L, READ)).isEqualTo(0x05);     // level-1 entry 3 is invalid
        assertThat(map.faultStatus(0x40000000L, READ)).isEqualTo(0x06);     // level-2 entry 0 under entry 1 is invalid
        assertThat(map.faultStatus(0x9010000L, READ)).isEqualTo(0x07);      // the UART page's level-3 neighbour
        assertThat(map.faultStatus(0x9000000L, READ)).isZero();
        assertThat(map.faultStatus(0x7faf0000L, WRITE)).isEqualTo(0x0f);    // read-only page: permission, level 3
    }

    @Test
    void aFortyBitStageTwoStartsItsWalkAtLevelOne() {
        Stage2Map map = new Stage2Map(PagingMode.stage2(40), new CountingMemory(), true);

        assertThat(map.faultStatus(0x0, READ)).isEqualTo(0x05);
        assertThat(map.faultStatus(0x100_0000_0000L, READ)).isEqualTo(0x05);   // beyond 40 bits
    }
}
