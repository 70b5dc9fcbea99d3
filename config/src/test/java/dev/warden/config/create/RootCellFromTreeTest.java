package dev.warden.config.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigYaml;
import dev.warden.config.MemoryRegion;
import dev.warden.config.SystemConfig;
import dev.warden.config.check.CheckReport;
import dev.warden.config.check.ConfigChecker;
import dev.warden.config.check.FdtDeviceTreeView;
import dev.warden.devicetree.board.BoardTree;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RootCellFromTreeTest {

    static CheckReport check(String board, CreatedConfigs c) {
        FdtDeviceTreeView view = new FdtDeviceTreeView(BoardFixtures.tree(board).merged(), board);
        List<CellConfig> cells = c.inmate().map(List::of).orElse(List.of());
        return ConfigChecker.report(c.root(), board + ".cell", cells, cells.stream().map(x -> x.name() + ".cell").toList(),
                Optional.of(view));
    }

    @ParameterizedTest
    @ValueSource(strings = {"k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt"})
    void theRootCellAndTheInmateTemplatePassWardenCheckAgainstTheSameTree(String board) {
        CreatedConfigs c = BoardFixtures.create(board);

        assertThat(check(board, c).findings()).isEmpty();
        assertThat(c.inmate()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt"})
    void theYamlReadsBackAsTheConfigurationAndTheCellEncodesAndDecodesToIt(String board) {
        CreatedConfigs c = BoardFixtures.create(board);

        assertThat(ConfigYaml.parse(c.rootYaml(), "root.yaml")).isEqualTo(c.root());
        assertThat(ConfigYaml.parse(c.inmateYaml().orElseThrow(), "inmate.yaml")).isEqualTo(c.inmate().orElseThrow());
        assertThat(CellConfigs.decode(CellConfigs.encode(c.root()), "root.cell")).isEqualTo(c.root());
        assertThat(c.rootYaml()).contains("# debug console: /chosen stdout-path");
    }

    @Test
    void am654TakesTheFirst4MiBOfTheJailhouseReservationAndGivesTheRestToTheInmate() {
        SystemConfig root = BoardFixtures.create("k3-am654-idk").root();

        assertThat(root.hypervisorMemory().phys()).isEqualTo(0x8dfb00000L);
        assertThat(root.hypervisorMemory().size()).isEqualTo(0x400000L);
        assertThat(root.debugConsole().address()).isEqualTo(0x2800000L);
        assertThat(root.platform().gicdBase()).isEqualTo(0x1800000L);
        assertThat(root.platform().gicrBase()).isEqualTo(0x1880000L);
        assertThat(root.platform().maintenanceIrq()).isEqualTo(25);
        assertThat(root.rootCell().cpuList()).containsExactly(0, 1, 2, 3);
        assertThat(root.rootCell().memoryRegions()).contains(
                new MemoryRegion(0x8e0000000L, 0x8e0000000L, 0x20000000L, 0x7),
                new MemoryRegion(0x80000000L, 0x80000000L, 0x80000000L, 0x7),
                new MemoryRegion(0x2800000L, 0x2800000L, 0x1000L, 0x13));
        // the MCU UART went to the inmate: not the root's
        assertThat(root.rootCell().memoryRegions()).noneMatch(m -> m.physContains(0x40a00000L));
    }

    @Test
    void theInmateTemplateGetsWhatTheOverlayTookAwayWithItsInterrupts() {
        CellConfig inmate = BoardFixtures.create("k3-j721e-evm").inmate().orElseThrow();

        assertThat(inmate.cpuList()).containsExactly(1);
        assertThat(inmate.console().address()).isEqualTo(0x2810000L);
        assertThat(inmate.memoryRegions()).extracting(MemoryRegion::phys).contains(0x2810000L, 0x4f80000L, 0x4f88000L);
        // the SMMU is taken for Jailhouse, not for the inmate
        assertThat(inmate.memoryRegions()).noneMatch(m -> m.physContains(0x36600000L));
        assertThat(inmate.irqchips().stream().flatMap(i -> i.interrupts().stream())).contains(225, 35);
        assertThat(BoardFixtures.create("k3-j721e-evm").root().platform().activeIommuUnits())
                .singleElement().satisfies(u -> assertThat(u.base()).isEqualTo(0x36600000L));
    }

    @Test
    void withoutAJailhouseReservationHypervisorIsRequired() {
        BoardTree bare = BoardTree.load(BoardFixtures.dtb("k3-am654-idk"), List.of());

        assertThatThrownBy(() -> RootCellFromTree.create(new CreateRequest(bare, "b", Optional.empty(), Optional.empty())))
                .isInstanceOf(ConfigCreateException.class)
                .hasMessage("k3-am654-base-board.dtb: no /reserved-memory node for Jailhouse (a child named jailhouse@..., "
                        + "or with a \"jailhouse\" compatible or label): give --hypervisor ADDR,SIZE (a range reserved no-map)"
                        + " or the board's Jailhouse overlay with --overlay");
    }

    @Test
    void aHypervisorRangeLinuxUsesOrOutsideRamOrUnalignedIsRefused() {
        BoardTree bare = BoardTree.load(BoardFixtures.dtb("k3-am654-idk"), List.of());

        assertThatThrownBy(() -> create(bare, "0x8dfc00000,0x400000", null)).isInstanceOf(ConfigCreateException.class)
                .hasMessageStartingWith("--hypervisor 0x8dfc00000..0x8dfffffff: overlaps the RAM Linux uses in "
                        + "k3-am654-base-board.dtb");
        assertThatThrownBy(() -> create(bare, "0x10000000,0x400000", null)).isInstanceOf(ConfigCreateException.class)
                .hasMessageStartingWith("--hypervisor 0x10000000..0x103fffff: not inside a RAM bank");
        assertThatThrownBy(() -> create(bare, "0x9e800100,0x1000", null)).isInstanceOf(ConfigCreateException.class)
                .hasMessageContaining("expected a start and size in whole 4 KiB pages");
    }

    @Test
    void aHypervisorInsideAnotherNoMapReservationIsAccepted() {
        BoardTree bare = BoardTree.load(BoardFixtures.dtb("k3-am654-idk"), List.of());
        // the R5F's no-map carve-out, as a user who reserved memory under another name would
        CreatedConfigs c = create(bare, "0xa0100000,0x400000", null);

        assertThat(c.root().hypervisorMemory().phys()).isEqualTo(0xa0100000L);
        assertThat(c.root().rootCell().memoryRegions()).noneMatch(m -> m.physContains(0xa0100000L));
    }

    @Test
    void inmateMemoryOverTheHypervisorIsRefused() {
        BoardTree tree = BoardFixtures.tree("k3-am654-idk");

        assertThatThrownBy(() -> create(tree, null, "0x8dfb00000,0x100000")).isInstanceOf(ConfigCreateException.class)
                .hasMessage("--inmate-memory 0x8dfb00000..0x8dfbfffff overlaps the hypervisor memory "
                        + "0x8dfb00000..0x8dfefffff; expected a range of its own");
    }

    @Test
    void aNameLongerThanTheCellFieldIsRefused() {
        assertThatThrownBy(() -> RootCellFromTree.create(new CreateRequest(BoardFixtures.tree("qemu-arm64-virt"),
                "a-name-that-does-not-fit-into-31-bytes", Optional.empty(), Optional.empty())))
                .isInstanceOf(ConfigCreateException.class).hasMessageContaining("expected 1 to 31 characters");
    }

    private static CreatedConfigs create(BoardTree tree, String hypervisor, String inmate) {
        return RootCellFromTree.create(new CreateRequest(tree, "b",
                Optional.ofNullable(hypervisor).map(h -> AddressRange.parse(h, "--hypervisor")),
                Optional.ofNullable(inmate).map(i -> AddressRange.parse(i, "--inmate-memory"))));
    }
}
