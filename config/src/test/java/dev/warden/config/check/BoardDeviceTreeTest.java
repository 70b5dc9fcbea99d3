package dev.warden.config.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.RepoFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DT rules on the committed AM654 board DTB, with and without the Jailhouse overlay. */
class BoardDeviceTreeTest {
    private static Path dtb(String name) {
        return RepoFiles.root().resolve("firmware-fixtures/k3-am654-idk/boot/dtb/ti").resolve(name);
    }

    @Test
    void overlayReservesTheHypervisorMemory() throws Exception {
        FdtDeviceTreeView withOverlay = FdtDeviceTreeView.load(dtb("k3-am654-base-board.dtb"),
                List.of(dtb("k3-am654-idk-jailhouse.dtbo")));
        assertThat(withOverlay.cpuCount()).isEqualTo(4);
        assertThat(withOverlay.source()).isEqualTo("k3-am654-base-board.dtb + k3-am654-idk-jailhouse.dtbo");
        List<Finding> f = ConfigChecker.checkAgainst(Sets.am654(), List.of(Sets.am654Inmate()), Optional.of(withOverlay));
        assertThat(f).noneMatch(x -> x.severity() == Severity.ERROR);
        assertThat(Sets.rule("dt/hypervisor-not-reserved", f)).isEmpty();
    }

    @Test
    void withoutTheOverlayTheHypervisorMemoryIsLinuxs() throws Exception {
        FdtDeviceTreeView bare = FdtDeviceTreeView.load(dtb("k3-am654-base-board.dtb"), List.of());
        List<Finding> f = ConfigChecker.checkAgainst(Sets.am654(), List.of(), Optional.of(bare));
        assertThat(Sets.rule("dt/hypervisor-not-reserved", f)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("0x8dfc00000..0x8dfffffff"));
    }
}
