package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.JailhouseRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key of a booted board changes with anything power-on reads, and with nothing else. */
class BootInputsTest {

    static final String BOARD = "qemu-arm64-virt";
    static final WardenProject PROJECT = WardenProject.builtinOnly();

    @TempDir
    Path dir;

    private static String digest(BootRequest r) {
        return BootInputs.digest(PROJECT, BOARD, r);
    }

    @Test
    void theSameInputsGiveTheSameDigest() {
        assertThat(digest(BootRequest.defaults())).isEqualTo(digest(BootRequest.defaults()));
        assertThat(digest(BootRequest.defaults().overlays(List.of("a.dtbo"))))
                .isEqualTo(digest(BootRequest.defaults().overlays(List.of("a.dtbo"))));
    }

    @Test
    void everyFieldOfTheRequestCounts() {
        String base = digest(BootRequest.defaults());
        assertThat(List.of(
                digest(BootRequest.defaults().overlays(List.of())),
                digest(BootRequest.defaults().overlays(List.of("a.dtbo"))),
                digest(BootRequest.defaults().overlays(List.of("b.dtbo"))),
                digest(BootRequest.defaults().baseDtb("x.dtb")),
                digest(BootRequest.defaults().uEnv("a=1\n")),
                digest(BootRequest.defaults().variable("a", "1")),
                digest(BootRequest.defaults().file("notes.txt", new byte[] {1})),
                digest(BootRequest.defaults().file("notes.txt", new byte[] {2})),
                digest(BootRequest.defaults().deviceTree("my.dtbo", new byte[] {1})),
                digest(BootRequest.defaults().release(JailhouseRelease.TI_V010)),
                BootInputs.digest(PROJECT, "k3-am654-idk", BootRequest.defaults())))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void aChangedAddedOrRemovedFileOfTheBootMediaChangesTheDigest() throws IOException {
        Path media = dir.resolve("media");
        Files.createDirectories(media.resolve("dtb"));
        Files.writeString(media.resolve("uEnv.txt"), "name_overlays=\n");
        Path tree = media.resolve("dtb/board.dtb");
        Files.write(tree, new byte[] {1, 2, 3});
        FileTime time = Files.getLastModifiedTime(tree);
        String before = digest(BootRequest.defaults().media(media));
        assertThat(digest(BootRequest.defaults().media(media))).isEqualTo(before);

        Files.write(tree, new byte[] {1, 2, 4});
        Files.setLastModifiedTime(tree, FileTime.fromMillis(time.toMillis() + 1));
        assertThat(digest(BootRequest.defaults().media(media))).isNotEqualTo(before);

        Files.writeString(media.resolve("extra.txt"), "x");
        String withExtra = digest(BootRequest.defaults().media(media));
        assertThat(withExtra).isNotEqualTo(before);
        Files.delete(media.resolve("extra.txt"));
        assertThat(digest(BootRequest.defaults().media(media))).isNotEqualTo(withExtra);
    }

    @Test
    void aProjectsCellsAndInmatesCount() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("cells"));
        Files.writeString(project.resolve("warden.yaml"), "board: " + BOARD + "\n");
        WardenProject p = WardenProject.open(project);
        String before = BootInputs.digest(p, BOARD, BootRequest.defaults());
        Files.write(project.resolve("cells/mine.cell"), new byte[] {1});
        assertThat(BootInputs.digest(p, BOARD, BootRequest.defaults())).isNotEqualTo(before);
        assertThat(before).isNotEqualTo(digest(BootRequest.defaults()));
    }
}
