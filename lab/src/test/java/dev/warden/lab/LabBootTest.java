package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabBootTest {

    static final long SECONDS = 1_000_000_000L;

    private static String bootTranscript(String board, BootRequest request) {
        try (Lab lab = Lab.powerOn(board, request)) {
            String prompt = lab.board().profile().boot().login().hostname() + " login: ";
            int end = lab.waitFor(ConsoleRole.PRIMARY, prompt, 0, 60 * SECONDS);
            assertThat(end).as("login prompt; console so far:%n%s", lab.console(ConsoleRole.PRIMARY).text()).isPositive();
            return lab.console(ConsoleRole.PRIMARY).stampedTranscript();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt"})
    void eachBootIsByteForByteTheSameAsTheLast(String board) {
        String first = bootTranscript(board, BootRequest.defaults());
        String second = bootTranscript(board, BootRequest.defaults());

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("Starting kernel ...").contains("Run /sbin/init as init process");
    }
}
