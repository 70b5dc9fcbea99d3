package dev.warden.hypervisor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.Board;
import dev.warden.emulator.profile.BoardProfiles;
import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigConverter;
import dev.warden.config.JailhouseConfig;
import dev.warden.config.SystemConfig;
import dev.warden.emulator.board.ConsoleRole;
import dev.warden.hypervisor.console.HypervisorConsole;
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

        assertThat(consoleOf(hv)).contains("Page pool usage after early setup: mem 87/994, remap 0/131072\n",
                "Page pool usage after late setup: mem 144/994, remap 528/131072\n");

        Cell cell = create(hv, "qemu-arm64-virt/cells/qemu-arm64-inmate-demo.cell");
        assertThat(consoleOf(hv)).contains("Page pool usage after cell creation: mem 158/994, remap 528/131072\n");

        hv.destroy(cell.id());
        assertThat(consoleOf(hv)).contains("Page pool usage after cell destruction: mem 144/994, remap 528/131072\n");
    }

    @Test
    void everyPageIsBookedUnderWhatItIsFor() {
        Hypervisor hv = enable("qemu-arm64-virt", "qemu-arm64-virt/cells/qemu-arm64.cell", Personality.UPSTREAM, 16, 1);
        String hyp = PagePool.HYPERVISOR;

        assertThat(hv.pool().ledger()).containsExactly(
                // early setup: 87
                new PagePool.Entry(hyp, "per-CPU areas", 64, false),
                new PagePool.Entry(hyp, "system configuration", 1, false),
                new PagePool.Entry(hyp, "page-pool bitmap", 1, false),
                new PagePool.Entry(hyp, "remap-pool bitmap", 4, false),
                new PagePool.Entry(hyp, "parking root table", 1, false),
                new PagePool.Entry(hyp, "page table: hypervisor memory", 2, false),
                new PagePool.Entry(hyp, "page table: per-CPU areas", 1, false),
                new PagePool.Entry(hyp, "page table: debug console", 1, false),
                new PagePool.Entry("cell:0", "MMIO region table", 1, false),
                new PagePool.Entry(hyp, "page table: trampoline identity map", 3, false),
                new PagePool.Entry(hyp, "page table: parking page", 3, false),
                new PagePool.Entry("cell:0", "stage-2 root table", 1, false),
                new PagePool.Entry("cell:0", "page table: stage 2", 4, false),
                // 16 CPUs: 48
                new PagePool.Entry(hyp, "page table: per-CPU private mappings", 48, false),
                // units and the root cell's memory: 9, and the remap pool's 528
                new PagePool.Entry(hyp, "page table: GIC distributor", 2, false),
                new PagePool.Entry(hyp, "GIC distributor", 16, true),
                new PagePool.Entry(hyp, "page table: GIC redistributors", 1, false),
                new PagePool.Entry(hyp, "GIC redistributors", 512, true),
                new PagePool.Entry("cell:0", "page table: stage 2", 3, false),
                new PagePool.Entry("cell:0", "PCI device states", 1, false),
                new PagePool.Entry("ivshmem:0000", "ivshmem link", 1, false),
                new PagePool.Entry("ivshmem:0008", "ivshmem link", 1, false));
    }

    /** The fault status codes of recording d-park: esr 24 1 1810006 and 24 1 1810007. */
    @Test
    void theInmateDemosStageTwoMissesRootRamAtLevelTwoAndTheSecondUartPageAtLevelThree() {
        Hypervisor hv = enable("qemu-arm64-virt", "qemu-arm64-virt/cells/qemu-arm64.cell", Personality.UPSTREAM, 16, 1);
        Cell cell = create(hv, "qemu-arm64-virt/cells/qemu-arm64-inmate-demo.cell");

        assertThat(cell.stage2().faultStatus(0x40000000L, Hypervisor.MEM_READ)).isEqualTo(0x06);
        assertThat(cell.stage2().faultStatus(0x09010000L, Hypervisor.MEM_READ)).isEqualTo(0x07);
    }

    @Test
    void tiV010OnTheAm654PrintsTheSeedsFigures() {
        Hypervisor hv = enable("k3-am654-idk", "k3-am654-idk/cells/ti2019/k3-am654-idk.cell", Personality.TI_V010, 4, 2);

        assertThat(consoleOf(hv)).contains("Page pool usage after early setup: mem 39/991, remap 0/131072\n",
                "Page pool usage after late setup: mem 71/991, remap 144/131072\n");

        create(hv, "k3-am654-idk/cells/ti2019/k3-am654-idk-linux-demo.cell");
        assertThat(consoleOf(hv)).contains("Page pool usage after cell creation: mem 93/991, remap 144/131072\n");
    }

    /**
     * The hypervisor as its entry brings it up: early setup on the master, every CPU from the
     * master up, late setup. The core sizes are those of the release's jailhouse.bin.
     */
    static Hypervisor enable(String board, String systemFile, Personality personality, int cpus, int master) {
        Board b = new Board(BoardProfiles.byName(ROOT.resolve("board-profiles"), board));
        SystemConfig loaded = (SystemConfig) fixture(systemFile);
        SystemConfig system = (SystemConfig) forModel(loaded);
        long coreBytes = personality == Personality.TI_V010 ? 0x21000 : 0x1e000;
        HypervisorConsole console = new HypervisorConsole(system.debugConsole(), b.bus(), 0, false);
        Hypervisor hv = Hypervisor.initEarly(b, system, personality, console, master, loaded, coreBytes);
        for (int i = 0; i < cpus; i++) hv.cpuInit((master + i) % cpus);
        hv.initLate();
        return hv;
    }

    static Cell create(Hypervisor hv, String file) {
        CellConfig loaded = (CellConfig) fixture(file);
        return hv.createCell((CellConfig) forModel(loaded), 0, loaded.regmaps(), CellConfigs.sizeOf(loaded, loaded.format()));
    }

    static String consoleOf(Hypervisor hv) {
        return hv.board().console(ConsoleRole.HYPERVISOR).text().replace("\r\n", "\n");
    }

    static final Path ROOT = Path.of(System.getProperty("warden.root", "..")).toAbsolutePath().normalize();

    private static JailhouseConfig fixture(String file) {
        Path p = ROOT.resolve("firmware-fixtures").resolve(file);
        return CellConfigs.read(p);
    }

    private static JailhouseConfig forModel(JailhouseConfig c) {
        return c.format() == dev.warden.config.ConfigFormat.REV14 ? c : ConfigConverter.toRevision14(c);
    }
}
