package dev.warden.hypervisor.core;

import dev.warden.emulator.el2.Errno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagePoolTest {

    @Test
    void aFourMiBHypervisorAfterThirtyCorePagesHas994AndReleasesExactlyWhatAnOwnerHeld() {
        PagePool pool = new PagePool(0x400000, 30);
        pool.allocate(PagePool.HYPERVISOR, 87);
        pool.remap(PagePool.HYPERVISOR, 528);
        pool.allocate("cell:1", 14);

        assertThat(pool.usage()).isEqualTo("mem 101/994, remap 528/131072");
        pool.release("cell:1");
        assertThat(pool.usage()).isEqualTo("mem 87/994, remap 528/131072");
    }

    @Test
    void anExhaustedPoolIsEnomem() {
        PagePool pool = new PagePool(0x10000, 0);

        assertThatThrownBy(() -> pool.allocate("cell:1", 17))
                .isInstanceOf(HypervisorError.class)
                .extracting(e -> ((HypervisorError) e).errno()).isEqualTo(Errno.ENOMEM);
    }
}
