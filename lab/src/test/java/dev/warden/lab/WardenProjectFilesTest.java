package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a step names by their path in the user's project: found, read, told apart by content, refused clearly. */
class WardenProjectFilesTest {

    static final String STEP = "the cell \"cells/x.cell\" is created";

    @TempDir
    Path dir;

    private WardenProject project;
    private Path root;
    private final BuiltinBoards builtins = BuiltinBoards.get();

    @BeforeEach
    void project() throws IOException {
        Path qemu = builtins.fixtures().resolve("qemu-arm64-virt");
        copy(qemu.resolve("cells/qemu-arm64.cell"), "cells/my-board.cell");
        copy(qemu.resolve("cells/qemu-arm64-inmate-demo.cell"), "cells/my-inmate.cell");
        copy(qemu.resolve("boot/dtb/qemu-arm64-virt.dtb"), "boot/my-board.dtb");
        copy(qemu.resolve("boot/dtb/qemu-arm64-virt-jailhouse.dtbo"), "boot/my-board-jailhouse.dtbo");
        copy(qemu.resolve("boot/Image"), "boot/Image");
        copy(builtins.inmates("qemu-arm64-virt").resolve("uart-demo.bin"), "inmates/uart-demo.bin");
        Files.write(dir.resolve("cells/empty.cell"), new byte[0]);
        project = WardenProject.open(dir);
        root = dir.toAbsolutePath().normalize();
    }

    private void copy(Path from, String to) throws IOException {
        Files.createDirectories(dir.resolve(to).getParent());
        Files.copy(from, dir.resolve(to));
    }

    @Test
    void aPathHasAFolderInItAndDoesNotStartAtTheBoardsRoot() {
        assertThat(WardenProject.isProjectPath("cells/my-board.cell")).isTrue();
        assertThat(WardenProject.isProjectPath("./my-board.cell")).isTrue();
        assertThat(WardenProject.isProjectPath("my-board.cell")).as("a built-in name").isFalse();
        assertThat(WardenProject.isProjectPath("/home/root/x.cell")).as("a path on the board").isFalse();
    }

    @Test
    void eachKindIsToldByItsContent() {
        assertThat(project.file(STEP, "cells/my-board.cell").kind()).isEqualTo(ProjectFileKind.ROOT_CELL_CONFIG);
        assertThat(project.file(STEP, "cells/my-inmate.cell").kind()).isEqualTo(ProjectFileKind.CELL_CONFIG);
        assertThat(project.file(STEP, "boot/my-board.dtb").kind()).isEqualTo(ProjectFileKind.DEVICE_TREE);
        assertThat(project.file(STEP, "boot/my-board-jailhouse.dtbo").kind()).isEqualTo(ProjectFileKind.DEVICE_TREE);
        assertThat(project.file(STEP, "boot/Image").kind()).isEqualTo(ProjectFileKind.KERNEL_IMAGE);
        assertThat(project.file(STEP, "inmates/uart-demo.bin").kind()).isEqualTo(ProjectFileKind.INMATE);
    }

    @Test
    void theOldSixByteSignaturesAreConfigurationsToo() {
        assertThat(ProjectFileKind.of("JHSYST\0\0".getBytes())).isEqualTo(ProjectFileKind.ROOT_CELL_CONFIG);
        assertThat(ProjectFileKind.of("JHCELL\0\0".getBytes())).isEqualTo(ProjectFileKind.CELL_CONFIG);
        assertThat(ProjectFileKind.of(new byte[] {0x14, 0, 0, (byte) 0x94})).isEqualTo(ProjectFileKind.INMATE);
    }

    @Test
    void aFileOfTheExpectedKindIsReadWithItsPathInTheProject() throws IOException {
        ProjectFile f = project.file(STEP, "cells/../cells/my-inmate.cell", ProjectFileKind.CELL_CONFIG);

        assertThat(f.relative()).isEqualTo("cells/my-inmate.cell");
        assertThat(f.fileName()).isEqualTo("my-inmate.cell");
        assertThat(f.path()).isEqualTo(root.resolve("cells/my-inmate.cell"));
        assertThat(f.content()).isEqualTo(Files.readAllBytes(dir.resolve("cells/my-inmate.cell")));
    }

    @Test
    void aMissingFileNamesTheStepAndTheFile() {
        assertThatThrownBy(() -> project.file(STEP, "cells/x.cell", ProjectFileKind.CELL_CONFIG))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith("step 'the cell \"cells/x.cell\" is created': \"cells/x.cell\": there is no such file (")
                .hasMessageContaining(dir.resolve("cells/x.cell").toString());
    }

    @Test
    void aCellConfigurationGivenAsTheRootCellSaysWhatItIsAndWhatWasExpected() {
        assertThatThrownBy(() -> project.file("the hypervisor is enabled with the root cell \"cells/my-inmate.cell\"",
                "cells/my-inmate.cell", ProjectFileKind.ROOT_CELL_CONFIG))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith("step 'the hypervisor is enabled with the root cell \"cells/my-inmate.cell\"': ")
                .hasMessageContaining("my-inmate.cell is a cell configuration (.cell with the signature \"JHCLL\"")
                .hasMessageEndingWith("expected a root cell configuration (.cell with the signature \"JHSYS\")");
    }

    @Test
    void anInmateThatIsReallyADeviceTreeIsRefused() {
        assertThatThrownBy(() -> project.file("the inmate \"boot/my-board.dtb\" is loaded into the cell \"x\"",
                "boot/my-board.dtb", ProjectFileKind.INMATE))
                .hasMessageContaining("is a device tree or overlay (.dtb/.dtbo with the magic 0xd00dfeed), expected an inmate");
    }

    @Test
    void aKernelImageWhereADeviceTreeBelongsIsRefused() {
        assertThatThrownBy(() -> project.file("the base device tree is \"boot/Image\"", "boot/Image", ProjectFileKind.DEVICE_TREE))
                .hasMessageContaining("is an arm64 kernel Image (\"ARM\\x64\" at offset 0x38), expected a device tree");
    }

    @Test
    void aStepThatTakesEitherConfigurationListsBoth() {
        assertThatThrownBy(() -> project.file(STEP, "inmates/uart-demo.bin", ProjectFileKind.ROOT_CELL_CONFIG,
                ProjectFileKind.CELL_CONFIG))
                .hasMessageEndingWith("expected a root cell configuration (.cell with the signature \"JHSYS\") or a cell"
                        + " configuration (.cell with the signature \"JHCLL\", or \"JHCELL\" before revision 14)");
    }

    @Test
    void aPathThatLeavesTheProjectIsRefused() throws IOException {
        Files.writeString(dir.getParent().resolve("outside.cell"), "JHCLL");
        assertThatThrownBy(() -> project.file(STEP, "cells/../../outside.cell"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessage("step '" + STEP + "': \"cells/../../outside.cell\" is outside the project folder " + root);
        assertThatThrownBy(() -> project.file(STEP, "/etc/hostname")).hasMessageContaining("is outside the project folder");
    }

    @Test
    void aFolderOrAnEmptyFileIsNoFile() {
        assertThatThrownBy(() -> project.file(STEP, "cells/", ProjectFileKind.CELL_CONFIG))
                .hasMessageContaining("\"cells/\" is a folder, expected a cell configuration");
        assertThatThrownBy(() -> project.file(STEP, "cells/empty.cell")).hasMessageContaining("is empty");
    }

    @Test
    void withoutAProjectFolderAPathCannotBeResolved() {
        assertThatThrownBy(() -> WardenProject.builtinOnly().file(STEP, "cells/my-board.cell"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("is a path, but this run has no project folder");
    }

    @Test
    void aBootMediaFolderMustBeAFolderInTheProject() throws IOException {
        assertThat(project.folder("the boot media is the folder \"boot/\"", "boot/")).isEqualTo(root.resolve("boot"));
        assertThatThrownBy(() -> project.folder("the boot media is the folder \"sd/\"", "sd/"))
                .hasMessage("step 'the boot media is the folder \"sd/\"': \"sd/\": there is no such folder ("
                        + root.resolve("sd") + ")");
        assertThatThrownBy(() -> project.folder("the boot media is the folder \"../\"", "../"))
                .hasMessageContaining("is outside the project folder");
    }
}
