package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.emulator.board.Board;
import dev.warden.emulator.board.BoardSetupException;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import dev.warden.emulator.profile.ProfileException;
import java.nio.charset.StandardCharsets;

/**
 * YAML board profiles: text fails with a {@link ProfileException} naming the file, the line and the
 * fields expected, or is a profile a board can be built from (the board's setup errors name the
 * profile too).
 */
class BoardProfileFuzzTest {
    private static final String NAME = "fuzz-board.yaml";

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void parseAndBuild(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        BoardProfile profile;
        try {
            profile = BoardProfiles.parse(text, NAME, null);
        } catch (ProfileException e) {
            CleanErrors.requireNamed(e, NAME + ":");
            return;
        }
        try {
            new Board(profile);
        } catch (BoardSetupException e) {
            CleanErrors.requireMessage(e);
        }
    }
}
