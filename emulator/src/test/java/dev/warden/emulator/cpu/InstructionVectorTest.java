package dev.warden.emulator.cpu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed instruction vectors, run on our core, give exactly QEMU's answers
 * (firmware-fixtures/oracle/vectors: generator, harness, script, expected output).
 */
class InstructionVectorTest {

    static final Path VECTORS = Path.of("..", "firmware-fixtures", "oracle", "vectors");

    @Test
    void everyVectorMatchesQemu() throws IOException {
        compareWithQemu(false);
    }

    @Test
    void everyVectorMatchesQemuAsTranslatedCode() throws IOException {
        long before = Translator.translations();
        compareWithQemu(true);
        assertThat(Translator.translations() - before).as("vectors that ran as translated code").isGreaterThan(10_000);
    }

    private static void compareWithQemu(boolean translated) throws IOException {
        List<String> vectors = Files.readAllLines(VECTORS.resolve("vectors.txt"));
        List<String> expected = Files.readAllLines(VECTORS.resolve("expected.txt"));
        List<String> actual = VectorRunner.run(vectors, translated);

        assertThat(expected).hasSizeGreaterThan(10_000);
        assertThat(expected.stream().filter(l -> l.endsWith("UNDEF")).count()).isGreaterThan(100);
        List<String> differences = new java.util.ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<missing>";
            String a = i < actual.size() ? actual.get(i) : "<missing>";
            if (!e.equals(a)) differences.add("vector " + (i + 1) + "\n  qemu:   " + e + "\n  warden: " + a);
        }
        assertThat(differences).as(differences.size() + " differences; the first ones:\n"
                + differences.stream().limit(20).collect(Collectors.joining("\n"))).isEmpty();
    }
}
