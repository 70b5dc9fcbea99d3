package dev.warden.emulator.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The QEMU virt board's fixtures are QEMU's own output: the device tree the board boots is the
 * one qemu-system-aarch64 dumps for the reference rig's options, byte for byte, and the stray-read
 * golden is what QEMU prints for the committed program. Runs under -Poracles (qemu-system-arm).
 */
@EnabledIfSystemProperty(named = "warden.oracles", matches = "true")
class QemuVirtFixturesOracleTest {

    private static final Path FIXTURES = InmateFixturesOracleTest.FIXTURES;

    private static String run(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit status of %s, output:%n%s", command, text).isZero();
        return text;
    }

    @Test
    void theBoardsTreeIsTheOneQemuDumps() throws Exception {
        String out = run(FIXTURES.resolve("qemu-arm64-virt/boot"), List.of("./dump-qemu-dtb.sh", "--check"));

        assertThat(out).contains("QEMU's tree matches");
    }

    @Test
    void theStrayReadGoldenIsWhatQemuPrints() throws Exception {
        String out = run(FIXTURES.resolve("oracle/stray-read"), List.of("./record.sh", "--check"));

        assertThat(out).contains("QEMU's stray reads match the goldens");
    }
}
