package dev.warden.emulator.profile.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.BoardTreeException;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.emulator.board.ProfileTreeCheck;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileFromTreeTest {

    static BoardProfile load(DerivedProfile p) {
        return BoardProfiles.parse(p.yaml(), p.name() + ".yaml", BuiltinTrees.ROOT.resolve("board-profiles"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt"})
    void theWrittenProfileLoadsAndAgreesWithTheTreeBeforeAndAfterTheOverlay(String board) {
        DerivedProfile derived = BuiltinTrees.derive(board);
        BoardProfile profile = load(derived);
        BoardTree tree = BuiltinTrees.tree(board);

        assertThat(ProfileTreeCheck.differences(profile, tree.base(), "base")).isEmpty();
        assertThat(ProfileTreeCheck.differences(profile, tree.merged(), "merged")).isEmpty();
        assertThat(profile.boot().media().resolve("dtb").resolve(profile.boot().baseDtb())).isRegularFile();
        assertThat(derived.yaml()).contains("# TODO: ");
    }

    @Test
    void am654TakesCpusRamUartsAndTheInmateConsoleFromTheTree() {
        BoardProfile p = load(BuiltinTrees.derive("k3-am654-idk"));

        assertThat(p.cpus()).extracting(BoardProfile.Cpu::mpidr).containsExactly(0x0L, 0x1L, 0x100L, 0x101L);
        assertThat(p.cpus()).extracting(BoardProfile.Cpu::core).containsOnly("cortex-a53");
        assertThat(p.ram()).extracting(BoardProfile.RamBank::base).containsExactly(0x80000000L, 0x880000000L);
        BoardProfile.Device mcu = p.device("mcu_uart0").orElseThrow();
        assertThat(mcu.kind()).isEqualTo("uart-8250");
        assertThat(mcu.irq()).isEqualTo(565 + 32);
        assertThat(mcu.regShift()).isEqualTo(2);
        assertThat(mcu.clockHz()).isEqualTo(96_000_000L);
        assertThat(p.device("gic500").orElseThrow().regions()).extracting(BoardProfile.Region::base)
                .containsExactly(0x01800000L, 0x01880000L);
        assertThat(p.consoles().primary()).isEqualTo("main_uart0");
        // the overlay takes mcu_uart0 away from Linux: the inmate's console
        assertThat(p.consoles().secondary()).contains("mcu_uart0");
        assertThat(p.consoles().hypervisor()).contains("main_uart0");
        assertThat(p.psci().conduit()).isEqualTo("smc");
        assertThat(p.boot().login().tty()).isEqualTo("ttyS2");
    }

    @Test
    void withoutTheOverlayTheSecondaryIsTheNextEnabledUartInAliasOrder() {
        Path dtb = BuiltinTrees.dtb("k3-am654-idk");
        BoardTree tree = BoardTree.load(dtb, java.util.List.of());
        BoardProfile p = load(ProfileFromTree.derive(new ProfileFromTree.Request(tree, "am654", dtb, BuiltinTrees.ROOT)));

        // serial3 and serial4 are disabled, serial0 is reserved: serial1 (mcu_uart0) is next
        assertThat(p.consoles().secondary()).contains("mcu_uart0");
    }

    @Test
    void aTreeWithoutATimerFrequencyGetsTheDefaultAndATodoOnTheTerminalAndInTheFile() {
        DerivedProfile p = BuiltinTrees.derive("qemu-arm64-virt");

        assertThat(load(p).timerFrequencyHz()).isEqualTo(ProfileFromTree.DEFAULT_TIMER_HZ);
        assertThat(p.todos()).anyMatch(t -> t.startsWith("timer.frequency: /timer has no clock-frequency"));
        assertThat(p.yaml()).contains("  # TODO: /timer has no clock-frequency");
    }

    @Test
    void aDtbOutsideABootFolderIsLoadedFromTheMediaTopWithTheMatchingLayout(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path dtb = dir.resolve("myboard/myboard.dtb");
        Files.createDirectories(dtb.getParent());
        Files.copy(BuiltinTrees.dtb("qemu-arm64-virt"), dtb);
        DerivedProfile d = ProfileFromTree.derive(new ProfileFromTree.Request(
                BoardTree.load(dtb, java.util.List.of()), "myboard", dtb, dir));
        BoardProfile p = BoardProfiles.parse(d.yaml(), "myboard.yaml", dir.resolve("board-profiles"));

        assertThat(p.boot().media()).isEqualTo(dir.resolve("myboard"));
        assertThat(p.boot().baseDtb()).isEqualTo("myboard.dtb");
        assertThat(p.boot().ubootEnvironment()).isEqualTo("ti-2019");
    }

    @Test
    void aTreeWithoutCpusOrMemoryIsRefusedNamingTheFile() {
        DeviceTree noCpus = Trees.tree(Trees.memory(), Trees.uart());
        DeviceTree noMemory = Trees.tree(Trees.cpus(), Trees.uart());

        assertThatThrownBy(() -> Trees.check(noCpus)).isInstanceOf(BoardTreeException.class)
                .hasMessageContaining("t.dtb: no /cpus node");
        assertThatThrownBy(() -> Trees.check(noMemory)).isInstanceOf(BoardTreeException.class)
                .hasMessageContaining("t.dtb: no /memory node with a reg");
    }

    @Test
    void aGicV2OrNoUartIsRefusedWithWhatWasExpected() {
        DeviceTree gicv2 = Trees.tree(Trees.cpus(), Trees.memory(), Trees.gic("arm,gic-400"), Trees.uart());
        DeviceTree noUart = Trees.tree(Trees.cpus(), Trees.memory(), Trees.gic("arm,gic-v3"));

        assertThatThrownBy(() -> derive(gicv2)).isInstanceOf(BoardTreeException.class)
                .hasMessageContaining("arm,gic-400; Warden emulates a GICv3 (arm,gic-v3) only");
        assertThatThrownBy(() -> derive(noUart)).isInstanceOf(BoardTreeException.class)
                .hasMessageContaining("no UART Warden can emulate");
    }

    @Test
    void theModelKernelImageHasTheArm64HeaderBootiChecks() {
        byte[] image = ModelKernelImage.forBoard("b");

        assertThat(image.length % 4096).isZero();
        assertThat(new String(image, 0x38, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("ARM\u0064");
        assertThat(new String(image, 64, 40, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("WARDEN-LINUX-MODEL\nversion=6.1.0-warden");
    }

    private static DerivedProfile derive(DeviceTree t) {
        return ProfileFromTree.derive(new ProfileFromTree.Request(BoardTree.of(t, Path.of("t.dtb")), "t", Path.of("t.dtb"),
                Path.of(".")));
    }
}
