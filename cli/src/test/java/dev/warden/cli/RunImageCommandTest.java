package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code warden run-image} on the standalone inmates and their QEMU goldens. */
class RunImageCommandTest {

    private static final Path FIXTURES = Path.of("..", "firmware-fixtures");
    private static final Path IMAGES = FIXTURES.resolve("inmates/build/qemu-arm64-virt-standalone");
    private static final Path GOLDEN = FIXTURES.resolve("oracle/whole-program");

    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) { }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new WardenCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aFlatBinaryPrintsWhatQemuPrintsAndEndsAtSystemOff() throws IOException {
        Result r = run("run-image", "--board", "qemu-arm64-virt", "--kernel", IMAGES.resolve("uart-demo.bin").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String uart = Files.readString(GOLDEN.resolve("uart-demo.uart.txt"), StandardCharsets.ISO_8859_1);
        assertThat(r.out()).startsWith(uart);
        // as many instructions as QEMU executed (the golden trace's last line), and the timer's virtual time
        String qemuEnd = gunzip(GOLDEN.resolve("uart-demo.trace.txt.gz")).lines().filter(l -> l.startsWith("# end: ")).findFirst()
                .orElseThrow().substring("# end: ".length());
        assertThat(r.out()).contains("run-image: stopped by PSCI SYSTEM_OFF: " + qemuEnd + ", virtual time 119.140902 ms,");
    }

    @Test
    void theTraceFileIsQemusTrace() throws IOException {
        Path trace = tmp.resolve("psci.trace");
        Result r = run("run-image", "--board", "qemu-arm64-virt", "--kernel", IMAGES.resolve("psci-cpu-on.elf").toString(),
                "--trace", trace.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(body(Files.readString(trace))).isEqualTo(body(gunzip(GOLDEN.resolve("psci-cpu-on.trace.txt.gz"))));
        assertThat(Files.readString(trace)).startsWith("# warden whole-program trace v1\n");
    }

    @Test
    void theInstructionLimitStopsTheRunWithStatusOne() {
        Result r = run("run-image", "--board", "qemu-arm64-virt", "--kernel", IMAGES.resolve("uart-demo.elf").toString(),
                "--max-instructions", "1000");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("stopped by the instruction limit: 1000 instructions, virtual time 0.001000 ms");
    }

    @Test
    void anUnsupportedBoardIsNamed() {
        Result r = run("run-image", "--board", "k3-am654-idk", "--kernel", IMAGES.resolve("uart-demo.elf").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("board 'k3-am654-idk' is not supported; supported: qemu-arm64-virt");
    }

    @Test
    void aBrokenElfNamesTheFileOffsetAndExpectation() throws IOException {
        Path broken = tmp.resolve("broken.elf");
        byte[] elf = Files.readAllBytes(IMAGES.resolve("uart-demo.elf"));
        elf[18] = 62; // EM_X86_64
        Files.write(broken, elf);
        Result r = run("run-image", "--board", "qemu-arm64-virt", "--kernel", broken.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(broken + ": at offset 18: expected machine EM_AARCH64 (183), found 62");
    }

    @Test
    void aMissingImageIsReported() {
        Result r = run("run-image", "--board", "qemu-arm64-virt", "--kernel", tmp.resolve("nope.bin").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read").contains("nope.bin");
    }

    private static String gunzip(Path path) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static List<String> body(String trace) {
        return trace.lines().filter(l -> !l.startsWith("# source:")).toList();
    }
}
