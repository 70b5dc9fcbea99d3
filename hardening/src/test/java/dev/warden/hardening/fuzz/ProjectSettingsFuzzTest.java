package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.emulator.profile.ProfileException;
import dev.warden.lab.ProjectSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A project's {@code warden.yaml}: it gives settings whose folders lie inside the project, or a
 * {@link ProfileException} naming the file and the line.
 */
class ProjectSettingsFuzzTest {
    private static final Path PROJECT = project();

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void read(byte[] yaml) throws IOException {
        Path file = PROJECT.resolve(ProjectSettings.FILE);
        Files.write(file, yaml);
        try {
            ProjectSettings s = ProjectSettings.read(PROJECT);
            for (String folder : new String[] {s.boards(), s.cells(), s.inmates(), s.features()}) {
                Path p = PROJECT.resolve(folder).normalize();
                if (!p.startsWith(PROJECT)) throw new AssertionError("folder '" + folder + "' lies outside the project");
            }
        } catch (ProfileException e) {
            CleanErrors.requireNamed(e, file + ":");
        }
    }

    private static Path project() {
        try {
            Path p = Files.createTempDirectory("warden-project-fuzz");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
