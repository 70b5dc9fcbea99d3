package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.CellConfigs;
import dev.warden.config.create.CreateRequest;
import dev.warden.config.create.CreatedConfigs;
import dev.warden.config.create.RootCellFromTree;
import dev.warden.devicetree.board.BoardTree;
import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The root cell `warden config create` writes from a board's tree enables on that board, and its
 * inmate template creates; a project board with a device tree but no profile boots all the same.
 */
class GeneratedConfigsOnBoardTest {

    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource({
        "k3-am654-idk, dtb/ti/k3-am654-base-board.dtb, dtb/ti/k3-am654-idk-jailhouse.dtbo",
        "k3-j721e-evm, dtb/ti/k3-j721e-common-proc-board.dtb, dtb/ti/k3-j721e-evm-jailhouse.dtbo",
        "qemu-arm64-virt, dtb/qemu-arm64-virt.dtb, dtb/qemu-arm64-virt-jailhouse.dtbo"})
    void theGeneratedRootCellEnablesAndItsInmateTemplateIsCreated(String board, String dtb, String overlay) throws Exception {
        Path boot = BuiltinBoards.get().fixtures().resolve(board).resolve("boot");
        CreatedConfigs created = RootCellFromTree.create(new CreateRequest(
                BoardTree.load(boot.resolve(dtb), List.of(boot.resolve(overlay))), board, Optional.empty(), Optional.empty()));
        Path cells = Files.createDirectories(project.resolve("cells"));
        Files.write(cells.resolve("generated.cell"), CellConfigs.encode(created.root()));
        Files.write(cells.resolve("generated-inmate.cell"), CellConfigs.encode(created.inmate().orElseThrow()));

        // the board's own uEnv.txt lists its Jailhouse overlay
        try (Lab lab = loggedIn(WardenProject.open(project), board, BootRequest.defaults())) {
            String enable = run(lab, "jailhouse enable /usr/share/jailhouse/cells/generated.cell");
            String create = run(lab, "jailhouse cell create /usr/share/jailhouse/cells/generated-inmate.cell");
            String list = run(lab, "jailhouse cell list");

            assertThat(enable).contains("Activating hypervisor", "The Jailhouse is opening.").doesNotContain("JAILHOUSE_ENABLE");
            assertThat(create).contains("Created cell \"" + created.inmate().get().name() + "\"")
                    .doesNotContain("JAILHOUSE_CELL_CREATE");
            assertThat(list).contains(created.inmate().get().name(), "shut down");
        }
    }

    @Test
    void aProjectBoardWithOnlyItsDeviceTreeBootsFromADerivedProfile() throws Exception {
        Path am654 = BuiltinBoards.get().fixtures().resolve("k3-am654-idk/boot/dtb/ti");
        Path media = Files.createDirectories(project.resolve("firmware-fixtures/my-am654/boot/dtb"));
        Files.copy(am654.resolve("k3-am654-base-board.dtb"), media.resolve("my-am654.dtb"));
        Files.copy(am654.resolve("k3-am654-idk-jailhouse.dtbo"), media.resolve("my-am654-jailhouse.dtbo"));
        WardenProject p = WardenProject.open(project);

        String note = stderrOf(() -> p.board("my-am654"));
        assertThat(note).contains("warden: board \"my-am654\" has no profile in board-profiles/; derived it from "
                + "firmware-fixtures/my-am654/boot/dtb/my-am654.dtb");
        assertThat(p.isDerived("my-am654")).isTrue();

        CreatedConfigs created = RootCellFromTree.create(new CreateRequest(BoardTree.load(media.resolve("my-am654.dtb"),
                List.of(media.resolve("my-am654-jailhouse.dtbo"))), "my-am654", Optional.empty(), Optional.empty()));
        Files.write(Files.createDirectories(project.resolve("cells")).resolve("my-am654.cell"), CellConfigs.encode(created.root()));
        try (Lab lab = loggedIn(p, "my-am654", BootRequest.defaults().overlays(List.of("my-am654-jailhouse.dtbo")))) {
            assertThat(lab.console(ConsoleRole.PRIMARY).text()).contains("6.1.0-warden");
            String enable = run(lab, "jailhouse enable /usr/share/jailhouse/cells/my-am654.cell");
            assertThat(enable).contains("The Jailhouse is opening.");
        }
        // the media folder is the user's: the model kernel went on the private copy only
        assertThat(project.resolve("firmware-fixtures/my-am654/boot/Image")).doesNotExist();
    }

    static Lab loggedIn(WardenProject project, String board, BootRequest request) {
        Lab lab = Lab.powerOn(project, board, request);
        String host = lab.board().profile().boot().login().hostname();
        assertThat(lab.waitFor(ConsoleRole.PRIMARY, host + " login: ", 0, 60 * SECOND))
                .as(lab.console(ConsoleRole.PRIMARY).text()).isPositive();
        lab.console(ConsoleRole.PRIMARY).type("root\n");
        assertThat(lab.waitFor(ConsoleRole.PRIMARY, "root@" + host + ":~# ", 0, 5 * SECOND)).isPositive();
        // a root file system that does not load jailhouse.ko at boot gets it as a user would
        if (lab.driver().isEmpty()) run(lab, "insmod /root/jailhouse.ko");
        return lab;
    }

    static String run(Lab lab, String command) {
        Console c = lab.console(ConsoleRole.PRIMARY);
        int start = c.length();
        c.type(command + "\n");
        String prompt = "root@" + lab.board().profile().boot().login().hostname() + ":~# ";
        lab.waitFor(ConsoleRole.PRIMARY, prompt, start + command.length(), 5 * SECOND);
        return c.text().substring(start);
    }

    private static synchronized String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
