package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.profile.BoardProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user's device trees and SD cards reach the board where its U-Boot looks for them, and the user's folders stay as they were. */
class BootMediaWriterTest {

    static final byte[] TREE = {(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed, 1, 2, 3};

    @TempDir
    Path dir;

    private static BoardProfile profile(String board) {
        return WardenProject.builtinOnly().board(board);
    }

    @ParameterizedTest
    @CsvSource({
        // board, where the file lands, what uEnv.txt lists
        "qemu-arm64-virt, dtb/my.dtbo,    name_overlays=my.dtbo",
        "k3-am654-idk,    dtb/ti/my.dtbo, overlay_files=dtb/ti/my.dtbo",
        "k3-j721e-evm,    dtb/ti/my.dtbo, name_overlays=ti/my.dtbo",
    })
    void aProjectOverlayLandsWhereTheBoardsUBootLoadsOverlaysFrom(String board, String where, String listed) throws IOException {
        Path media = BootMediaWriter.prepare(profile(board), BootRequest.defaults()
                .deviceTree("my.dtbo", TREE).overlays(List.of("my.dtbo")));

        assertThat(media.resolve(where)).hasBinaryContent(TREE);
        assertThat(Files.readString(media.resolve("uEnv.txt"))).contains(listed + "\n");
    }

    @Test
    void aWholeBootMediaFolderIsCopiedAndTheCopyIsWhatChanges() throws IOException {
        Files.createDirectories(dir.resolve("dtb"));
        Files.writeString(dir.resolve("uEnv.txt"), "name_overlays=\n");
        Files.write(dir.resolve("dtb/board.dtb"), TREE);

        Path media = BootMediaWriter.prepare(profile("qemu-arm64-virt"), BootRequest.defaults()
                .media(dir).overlays(List.of("x.dtbo")));

        assertThat(media).isNotEqualTo(dir);
        assertThat(media.resolve("dtb/board.dtb")).hasBinaryContent(TREE);
        assertThat(Files.readString(media.resolve("uEnv.txt"))).isEqualTo("name_overlays=x.dtbo\n");
        assertThat(Files.readString(dir.resolve("uEnv.txt"))).as("the user's uEnv.txt").isEqualTo("name_overlays=\n");
    }

    @Test
    void aProjectOverlayUnderAnotherNameBootsLikeTheBoardsOwn() throws IOException {
        Path builtin = WardenProject.builtinOnly().builtins().fixtures()
                .resolve("qemu-arm64-virt/boot/dtb/qemu-arm64-virt-jailhouse.dtbo");
        BootRequest request = BootRequest.defaults()
                .deviceTree("team-jailhouse.dtbo", Files.readAllBytes(builtin)).overlays(List.of("team-jailhouse.dtbo"));

        try (Lab lab = Lab.powerOn(WardenProject.builtinOnly(), "qemu-arm64-virt", request)) {
            int end = lab.waitFor(ConsoleRole.PRIMARY, "demo login: ", 0, 60_000_000_000L);
            String console = lab.console(ConsoleRole.PRIMARY).text();
            assertThat(end).as("the login prompt; console:%n%s", console).isPositive();
            assertThat(lab.uboot().diagnostics()).as("U-Boot's notes").isEmpty();
            assertThat(console).doesNotContain("failed on fdt_overlay_apply");
            assertThat(lab.linux().fs().list("/proc/device-tree/reserved-memory").orElse(List.of()))
                    .as("the overlay's reserved memory in the booted tree").contains("jailhouse@7fc00000");
        }
    }
}
