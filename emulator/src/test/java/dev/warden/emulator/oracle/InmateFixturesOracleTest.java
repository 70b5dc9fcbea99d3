package dev.warden.emulator.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The committed inmate binaries and QEMU goldens are what their sources and scripts produce:
 * the inmates rebuild byte for byte with aarch64-linux-gnu-gcc, their tools' tests pass, the
 * cell builds run under the small EL2 harness in QEMU, and a live QEMU run of every standalone
 * inmate matches the committed trace. Runs under -Poracles, where the tools are installed.
 */
@EnabledIfSystemProperty(named = "warden.oracles", matches = "true")
class InmateFixturesOracleTest {

    static final Path FIXTURES = Path.of(System.getProperty("warden.root", "..")).resolve("firmware-fixtures");

    private static String run(Path dir, List<String> command, long minutes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        boolean done = p.waitFor(minutes, TimeUnit.MINUTES);
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(done).as("%s finished within %d minutes", command, minutes).isTrue();
        assertThat(p.exitValue()).as("exit status of %s, output:%n%s", command, text).isZero();
        return text;
    }

    @Test
    void everyInmateRebuildsByteForByteAndItsToolsPassTheirTests() throws Exception {
        String out = run(FIXTURES.resolve("inmates"), List.of("make", "check", "test"), 5);

        assertThat(out).contains("every committed binary rebuilds byte for byte");
    }

    @Test
    void theCellBuildsRunUnderTheEl2HarnessInQemu() throws Exception {
        run(FIXTURES.resolve("inmates"), List.of("make", "cellsim-test"), 10);
    }

    @Test
    void liveQemuRunsMatchTheCommittedWholeProgramGoldens() throws Exception {
        String out = run(FIXTURES.resolve("oracle/whole-program"), List.of("./record.sh", "--check"), 10);

        assertThat(out).contains("live QEMU runs match the goldens");
    }
}
