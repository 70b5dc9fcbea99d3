package dev.warden.hypervisor.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Stage2MapTest {

    @Test
    void unmappingTheMiddleOfAMappingLeavesBothEnds() {
        Stage2Map map = new Stage2Map();
        map.map(0x80000000L, 0x80000000L, 0x100000, 0x3);

        map.unmap(0x80010000L, 0x10000);

        assertThat(map.lookup(0x8000ffffL)).get().extracting(Stage2Map.Mapping::size).isEqualTo(0x10000L);
        assertThat(map.lookup(0x80010000L)).isEmpty();
        assertThat(map.lookup(0x8001ffffL)).isEmpty();
        assertThat(map.lookup(0x80020000L)).get().satisfies(m -> {
            assertThat(m.ipa()).isEqualTo(0x80020000L);
            assertThat(m.translate(0x80020010L)).isEqualTo(0x80020010L);
            assertThat(m.end()).isEqualTo(0x80100000L);
        });
    }

    @Test
    void aCellMappingTranslatesItsIntermediateAddressesToWhereTheRamIs() {
        Stage2Map map = new Stage2Map();
        map.map(0x0, 0x8e0000000L, 0x10000, 0x47);

        assertThat(map.lookup(0x1234)).get().extracting(m -> m.translate(0x1234)).isEqualTo(0x8e0001234L);
        assertThat(map.lookup(0x10000)).isEmpty();
    }

    @Test
    void tablesFollowTheBlockSizesAlignmentAllows() {
        Stage2Map oneGiB = new Stage2Map();
        oneGiB.map(0x80000000L, 0x80000000L, 0x40000000L, 0x3);
        Stage2Map smallPages = new Stage2Map();
        smallPages.map(0x0, 0x8e0000000L, 0x10000, 0x3);

        assertThat(oneGiB.tablePages()).isZero();            // one 1 GiB block, no table below the root
        assertThat(smallPages.tablePages()).isEqualTo(2);    // one level-2 and one level-3 table
    }
}
