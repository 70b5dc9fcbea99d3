package dev.warden.emulator.cpu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed FP/SIMD instruction vectors, run on our core, give exactly QEMU's answers
 * (firmware-fixtures/oracle/vectors: generate_simd_vectors.py, simd-harness.c, run-oracle.sh,
 * simd-expected.txt), interpreted and translated.
 */
class SimdVectorTest {

    private static final Path VECTORS = InstructionVectorTest.VECTORS;

    @Test
    void everyVectorMatchesQemu() throws IOException {
        compare(false);
    }

    @Test
    void everyVectorMatchesQemuAsTranslatedCode() throws IOException {
        compare(true);
    }

    private static void compare(boolean translated) throws IOException {
        List<String> vectors = Files.readAllLines(VECTORS.resolve("simd-vectors.txt"));
        List<String> expected = Files.readAllLines(VECTORS.resolve("simd-expected.txt"));
        List<String> actual = SimdVectorRunner.run(vectors, translated);
        assertThat(expected).as("QEMU answered every vector").hasSize((int) vectors.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count());
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertThat(actual.get(i)).as("vector %d (%s)", i + 1, expected.get(i).substring(0, 8)).isEqualTo(expected.get(i));
        }
        assertThat(actual).hasSameSizeAs(expected);
    }
}
