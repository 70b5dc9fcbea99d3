package dev.warden.emulator.run;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oracle profile: runs the short standalone inmates under qemu-system-aarch64 live (the command
 * line of record.sh) and compares QEMU's register trace and UART output with ours directly.
 * Needs qemu-system-arm and python3.
 */
@EnabledIfSystemProperty(named = "warden.oracles", matches = "true")
class WholeProgramOracleTest {

    private static final Path FIXTURES = Path.of("..", "firmware-fixtures");
    private static final Path IMAGES = FIXTURES.resolve("inmates/build/qemu-arm64-virt-standalone");
    private static final Path CONVERTER = FIXTURES.resolve("oracle/whole-program/qemu_trace_convert.py");
    private static final String QEMU = "qemu-system-aarch64 -M virt,gic-version=3 -cpu cortex-a53 -nographic -m 128 -icount shift=0,sleep=off";

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"psci-cpu-on", "ivshmem-demo", "park-demo"})
    void liveQemuAndWardenAgree(String inmate) throws Exception {
        Path elf = IMAGES.resolve(inmate + ".elf").toAbsolutePath();
        Path log = work.resolve("qemu.log");
        Path uart = work.resolve("uart.txt");
        List<String> command = new java.util.ArrayList<>(List.of(QEMU.split(" ")));
        command.addAll(List.of("-kernel", elf.toString(), "-singlestep", "-d", "cpu,nochain", "-D", log.toString()));
        run(command, null, uart.toFile());
        Path qemuTrace = work.resolve("qemu.trace");
        run(List.of("python3", CONVERTER.toAbsolutePath().toString(), log.toString()), null, qemuTrace.toFile());

        BareMetalMachine machine = new BareMetalMachine();
        machine.load(inmate + ".elf", Files.readAllBytes(elf));
        StringWriter ours = new StringWriter();
        TraceWriter writer = new TraceWriter(ours, "warden", Long.MAX_VALUE);
        machine.run(10_000_000, writer);
        writer.finish();

        List<String> qemuLines = WholeProgramTraceTest.traceLines(Files.readString(qemuTrace));
        List<String> ourLines = WholeProgramTraceTest.traceLines(ours.toString());
        assertThat(ourLines).hasSameSizeAs(qemuLines);
        for (int i = 0; i < qemuLines.size(); i++) {
            assertThat(ourLines.get(i)).as("trace line %d", i + 1).isEqualTo(qemuLines.get(i));
        }
        assertThat(new String(machine.uartOutput(), StandardCharsets.ISO_8859_1))
                .isEqualTo(Files.readString(uart, StandardCharsets.ISO_8859_1));
    }

    private void run(List<String> command, File input, File output) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.redirectInput(input != null ? ProcessBuilder.Redirect.from(input) : ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (output != null) pb.redirectOutput(output);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command.get(0)).isTrue();
        assertThat(p.exitValue()).as("%s exit status", String.join(" ", command)).isZero();
    }
}
