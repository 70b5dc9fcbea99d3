package dev.warden.benchmarks;

import dev.warden.emulator.run.BareMetalMachine;
import org.junit.jupiter.api.Test;

import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark programs compute what their sources say, in the number of instructions their
 * loops imply, so a MIPS figure measured on them means what it claims.
 */
class BenchmarkProgramsTest {

    @Test
    void theIntegerLoopRunsFourInstructionsPerIteration() {
        BareMetalMachine machine = BenchmarkPrograms.load("int-loop", 1000);
        BareMetalMachine.RunResult result = machine.run(1_000_000);
        assertThat(result.stop()).isEqualTo(BareMetalMachine.Stop.SYSTEM_OFF);
        assertThat(result.instructions()).isEqualTo(6 + 4 * 1000);
        assertThat(machine.cpu().x(2)).isEqualTo((3L * 1000) ^ 1);
    }

    @Test
    void theCrcLoopComputesTheZlibCrcOfItsPasses() {
        int passes = 3;
        BareMetalMachine machine = BenchmarkPrograms.load("crc-loop", passes);
        BareMetalMachine.RunResult result = machine.run(10_000_000);
        assertThat(result.stop()).isEqualTo(BareMetalMachine.Stop.SYSTEM_OFF);
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[4096];
        for (int i = 0; i < buffer.length; i++) buffer[i] = (byte) (7 * i + 1);
        for (int p = 0; p < passes; p++) crc.update(buffer);
        assertThat(machine.cpu().x(19)).isEqualTo(crc.getValue());
        // table 256 * 54, buffer fill 4096 * 7, each pass 4096 * 7 + 4, plus 13 around them
        assertThat(result.instructions()).isEqualTo(13 + 256 * 54 + 4096 * 7 + passes * (4096 * 7 + 4L));
    }

    @Test
    void theCopyLoopCopiesSixtyFourKibPerPass() {
        int passes = 2;
        BareMetalMachine machine = BenchmarkPrograms.load("copy-loop", passes);
        BareMetalMachine.RunResult result = machine.run(10_000_000);
        assertThat(result.stop()).isEqualTo(BareMetalMachine.Stop.SYSTEM_OFF);
        for (int i = 0; i < 8192; i += 511) {
            long expected = i * 0x9e3779b97f4a7c15L;
            assertThat(machine.bus().read(0x40200000L + 8L * i, 8)).isEqualTo(expected);
            assertThat(machine.bus().read(0x40300000L + 8L * i, 8)).isEqualTo(expected);
        }
        // fill 8192 * 5, each pass 1024 * 10 + 5, plus 13 around them
        assertThat(result.instructions()).isEqualTo(13 + 8192 * 5 + passes * (1024 * 10 + 5L));
    }

    @Test
    void theMmioLoopReadsTheUartFlagRegisterOncePerFourInstructions() {
        BareMetalMachine machine = BenchmarkPrograms.load("mmio-loop", 500);
        BareMetalMachine.RunResult result = machine.run(1_000_000);
        assertThat(result.stop()).isEqualTo(BareMetalMachine.Stop.SYSTEM_OFF);
        assertThat(machine.cpu().x(4)).as("500 reads of an idle PL011's UARTFR").isEqualTo(500L * 0x90);
        assertThat(result.instructions()).isEqualTo(7 + 4 * 500);
    }

    @Test
    void interpretedAndTranslatedRunsOfEveryProgramEndAlike() {
        for (String name : BenchmarkPrograms.NAMES) {
            BareMetalMachine interpreted = BenchmarkPrograms.load(name, 40, BenchmarkPrograms.INTERPRETED);
            BareMetalMachine translated = BenchmarkPrograms.load(name, 40, BenchmarkPrograms.TRANSLATED);
            translated.cpu().setTranslation(true);
            translated.cpu().setTranslationThreshold(2);
            assertThat(translated.run(100_000_000)).as(name).isEqualTo(interpreted.run(100_000_000));
            assertThat(translated.cpu().registers().x()).as(name).isEqualTo(interpreted.cpu().registers().x());
            assertThat(translated.cpu().translationCount()).as(name).isPositive();
            assertThat(interpreted.cpu().translationCount()).as(name).isZero();
        }
    }

    @Test
    void anImageWithAnotherCountRunsThatManyIterations() {
        BareMetalMachine machine = new BareMetalMachine();
        machine.load("int-loop.elf", BenchmarkPrograms.imageWithCount("int-loop", 7));
        BareMetalMachine.RunResult result = machine.run(1_000_000);
        assertThat(result.stop()).isEqualTo(BareMetalMachine.Stop.SYSTEM_OFF);
        assertThat(result.instructions()).isEqualTo(6 + 4 * 7);
        assertThat(BenchmarkPrograms.image("int-loop")).as("the packaged image is left alone")
                .isNotEqualTo(BenchmarkPrograms.imageWithCount("int-loop", 7));
    }
}
