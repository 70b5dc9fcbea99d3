package dev.warden.emulator.cpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oracle profile: re-runs QEMU live. The committed expected output must still be what
 * qemu-aarch64 answers, and a fresh seed's vectors must give QEMU's answers on our core too.
 * Needs python3, gcc-aarch64-linux-gnu and qemu-user.
 */
@EnabledIfSystemProperty(named = "warden.oracles", matches = "true")
class InstructionVectorOracleTest {

    private static final Path VECTORS = InstructionVectorTest.VECTORS;

    @TempDir
    Path work;

    @Test
    void theCommittedAnswersAreStillQemusAndAFreshSeedAgreesToo() throws Exception {
        Path harness = work.resolve("harness");
        run(work, "aarch64-linux-gnu-gcc", "-O1", "-static", "-o", harness.toString(), VECTORS.resolve("harness.c").toAbsolutePath().toString());

        Path committed = work.resolve("committed-answers.txt");
        run(work, VECTORS.resolve("vectors.txt").toFile(), committed.toFile(), "qemu-aarch64", "-cpu", "cortex-a53", harness.toString());
        assertThat(Files.readAllLines(committed)).isEqualTo(Files.readAllLines(VECTORS.resolve("expected.txt")));

        Path fresh = work.resolve("fresh-vectors.txt");
        run(work, null, fresh.toFile(), "python3", VECTORS.resolve("generate_vectors.py").toAbsolutePath().toString(),
                "--seed", Long.toString(System.nanoTime() % 1_000_000), "--per-class", "300");
        Path answers = work.resolve("fresh-answers.txt");
        run(work, fresh.toFile(), answers.toFile(), "qemu-aarch64", "-cpu", "cortex-a53", harness.toString());
        List<String> ours = VectorRunner.run(Files.readAllLines(fresh));
        List<String> qemu = Files.readAllLines(answers);
        for (int i = 0; i < qemu.size(); i++) {
            assertThat(ours.get(i)).as("vector %d of %s", i + 1, Files.readAllLines(fresh).get(0)).isEqualTo(qemu.get(i));
        }
        assertThat(ours).hasSameSizeAs(qemu);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        run(dir, null, null, command);
    }

    private static void run(Path dir, File input, File output, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (input != null) pb.redirectInput(input);
        if (output != null) pb.redirectOutput(output);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
        assertThat(p.exitValue()).as("%s exit status", String.join(" ", command)).isZero();
    }
}
