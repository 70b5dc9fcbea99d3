package dev.warden.emulator.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BoardTest {

    static final Path PROFILES = Path.of(System.getProperty("warden.root", "..")).resolve("board-profiles");

    @Test
    void aByteWrittenToTheUartRegisterAppearsOnTheConsoleStampedWithVirtualTime() {
        BoardProfile p = BoardProfiles.byName(PROFILES, "k3-am654-idk");
        Board board = new Board(p);
        board.scheduler().at(1_500_000, "print", () -> {
            for (char c : "U-Boot\r\n".toCharArray()) board.bus().write(0x02800000L, 4, c);
        });

        boolean seen = board.runUntil(() -> board.console(ConsoleRole.PRIMARY).text().contains("U-Boot"), 10_000_000);

        assertThat(seen).isTrue();
        assertThat(board.clock().now()).isEqualTo(1_500_000);
        assertThat(board.console(ConsoleRole.PRIMARY).stampedTranscript()).isEqualTo("[    0.001500] U-Boot\n");
    }

    @Test
    void aConditionThatNeverHoldsStopsAtTheVirtualDeadline() {
        Board board = new Board(BoardProfiles.byName(PROFILES, "qemu-arm64-virt"));

        boolean seen = board.runUntil(() -> false, 5_000_000);

        assertThat(seen).isFalse();
        assertThat(board.clock().now()).isEqualTo(5_000_000);
    }

    @Test
    void ramAndDevicesSitWhereTheProfileSays() {
        Board board = new Board(BoardProfiles.byName(PROFILES, "k3-j721e-evm"));

        board.bus().write(0x8a0000000L, 8, 0x1122334455667788L);

        assertThat(board.bus().read(0x8a0000004L, 4)).isEqualTo(0x11223344L);
        assertThat(board.bus().find(0x36600000L, 4)).get().extracting(r -> r.name()).isEqualTo("smmu0");
        assertThat(board.console(ConsoleRole.SECONDARY).name()).isEqualTo("main_uart1");
    }
}
