package dev.warden.cli;

import static dev.warden.cli.DtCliFixtures.fixture;
import static dev.warden.cli.DtCliFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden config create} through WardenCli.execute; its output checked by {@code warden check}. */
class ConfigCreateCommandTest {
    @TempDir
    Path tmp;

    static final String DTB = fixture("k3-j721e-evm/boot/dtb/ti/k3-j721e-common-proc-board.dtb");
    static final String OVERLAY = fixture("k3-j721e-evm/boot/dtb/ti/k3-j721e-evm-jailhouse.dtbo");

    @Test
    void writesTheRootCellAndTheInmateTemplateWhichWardenCheckPassesAgainstTheSameTree() throws Exception {
        Path out = tmp.resolve("j721e.yaml");
        DtCliFixtures.Result r = run("config", "create", "--dtb", DTB, "--overlay", OVERLAY, "-o", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + out, "wrote " + tmp.resolve("j721e.cell"), "wrote " + tmp.resolve("j721e-inmate.cell"))
                .contains("note: chosen: pci-mmconfig-base 0x7fe00000");
        assertThat(CellConfigs.read(tmp.resolve("j721e.cell"))).isEqualTo(ConfigYaml.read(out));
        assertThat(CellConfigs.read(tmp.resolve("j721e-inmate.cell"))).isEqualTo(ConfigYaml.read(tmp.resolve("j721e-inmate.yaml")));

        DtCliFixtures.Result check = run("check", tmp.resolve("j721e.cell").toString(), tmp.resolve("j721e-inmate.cell").toString(),
                "--dtb", DTB, "--overlay", OVERLAY);
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("No findings.");
    }

    @Test
    void withoutAReservationTheHypervisorOptionIsRequiredAndItsRangeChecked() {
        Path out = tmp.resolve("b.yaml");
        DtCliFixtures.Result none = run("config", "create", "--dtb", DTB, "-o", out.toString());
        DtCliFixtures.Result overlapping = run("config", "create", "--dtb", DTB, "--hypervisor", "0x89fa00000,0x400000", "-o",
                out.toString());
        DtCliFixtures.Result syntax = run("config", "create", "--dtb", DTB, "--hypervisor", "0x89fa00000", "-o", out.toString());

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("k3-j721e-common-proc-board.dtb: no /reserved-memory node for Jailhouse")
                .contains("give --hypervisor ADDR,SIZE");
        assertThat(overlapping.exitCode()).isEqualTo(2);
        assertThat(overlapping.err()).startsWith("--hypervisor 0x89fa00000..0x89fdfffff: overlaps the RAM Linux uses");
        assertThat(syntax.exitCode()).isEqualTo(2);
        assertThat(syntax.err()).isEqualTo("--hypervisor 0x89fa00000: expected ADDR,SIZE (e.g. 0x8dfc00000,0x400000)\n");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aTreeWithoutMemoryOrCpusIsRefusedForBothCommands() throws Exception {
        dev.warden.devicetree.model.DeviceTree full = dev.warden.devicetree.model.DeviceTree.read(Files.readAllBytes(Path.of(DTB)), DTB);
        List<dev.warden.devicetree.model.Node> kept = new java.util.ArrayList<>();
        for (dev.warden.devicetree.model.Node n : full.root().children()) {
            if (!n.baseName().equals("memory")) kept.add(copy(n));
        }
        Path noMemory = tmp.resolve("no-memory.dtb");
        Files.write(noMemory, new dev.warden.devicetree.model.DeviceTree(
                new dev.warden.devicetree.model.Node("", full.root().properties(), kept)).toDtb());

        DtCliFixtures.Result create = run("config", "create", "--dtb", noMemory.toString(), "-o", tmp.resolve("x.yaml").toString());
        DtCliFixtures.Result init = run("board", "init", "--dtb", noMemory.toString(), "-o", tmp.resolve("p/x.yaml").toString());

        assertThat(create.exitCode()).isEqualTo(2);
        assertThat(create.err()).isEqualTo("no-memory.dtb: no /memory node with a reg (expected the RAM banks, e.g. "
                + "memory@80000000 { device_type = \"memory\"; reg = <...>; })\n");
        assertThat(init.exitCode()).isEqualTo(2);
        assertThat(init.err()).isEqualTo(create.err());
    }

    private static dev.warden.devicetree.model.Node copy(dev.warden.devicetree.model.Node n) {
        return new dev.warden.devicetree.model.Node(n.name(), n.properties(),
                n.children().stream().map(ConfigCreateCommandTest::copy).toList());
    }

    @Test
    void oneExistingOutputKeepsAllOfThemUnwritten() throws Exception {
        Path out = tmp.resolve("j721e.yaml");
        Files.writeString(tmp.resolve("j721e-inmate.cell"), "mine");

        DtCliFixtures.Result r = run("config", "create", "--dtb", DTB, "--overlay", OVERLAY, "-o", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(tmp.resolve("j721e-inmate.cell") + ": exists; give --force to overwrite it\n");
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve("j721e.cell")).doesNotExist();
        assertThat(Files.readString(tmp.resolve("j721e-inmate.cell"))).isEqualTo("mine");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("j721e-inmate.cell");
        }
    }
}
