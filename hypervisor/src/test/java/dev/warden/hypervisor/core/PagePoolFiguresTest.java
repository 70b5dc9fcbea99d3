package dev.warden.hypervisor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.Board;
import dev.warden.emulator.profile.BoardProfiles;
import dev.warden.hypervisor.config.CellConfig;
import dev.warden.hypervisor.config.CellConfigs;
import dev.warden.hypervisor.config.ConfigConverter;
import dev.warden.hypervisor.config.JailhouseConfig;
import dev.warden.hypervisor.config.SystemConfig;
import dev.warden.hypervisor.lab.WardenHome;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page-pool lines of the real hypervisor, reproduced from the real configurations:
 * upstream on QEMU (shared/reference-rig/recordings a-enable, b-gic-demo, e-rejections) and TI's
 * v0.10 on the AM654 IDK (shared/seed/000_cf6f948c0f24918a.txt).
 */
class PagePoolFiguresTest {

    @Test
    void upstreamOnQemuPrintsTheRecordedFiguresThroughEnableCreateAndDestroy() {
        Hypervisor hv = enable("qemu-arm64-virt", "qemu-arm64-virt/cells/qemu-arm64.cell", Personality.UPSTREAM, 16, 1);

        assertThat(hv.console().ring()).contains("Page pool usage after early setup: mem 87/994, remap 0/131072\n",
                "Page pool usage after late setup: mem 144/994, remap 528/131072\n");

        Cell cell = hv.createCell(cell("qemu-arm64-virt/cells/qemu-arm64-inmate-demo.cell"), 0);
        assertThat(hv.console().ring()).contains("Page pool usage after cell creation: mem 158/994, remap 528/131072\n");

        hv.destroy(cell.id());
        assertThat(hv.console().ring()).contains("Page pool usage after cell destruction: mem 144/994, remap 528/131072\n");
    }

    @Test
    void tiV010OnTheAm654PrintsTheSeedsFigures() {
        Hypervisor hv = enable("k3-am654-idk", "k3-am654-idk/cells/ti2019/k3-am654-idk.cell", Personality.TI_V010, 4, 2);

        assertThat(hv.console().ring()).contains("Page pool usage after early setup: mem 39/991, remap 0/131072\n",
                "Page pool usage after late setup: mem 71/991, remap 144/131072\n");

        hv.createCell(cell("k3-am654-idk/cells/ti2019/k3-am654-idk-linux-demo.cell"), 0);
        assertThat(hv.console().ring()).contains("Page pool usage after cell creation: mem 93/991, remap 144/131072\n");
    }

    static Hypervisor enable(String board, String systemFile, Personality personality, int cpus, int master) {
        Board b = new Board(BoardProfiles.byName(WardenHome.profiles(), board));
        SystemConfig system = (SystemConfig) forModel(fixture(systemFile));
        BitSet online = new BitSet();
        online.set(0, cpus);
        return Hypervisor.enable(b, system, personality, online, master, List.of());
    }

    static CellConfig cell(String file) {
        return (CellConfig) forModel(fixture(file));
    }

    private static JailhouseConfig fixture(String file) {
        Path p = WardenHome.root().resolve("firmware-fixtures").resolve(file);
        return CellConfigs.read(p);
    }

    private static JailhouseConfig forModel(JailhouseConfig c) {
        return c.format() == dev.warden.hypervisor.config.ConfigFormat.REV14 ? c : ConfigConverter.toRevision14(c);
    }
}
