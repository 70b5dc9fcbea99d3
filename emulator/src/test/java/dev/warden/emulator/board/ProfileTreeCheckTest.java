package dev.warden.emulator.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProfileTreeCheckTest {

    static final Path ROOT = Path.of(System.getProperty("warden.root", ".."));

    static DeviceTree tree(String board, String dtb) throws Exception {
        Path file = ROOT.resolve("firmware-fixtures").resolve(board).resolve("boot").resolve(dtb);
        return DeviceTree.read(Files.readAllBytes(file), file.getFileName().toString());
    }

    @ParameterizedTest
    @CsvSource({
        "k3-am654-idk, dtb/ti/k3-am654-base-board.dtb",
        "k3-j721e-evm, dtb/ti/k3-j721e-common-proc-board.dtb",
        "qemu-arm64-virt, dtb/qemu-arm64-virt.dtb"})
    void eachBoardsTreeDescribesItsProfile(String board, String dtb) throws Exception {
        BoardProfile profile = BoardProfiles.byName(ROOT.resolve("board-profiles"), board);

        assertThat(ProfileTreeCheck.differences(profile, tree(board, dtb), dtb)).isEmpty();
    }

    @Test
    void theJ721eTreeOnTheAm654ProfileNamesEveryDifference() throws Exception {
        BoardProfile am654 = BoardProfiles.byName(ROOT.resolve("board-profiles"), "k3-am654-idk");

        var diffs = ProfileTreeCheck.differences(am654, tree("k3-j721e-evm", "dtb/ti/k3-j721e-common-proc-board.dtb"), "j721e.dtb");

        assertThat(diffs).anySatisfy(d -> assertThat(d)
                .contains("/cpus lists MPIDRs [0x0, 0x1], the profile's cpus are [0x0, 0x1, 0x100, 0x101]"));
        assertThat(diffs).anySatisfy(d -> assertThat(d)
                .endsWith("/bus@100000/interrupt-controller@1800000 reg[1] is at 0x1900000, the profile's gic500 region 1 at 0x1880000"));
        assertThat(diffs).allSatisfy(d -> assertThat(d).startsWith("j721e.dtb vs "));
    }

    /** The qemu profile with one line replaced, to see the check notice it. */
    private static BoardProfile qemuWith(String from, String to) throws Exception {
        Path file = ROOT.resolve("board-profiles/qemu-arm64-virt.yaml");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        return BoardProfiles.parse(text.replace(from, to), file.toString(), file.toAbsolutePath().getParent());
    }

    @Test
    void qemusTreeAgainstAProfileWithoutTheFlashOrWithHvcOrASmallerGicr() throws Exception {
        DeviceTree virt = tree("qemu-arm64-virt", "dtb/qemu-arm64-virt.dtb");

        assertThat(ProfileTreeCheck.differences(qemuWith("kind: cfi-flash", "kind: memory-mapped"), virt, "virt.dtb"))
                .containsExactly("virt.dtb vs " + ROOT.resolve("board-profiles/qemu-arm64-virt.yaml")
                        + ": /flash@0 (cfi-flash) has 0x0+0x4000000, which no cfi-flash device of the profile covers",
                        "virt.dtb vs " + ROOT.resolve("board-profiles/qemu-arm64-virt.yaml")
                        + ": /flash@0 (cfi-flash) has 0x4000000+0x4000000, which no cfi-flash device of the profile covers");
        assertThat(ProfileTreeCheck.differences(qemuWith("conduit: smc", "conduit: hvc"), virt, "virt.dtb"))
                .singleElement().asString().endsWith("/psci method is \"smc\", the profile's psci.conduit is hvc");
        assertThat(ProfileTreeCheck.differences(qemuWith("size: 0xf60000", "size: 0x400000"), virt, "virt.dtb"))
                .singleElement().asString().endsWith("/intc@8000000 reg[1] is 0xf60000 bytes, the profile's intc region 1 0x400000");
    }

    @Test
    void aPcieWindowOrADeviceTheTreeLacksIsNamed() throws Exception {
        DeviceTree virt = tree("qemu-arm64-virt", "dtb/qemu-arm64-virt.dtb");

        assertThat(ProfileTreeCheck.differences(qemuWith("{ address: 0x3eff0000, size: 0x10000 }",
                "{ address: 0x3eff0000, size: 0x1000 }"), virt, "virt.dtb"))
                .singleElement().asString().endsWith("/pcie@10000000 (pci-host-ecam-generic) has 0x3eff0000+0x10000, which no pcie-ecam device of the profile covers");
        assertThat(ProfileTreeCheck.differences(qemuWith("address: 0x09010000, size: 0x1000, irq: 34",
                "address: 0x09070000, size: 0x1000, irq: 34"), virt, "virt.dtb"))
                .anySatisfy(d -> assertThat(d).endsWith("the profile's rtc (pl031) at 0x9070000 has no node in the tree"))
                .anySatisfy(d -> assertThat(d).endsWith("/pl031@9010000 (arm,pl031, arm,primecell) has 0x9010000+0x1000, which no pl031 device of the profile covers"));
    }
}
