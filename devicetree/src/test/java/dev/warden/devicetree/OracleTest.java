package dev.warden.devicetree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.devicetree.Fixtures.OverlayCase;
import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.overlay.Overlays;
import dev.warden.devicetree.print.DtsPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs Debian's dtc / fdtoverlay live (mvn -Poracles) and compares with Warden, so the
 * committed goldens cannot drift from the tools: overlay results, DTS text, and the committed
 * fixture blobs rebuilt from their sources.
 */
@EnabledIfSystemProperty(named = "warden.oracles", matches = "true")
class OracleTest {

    @TempDir
    Path tmp;

    record Run(int rc, String stderr, String stdout) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(Fixtures.root().toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Run(p.exitValue(), new String(err, StandardCharsets.UTF_8), new String(out, StandardCharsets.UTF_8));
    }

    static List<OverlayCase> cases() {
        return Fixtures.overlayCases();
    }

    static List<String> blobs() {
        return Fixtures.allBlobs();
    }

    /** QEMU's own tree has no source; QemuVirtFixturesOracleTest re-dumps it from QEMU instead. */
    static List<String> builtBlobs() {
        return Fixtures.dtcBuiltBlobs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fdtoverlayAgreesLive(OverlayCase c) throws Exception {
        Path out = tmp.resolve(c.name() + ".dtb");
        List<String> cmd = new ArrayList<>(List.of("fdtoverlay", "-i", c.base(), "-o", out.toString()));
        cmd.addAll(c.overlays());
        Run live = run(cmd);

        FdtBlob base = FdtBlob.loadChecked(Fixtures.bytes(c.base()), c.base());
        List<FdtBlob> overlays = c.overlays().stream()
                .map(o -> FdtBlob.loadChecked(Fixtures.bytes(o), o)).collect(Collectors.toList());
        if (live.rc() == 0) {
            assertThat(Overlays.fdtoverlay(base, overlays)).isEqualTo(Files.readAllBytes(out));
        } else {
            FdtException e = catchThrowableOfType(FdtException.class, () -> Overlays.fdtoverlay(base, overlays));
            assertThat(e).isNotNull();
            assertThat(live.stderr()).contains(Overlays.fdtoverlayFailureLine(e));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blobs")
    void dtcDecompilesLikeOurPrinter(String blob) throws Exception {
        Run live = run(List.of("dtc", "-q", "-I", "dtb", "-O", "dts", blob));
        assertThat(live.rc()).isZero();
        assertThat(DtsPrinter.print(DeviceTree.read(Fixtures.bytes(blob), blob))).isEqualTo(live.stdout());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtBlobs")
    void committedBlobIsWhatDtcBuildsFromTheSource(String blob) throws Exception {
        String source = sourceOf(blob);
        Path out = tmp.resolve("rebuilt.dtb");
        List<String> cmd = new ArrayList<>(List.of("dtc"));
        // the no-symbols base and the inmates' trees are built without -@ (see the boards' Makefiles)
        if (!blob.contains("no-symbols") && !blob.substring(blob.lastIndexOf('/') + 1).startsWith("inmate-")) {
            cmd.add("-@");
        }
        cmd.addAll(List.of("-q", "-I", "dts", "-O", "dtb", "-o", out.toString(), source));
        Run live = run(cmd);
        assertThat(live.rc()).as(live.stderr()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(blob));
    }

    /** board/boot/dtb[/ti]/x.dtb(o) -> board/boot/src/x.dts(o); dt-oracle blobs sit next to their sources. */
    private static String sourceOf(String blob) {
        String src = blob.endsWith(".dtbo") ? blob.replaceAll("\\.dtbo$", ".dtso") : blob.replaceAll("\\.dtb$", ".dts");
        if (src.contains("/boot/dtb/")) {
            src = src.replaceFirst("/boot/dtb/(ti/)?", "/boot/src/");
        }
        return src.replace("-no-symbols.dts", ".dts");
    }
}
