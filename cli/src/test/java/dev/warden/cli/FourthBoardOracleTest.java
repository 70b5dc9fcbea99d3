package dev.warden.cli;

import static dev.warden.cli.DtCliFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.lab.BootRequest;
import dev.warden.lab.Lab;
import dev.warden.lab.WardenProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A board Warden does not ship, end to end: TI's AM625 SK, its tree built from Debian's
 * linux-source-6.1 by firmware-fixtures/am625-sk/build-am625-sk-dtb.sh. `warden board init` and
 * `warden config create` write its profile and root cell into a fresh project; `warden check`
 * passes them; the board boots to its login prompt and `jailhouse enable` takes the root cell.
 * Needs linux-source-6.1 and device-tree-compiler: runs under -Poracles.
 */
@EnabledIfSystemProperty(named = "warden.oracles", matches = "true")
class FourthBoardOracleTest {

    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path project;

    @Test
    void am625SkFromItsKernelTreeBootsAndEnablesTheGeneratedRootCell() throws Exception {
        Path built = buildDtb();
        Path media = Files.createDirectories(project.resolve("firmware-fixtures/am625-sk/boot/dtb"));
        Path dtb = Files.copy(built.resolve("k3-am625-sk.dtb"), media.resolve("k3-am625-sk.dtb"));
        Path overlay = Files.copy(built.resolve("k3-am625-sk-jailhouse.dtbo"), media.resolve("k3-am625-sk-jailhouse.dtbo"));
        Path profile = project.resolve("board-profiles/am625-sk.yaml");
        Path root = project.resolve("cells/am625-sk.yaml");

        DtCliFixtures.Result init = run("board", "init", "--dtb", dtb.toString(), "--overlay", overlay.toString(), "-o",
                profile.toString());
        DtCliFixtures.Result create = run("config", "create", "--dtb", dtb.toString(), "--overlay", overlay.toString(), "-o",
                root.toString());
        DtCliFixtures.Result check = run("check", project.resolve("cells/am625-sk.cell").toString(),
                project.resolve("cells/am625-sk-inmate.cell").toString(), "--dtb", dtb.toString(), "--overlay",
                overlay.toString());

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("board am625-sk: 4 CPUs, 1 RAM bank(s)");
        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(check.exitCode()).as(check.out()).isZero();

        try (Lab lab = Lab.powerOn(WardenProject.open(project), "am625-sk",
                BootRequest.defaults().overlays(List.of("k3-am625-sk-jailhouse.dtbo")))) {
            Console console = lab.console(ConsoleRole.PRIMARY);
            assertThat(lab.waitFor(ConsoleRole.PRIMARY, "am625-sk login: ", 0, 60 * SECOND)).as(console.text()).isPositive();
            console.type("root\n");
            assertThat(lab.waitFor(ConsoleRole.PRIMARY, "root@am625-sk:~# ", 0, 5 * SECOND)).isPositive();
            if (lab.driver().isEmpty()) shell(lab, "insmod /root/jailhouse.ko");
            String enable = shell(lab, "jailhouse enable /usr/share/jailhouse/cells/am625-sk.cell");
            String cell = shell(lab, "jailhouse cell create /usr/share/jailhouse/cells/am625-sk-inmate.cell");

            assertThat(enable).contains(" CPU 3... OK", "Activating hypervisor", "The Jailhouse is opening.");
            assertThat(cell).contains("Created cell \"am625-sk-inmate\"");
        }
    }

    /** Runs the committed script into cli/target (kept between runs: extracting the kernel takes a while). */
    private static Path buildDtb() throws Exception {
        Path script = DtCliFixtures.fixtures().resolve("am625-sk/build-am625-sk-dtb.sh");
        Path out = Path.of("target/am625-sk").toAbsolutePath();
        Process p = new ProcessBuilder("bash", script.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        return out;
    }

    private static String shell(Lab lab, String command) {
        Console c = lab.console(ConsoleRole.PRIMARY);
        int start = c.length();
        c.type(command + "\n");
        lab.waitFor(ConsoleRole.PRIMARY, "root@am625-sk:~# ", start + command.length(), 5 * SECOND);
        return c.text().substring(start);
    }
}
