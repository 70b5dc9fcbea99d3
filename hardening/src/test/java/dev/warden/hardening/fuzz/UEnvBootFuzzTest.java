package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.emulator.board.Board;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import dev.warden.emulator.uboot.BootMedia;
import dev.warden.emulator.uboot.KernelLauncher;
import dev.warden.emulator.uboot.UBoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A whole U-Boot run on the AM654 IDK with a hostile uEnv.txt on its SD card: TI's environment
 * scripts import it, load what it names, resize and apply overlays, and either hand over to the
 * kernel or stop at the prompt, within a bound of virtual time. An exception out of the board, or
 * U-Boot still busy at the bound, is a finding.
 */
class UEnvBootFuzzTest {
    private static final long SECOND = 1_000_000_000L;
    private static final BoardProfile PROFILE =
            BoardProfiles.byName(Seeds.root().resolve("board-profiles"), "k3-am654-idk");
    private static final Path MEDIA = copyOfMedia();

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void boot(byte[] uEnv) throws IOException {
        Files.write(MEDIA.resolve("uEnv.txt"), uEnv);
        Board board = new Board(PROFILE);
        UBoot uboot = new UBoot(board, new BootMedia(MEDIA), KernelLauncher.NONE);
        uboot.powerOn();
        boolean settled = board.runUntil(() -> uboot.handoff().isPresent() || uboot.atPrompt(), 60 * SECOND);
        if (!settled) {
            throw new AssertionError("U-Boot neither booted nor stopped at its prompt within 60 s of virtual time");
        }
        for (String note : uboot.diagnostics()) {
            if (note.isBlank()) throw new AssertionError("an empty U-Boot note");
        }
    }

    private static Path copyOfMedia() {
        try {
            Path from = Seeds.root().resolve("firmware-fixtures/k3-am654-idk/boot");
            Path to = Files.createTempDirectory("warden-uenv-fuzz");
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                }
            }
            to.toFile().deleteOnExit();
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
