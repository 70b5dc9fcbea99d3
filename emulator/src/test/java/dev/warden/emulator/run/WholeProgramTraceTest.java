package dev.warden.emulator.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each standalone inmate runs on the bare-metal machine exactly as under
 * {@code qemu-system-aarch64 -icount shift=0}: the same UART bytes, and the same register file
 * before every instruction for the whole recorded trace (firmware-fixtures/oracle/whole-program).
 */
class WholeProgramTraceTest {

    private static final Path FIXTURES = Path.of("..", "firmware-fixtures");
    private static final Path IMAGES = FIXTURES.resolve("inmates/build/qemu-arm64-virt-standalone");
    private static final Path GOLDEN = FIXTURES.resolve("oracle/whole-program");

    @ParameterizedTest
    @ValueSource(strings = {"uart-demo", "gic-demo", "mmio-probe", "psci-cpu-on", "ivshmem-demo", "park-demo"})
    void sameUartOutputAndRegisterTraceAsQemu(String inmate) throws IOException {
        List<String> golden = traceLines(readGzip(GOLDEN.resolve(inmate + ".trace.txt.gz")));
        assertThat(golden).hasSizeGreaterThan(1000);

        BareMetalMachine machine = new BareMetalMachine();
        // The flat .bin, as a cell loads it; QEMU ran the .elf of the same link, entry 0x40080000.
        machine.load(inmate + ".bin", Files.readAllBytes(IMAGES.resolve(inmate + ".bin")));
        StringWriter trace = new StringWriter();
        TraceWriter writer = new TraceWriter(trace, "warden run-image " + inmate + ".bin", golden.size());
        BareMetalMachine.RunResult result = machine.run(10_000_000, writer);
        writer.finish();

        assertThat(result.stop()).isEqualTo(BareMetalMachine.Stop.SYSTEM_OFF);
        List<String> ours = traceLines(trace.toString());
        int firstDifference = 0;
        while (firstDifference < Math.min(ours.size(), golden.size())
                && ours.get(firstDifference).equals(golden.get(firstDifference))) firstDifference++;
        assertThat(firstDifference)
                .as("first differing trace line %d: qemu '%s', warden '%s'", firstDifference + 1,
                        firstDifference < golden.size() ? golden.get(firstDifference) : "<end>",
                        firstDifference < ours.size() ? ours.get(firstDifference) : "<end>")
                .isEqualTo(golden.size());
        assertThat(ours).hasSameSizeAs(golden);

        String uart = new String(machine.uartOutput(), StandardCharsets.ISO_8859_1);
        assertThat(uart).isEqualTo(Files.readString(GOLDEN.resolve(inmate + ".uart.txt"), StandardCharsets.ISO_8859_1));

        // Without the tracer the core runs long slices (fused branches, in-loop fast paths, and
        // translated code when it is on): the same end, the same count, the same virtual time.
        for (boolean translated : new boolean[] {false, true}) {
            BareMetalMachine untraced = new BareMetalMachine();
            untraced.cpu().setTranslation(translated);
            untraced.cpu().setTranslationThreshold(2);
            untraced.load(inmate + ".bin", Files.readAllBytes(IMAGES.resolve(inmate + ".bin")));
            BareMetalMachine.RunResult fast = untraced.run(10_000_000);
            assertThat(fast).as("translated: %b", translated).isEqualTo(result);
            assertThat(untraced.cpu().registers().x()).as("translated: %b", translated).isEqualTo(machine.cpu().registers().x());
            assertThat(untraced.cpu().registers().pc()).isEqualTo(machine.cpu().registers().pc());
            assertThat(new String(untraced.uartOutput(), StandardCharsets.ISO_8859_1)).isEqualTo(uart);
        }
    }

    static String readGzip(Path path) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.US_ASCII))) {
            StringBuilder all = new StringBuilder();
            for (String line; (line = r.readLine()) != null; ) all.append(line).append('\n');
            return all.toString();
        }
    }

    static List<String> traceLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) if (!line.isEmpty() && !line.startsWith("#")) lines.add(line);
        return lines;
    }
}
