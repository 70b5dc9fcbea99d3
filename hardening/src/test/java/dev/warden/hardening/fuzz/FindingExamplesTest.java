package dev.warden.hardening.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.emulator.profile.BoardProfiles;
import dev.warden.emulator.profile.ProfileException;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The fuzzers' findings, each as the clear error a user now sees (the raw inputs are in the Inputs folders). */
class FindingExamplesTest {

    private static String qemuProfile() throws IOException {
        return Files.readString(Seeds.root().resolve("board-profiles/qemu-arm64-virt.yaml"));
    }

    @Test
    void overlappingDevicesInABoardProfileNameTheFileTheLineAndBothDevices() throws IOException {
        String text = qemuProfile().replaceFirst("address: 0x09000000", "address: 0x08000000");
        assertThatThrownBy(() -> BoardProfiles.parse(text, "my-board.yaml", null))
                .isInstanceOf(ProfileException.class)
                .hasMessageMatching("my-board\\.yaml:\\d+: device 'uart0' \\[0x8000000\\.\\.0x8001000\\) overlaps device 'intc' .*");
    }

    @Test
    void aCharacterYamlDoesNotAllowNamesTheLine() throws IOException {
        String text = qemuProfile().replaceFirst("cpus:", "cpus: \u001c");
        assertThatThrownBy(() -> BoardProfiles.parse(text, "my-board.yaml", null))
                .isInstanceOf(ProfileException.class)
                .hasMessageMatching("my-board\\.yaml:\\d+: not valid YAML: character 0x1c is not allowed in a YAML file");
    }

    @Test
    void aRamBankOfSizeZeroIsRefusedOnItsLine() throws IOException {
        String text = qemuProfile().replaceFirst("size: 0x40000000", "size: 0");
        assertThat(text).isNotEqualTo(qemuProfile());
        assertThatThrownBy(() -> BoardProfiles.parse(text, "my-board.yaml", null))
                .isInstanceOf(ProfileException.class)
                .hasMessageMatching("my-board\\.yaml:\\d+: RAM bank '.*' has size 0x0, expected a positive size");
    }
}
