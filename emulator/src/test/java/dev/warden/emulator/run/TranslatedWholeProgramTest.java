package dev.warden.emulator.run;

import dev.warden.emulator.cpu.Registers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each standalone inmate (UART output, GIC and timer interrupts, MMIO probes with their aborts,
 * PSCI, ivshmem) runs on two machines, one interpreting and one translating hot code, in chunks of
 * seeded random length: after every chunk both have the same registers, instruction count,
 * virtual time and UART output, and both end the way QEMU's recording does.
 */
class TranslatedWholeProgramTest {

    private static final Path FIXTURES = Path.of("..", "firmware-fixtures");
    private static final Path IMAGES = FIXTURES.resolve("inmates/build/qemu-arm64-virt-standalone");
    private static final Path GOLDEN = FIXTURES.resolve("oracle/whole-program");

    @ParameterizedTest
    @ValueSource(strings = {"uart-demo", "gic-demo", "mmio-probe", "psci-cpu-on", "ivshmem-demo"})
    void interpretedAndTranslatedAgreeChunkByChunk(String inmate) throws IOException {
        byte[] image = Files.readAllBytes(IMAGES.resolve(inmate + ".bin"));
        BareMetalMachine reference = machine(inmate, image, false);
        BareMetalMachine translated = machine(inmate, image, true);
        Random random = new Random(inmate.hashCode());
        long total = 0;
        for (int chunk = 0; chunk < 100_000; chunk++) {
            long budget = 1 + random.nextInt(chunk % 2 == 0 ? 50 : 5000);
            BareMetalMachine.RunResult expected = reference.run(budget);
            BareMetalMachine.RunResult actual = translated.run(budget);
            assertThat(actual).as("chunk %d", chunk).isEqualTo(expected);
            assertThat(state(translated)).as("chunk %d", chunk).isEqualTo(state(reference));
            total += expected.instructions();
            if (expected.stop() != BareMetalMachine.Stop.INSTRUCTION_LIMIT) break;
        }
        assertThat(total).isGreaterThan(1000);
        assertThat(translated.cpu().translationCount()).as("regions translated").isGreaterThan(3);
        String uart = new String(translated.uartOutput(), StandardCharsets.ISO_8859_1);
        assertThat(uart).isEqualTo(Files.readString(GOLDEN.resolve(inmate + ".uart.txt"), StandardCharsets.ISO_8859_1));
    }

    private static BareMetalMachine machine(String inmate, byte[] image, boolean translate) {
        BareMetalMachine m = new BareMetalMachine();
        m.cpu().setTranslation(translate);
        m.cpu().setTranslationThreshold(2);
        m.load(inmate + ".bin", image);
        return m;
    }

    private static String state(BareMetalMachine m) {
        Registers r = m.cpu().registers();
        return Arrays.toString(r.x()) + String.format(" sp=%x pc=%x pstate=%x elr=%x spsr=%x esr=%x far=%x count=%d now=%d uart=%s",
                r.sp(), r.pc(), r.pstate(), r.elr(), r.spsr(), r.esr(), r.far(), m.cpu().instructionCount(), m.now(),
                new String(m.uartOutput(), StandardCharsets.ISO_8859_1));
    }
}
