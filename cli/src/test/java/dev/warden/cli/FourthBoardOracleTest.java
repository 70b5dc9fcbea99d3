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

    /**
     * The whole of a new user's bring-up, as docs/getting-started.md tells it, in a folder of its
     * own: board init and config create from the kernel's tree, Warden's inmates built for the
     * board from one header (the cross compiler), and the scenarios (boot to login, enable with the
     * generated root cell, uart-demo in the generated inmate cell, a probe of root RAM parked)
     * run by {@code warden run}.
     */
    @Test
    void aNewFolderGoesFromTheTreeToAParkedProbeWithWardenRun() throws Exception {
        Path built = buildDtb();
        Path boot = Files.createDirectories(project.resolve("boot/dtb"));
        Path dtb = Files.copy(built.resolve("k3-am625-sk.dtb"), boot.resolve("k3-am625-sk.dtb"));
        Path overlay = Files.copy(built.resolve("k3-am625-sk-jailhouse.dtbo"), boot.resolve("k3-am625-sk-jailhouse.dtbo"));
        Files.writeString(project.resolve("boot/uEnv.txt"), "name_overlays=k3-am625-sk-jailhouse.dtbo\n");
        Files.copy(DtCliFixtures.fixtures().resolve("k3-am654-idk/boot/Image"), project.resolve("boot/Image"));
        Files.writeString(project.resolve("warden.yaml"), "board: am625-sk\n");
        copyResources("/fourth-board/features", Files.createDirectories(project.resolve("features")));

        assertThat(run("board", "init", "--dtb", dtb.toString(), "--overlay", overlay.toString(), "-o",
                project.resolve("board-profiles/am625-sk.yaml").toString()).exitCode()).isZero();
        assertThat(run("config", "create", "--dtb", dtb.toString(), "--overlay", overlay.toString(), "-o",
                project.resolve("cells/am625-sk.yaml").toString()).exitCode()).isZero();
        buildInmates(Files.createDirectories(project.resolve("inmates")), "uart-demo", "mmio-probe");

        RunProject.Result r = RunProject.warden("run", "--project", project.toString(), "--threads", "1");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("scenarios: 3 passed, 0 failed");
    }

    /** Warden's inmate sources, copied as a user would, built for the AM625 SK's header into {@code into}. */
    private static void buildInmates(Path into, String... inmates) throws Exception {
        Path src = Path.of("target/am625-sk/inmates-src").toAbsolutePath();
        if (!Files.isDirectory(src)) {
            Path from = DtCliFixtures.fixtures().resolve("inmates");
            try (var walk = Files.walk(from)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String rel = from.relativize(p).toString();
                    if (rel.startsWith("build") || rel.startsWith("obj")) continue;
                    Path t = src.resolve(rel);
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t);
                }
            }
        }
        try (var in = FourthBoardOracleTest.class.getResourceAsStream("/fourth-board/am625-sk.h")) {
            Files.copy(in, src.resolve("boards/am625-sk.h"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new java.util.ArrayList<>(List.of("make", "-C", src.toString(), "BOARDS=am625-sk"));
        for (String i : inmates) command.add("build/am625-sk/" + i + ".bin");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        for (String i : inmates) Files.copy(src.resolve("build/am625-sk/" + i + ".bin"), into.resolve(i + ".bin"));
    }

    private static void copyResources(String folder, Path into) throws Exception {
        Path from = Path.of(FourthBoardOracleTest.class.getResource(folder).toURI());
        try (var list = Files.list(from)) {
            for (Path p : (Iterable<Path>) list::iterator) Files.copy(p, into.resolve(p.getFileName().toString()));
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
