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
}
