package dev.warden.emulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoardProfilesTest {

    static final Path PROFILES = Path.of(System.getProperty("warden.root", "..")).resolve("board-profiles");

    @ParameterizedTest
    @ValueSource(strings = {"k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt"})
    void everyShippedProfileLoadsAndItsConsolesAreUarts(String board) {
        BoardProfile p = BoardProfiles.byName(PROFILES, board);

        assertThat(p.name()).isEqualTo(board);
        assertThat(p.cpus()).isNotEmpty();
        assertThat(p.device(p.consoles().primary())).get()
                .extracting(BoardProfile.Device::kind).isIn("uart-8250", "pl011");
        assertThat(p.boot().media()).isDirectory();
    }

    @Test
    void am654HasTwoClustersAndTheTiUartLayout() {
        BoardProfile p = BoardProfiles.byName(PROFILES, "k3-am654-idk");

        assertThat(p.cpus()).extracting(BoardProfile.Cpu::mpidr).containsExactly(0x0L, 0x1L, 0x100L, 0x101L);
        BoardProfile.Device uart = p.device("main_uart0").orElseThrow();
        assertThat(uart.primary().base()).isEqualTo(0x02800000L);
        assertThat(uart.irq()).isEqualTo(224);
        assertThat(uart.regShift()).isEqualTo(2);
        assertThat(p.ram()).extracting(BoardProfile.RamBank::base).containsExactly(0x80000000L, 0x880000000L);
    }

    @Test
    void qemuVirtDeclaresItsPcieHostWithTheHostBridgeAndItsFlashBanks() {
        BoardProfile p = BoardProfiles.byName(PROFILES, "qemu-arm64-virt");

        BoardProfile.Device pcie = p.device("pcie").orElseThrow();
        assertThat(pcie.kind()).isEqualTo("pcie-ecam");
        assertThat(pcie.primary().base()).isEqualTo(0x4010000000L);
        assertThat(pcie.pciFunctions()).extracting(Object::toString).containsExactly("00:00.0 1b36:0008 060000");
        assertThat(p.device("flash").orElseThrow().regions()).extracting(BoardProfile.Region::base)
                .containsExactly(0x0L, 0x4000000L);
    }

    @Test
    void pciFunctionsAreForPcieHostsAndMustBeWellFormed() throws Exception {
        String text = Files.readString(PROFILES.resolve("qemu-arm64-virt.yaml"));

        assertThatThrownBy(() -> BoardProfiles.parse(text.replace("\"1b36:0008\"", "\"1b36-0008\""), "virt.yaml", null))
                .hasMessageContaining("virt.yaml:").hasMessageContaining("expected a PCI ID 'VVVV:DDDD', found '1b36-0008'");
        assertThatThrownBy(() -> BoardProfiles.parse(text.replace("kind: pcie-ecam", "kind: memory-mapped"), "virt.yaml", null))
                .hasMessageContaining("'functions' is for devices of kind 'pcie-ecam', not 'memory-mapped'");
    }

    @Test
    void unknownBoardListsTheKnownOnes() {
        assertThatThrownBy(() -> BoardProfiles.byName(PROFILES, "k3-am62"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("unknown board 'k3-am62'")
                .hasMessageContaining("k3-am654-idk, k3-j721e-evm, qemu-arm64-virt");
    }

    @Test
    void aTypoInAFieldNamesTheFileTheLineAndTheExpectedFields(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String text = Files.readString(PROFILES.resolve("qemu-arm64-virt.yaml"))
                .replace("frequency: 62500000", "frequncy: 62500000");
        Path file = dir.resolve("board-profiles/typo.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        int line = lineOf(text, "frequncy");

        assertThatThrownBy(() -> BoardProfiles.load(file))
                .hasMessageStartingWith(file + ":" + line + ": unknown field 'timer.frequncy'")
                .hasMessageContaining("expected one of: frequency");
    }

    @Test
    void aBadNumberSaysWhatWasExpected() {
        String text = """
                name: x
                cpus:
                  - { name: cpu0, mpidr: zero }
                """;
        assertThatThrownBy(() -> BoardProfiles.parse(text, "x.yaml", null))
                .hasMessage("x.yaml:3: expected a number (decimal or 0x-hex) for 'cpus[0].mpidr', found 'zero'");
    }

    @Test
    void aConsoleRoleMustNameAUart() throws Exception {
        String text = Files.readString(PROFILES.resolve("k3-am654-idk.yaml"))
                .replace("secondary: mcu_uart0", "secondary: sdhci0");
        assertThatThrownBy(() -> BoardProfiles.parse(text, "am654.yaml", null))
                .hasMessageContaining("am654.yaml:")
                .hasMessageContaining("console role 'secondary' names 'sdhci0', which is not a UART");
    }

    @Test
    void invalidYamlReportsTheLine() {
        assertThatThrownBy(() -> BoardProfiles.parse("name: x\ncpus: [\n", "broken.yaml", null))
                .hasMessageStartingWith("broken.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }
}
