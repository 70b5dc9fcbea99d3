package dev.warden.cli;

import static dev.warden.cli.DtCliFixtures.fixture;
import static dev.warden.cli.DtCliFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden board init} through WardenCli.execute, on a copy of the AM654 fixtures in a project folder. */
class BoardInitCommandTest {
    @TempDir
    Path project;

    Path dtb;
    Path overlay;

    @BeforeEach
    void copyFixtures() throws Exception {
        Path dir = project.resolve("firmware-fixtures/am654/boot/dtb/ti");
        Files.createDirectories(dir);
        dtb = Files.copy(Path.of(fixture("k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb")), dir.resolve("am654.dtb"));
        overlay = Files.copy(Path.of(fixture("k3-am654-idk/boot/dtb/ti/k3-am654-idk-jailhouse.dtbo")),
                dir.resolve("am654-jailhouse.dtbo"));
    }

    @Test
    void writesAProfileThatLoadsWithTheModelKernelOnTheMediaAndNamesItsTodos() throws Exception {
        Path out = project.resolve("board-profiles/am654.yaml");
        DtCliFixtures.Result r = run("board", "init", "--dtb", dtb.toString(), "--overlay", overlay.toString(), "-o",
                out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + out + " (board am654: 4 CPUs, 2 RAM bank(s), 8 devices")
                .contains("wrote " + project.resolve("firmware-fixtures/am654/boot/Image"))
                .contains("TODO timer.frequency: /timer-cl0-cpu0 has no clock-frequency");
        BoardProfile p = BoardProfiles.load(out);
        assertThat(p.boot().media()).isEqualTo(project.resolve("firmware-fixtures/am654/boot"));
        assertThat(p.boot().baseDtb()).isEqualTo("ti/am654.dtb");
        assertThat(Files.readString(out)).contains("media: \"firmware-fixtures/am654/boot\"");
    }

    @Test
    void anExistingProfileIsKeptUnlessForced() throws Exception {
        Path out = project.resolve("board-profiles/am654.yaml");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "mine\n");

        DtCliFixtures.Result kept = run("board", "init", "--dtb", dtb.toString(), "-o", out.toString());
        assertThat(kept.exitCode()).isEqualTo(2);
        assertThat(kept.err()).isEqualTo(out + ": exists; give --force to overwrite it\n");
        assertThat(Files.readString(out)).isEqualTo("mine\n");
        assertThat(project.resolve("firmware-fixtures/am654/boot/Image")).doesNotExist();

        DtCliFixtures.Result forced = run("board", "init", "--dtb", dtb.toString(), "-o", out.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(out)).startsWith("# Texas Instruments AM654 Base Board");
    }

    @Test
    void badInputExitsWith2NamingTheFileAndWritesNothing() throws Exception {
        Path out = project.resolve("board-profiles/x.yaml");
        Path text = Files.writeString(project.resolve("notes.dtb"), "not a tree\n");

        DtCliFixtures.Result missing = run("board", "init", "--dtb", project.resolve("none.dtb").toString(), "-o", out.toString());
        DtCliFixtures.Result notDtb = run("board", "init", "--dtb", text.toString(), "-o", out.toString());
        DtCliFixtures.Result badOverlay = run("board", "init", "--dtb", dtb.toString(), "--overlay",
                fixture("k3-am654-idk/boot/dtb/ti/k3-am654-missing-label.dtbo"), "-o", out.toString());
        DtCliFixtures.Result notYaml = run("board", "init", "--dtb", dtb.toString(), "-o", project.resolve("x.txt").toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo(project.resolve("none.dtb") + ": no such file (expected a device-tree blob)\n");
        assertThat(notDtb.exitCode()).isEqualTo(2);
        assertThat(notDtb.err()).startsWith(text + ": offset 0x0: ").contains("FDT_ERR_BADMAGIC")
                .contains("expected a flattened device tree");
        assertThat(badOverlay.exitCode()).isEqualTo(2);
        assertThat(badOverlay.err()).startsWith(fixture("k3-am654-idk/boot/dtb/ti/k3-am654-missing-label.dtbo")
                + ": offset 0x9c: label 'main_uart7' (used at /fragment@0:target:0) is not in the base's /__symbols__")
                .endsWith("the overlay does not apply to am654.dtb (as fdtoverlay would fail)\n");
        assertThat(notYaml.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }
}
