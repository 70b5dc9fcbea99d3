package dev.warden.cli;

import static dev.warden.cli.DtCliFixtures.fixture;
import static dev.warden.cli.DtCliFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden dt apply} through WardenCli.execute, against fdtoverlay's goldens. */
class DtApplyCommandTest {
    private static final String BASE = "k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb";

    @TempDir
    Path tmp;

    @Test
    void appliesTheJailhouseOverlayLikeFdtoverlay() throws Exception {
        Path out = tmp.resolve("merged.dtb");
        DtCliFixtures.Result r = run("dt", "apply", fixture(BASE),
                fixture("k3-am654-idk/boot/dtb/ti/k3-am654-idk-jailhouse.dtbo"),
                fixture("k3-am654-idk/boot/dtb/ti/k3-am654-disable-main-uart1.dtbo"), "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllBytes(out))
                .isEqualTo(Files.readAllBytes(Path.of(fixture("dt-oracle/golden/overlay/am654-jailhouse-then-uart1.dtb"))));
    }

    @Test
    void aMissingLabelFailsWithFdtoverlaysLine() {
        Path out = tmp.resolve("never.dtb");
        String overlay = fixture("k3-am654-idk/boot/dtb/ti/k3-am654-missing-label.dtbo");
        DtCliFixtures.Result r = run("dt", "apply", fixture(BASE), overlay, "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Failed to apply '" + overlay + "': FDT_ERR_NOTFOUND\n");
        assertThat(r.err()).containsPattern("\n  " + java.util.regex.Pattern.quote(overlay)
                + ": offset 0x[0-9a-f]+: label 'main_uart7' \\(used at /fragment@0:target:0\\) is not in the base's"
                + " /__symbols__ \\(FDT_ERR_NOTFOUND\\)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBaseWithoutSymbolsNamesTheCause() {
        DtCliFixtures.Result r = run("dt", "apply",
                fixture("k3-am654-idk/boot/dtb/ti/k3-am654-base-board-no-symbols.dtb"),
                fixture("k3-am654-idk/boot/dtb/ti/k3-am654-idk-jailhouse.dtbo"), "-o", tmp.resolve("x.dtb").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(": FDT_ERR_NOTFOUND\n").contains("compile the base with dtc -@");
    }

    @Test
    void aFileThatIsNoBlobIsNamed() throws Exception {
        Path junk = tmp.resolve("junk.dtbo");
        Files.writeString(junk, "this is not a device tree at all, just text");
        DtCliFixtures.Result r = run("dt", "apply", fixture(BASE), junk.toString(), "-o", tmp.resolve("x.dtb").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(junk + ": offset 0x0: expected magic 0xd00dfeed, found 0x74686973 (FDT_ERR_BADMAGIC)\n");
    }

    @Test
    void aMissingFileIsNamed() {
        DtCliFixtures.Result r = run("dt", "apply", fixture(BASE), "/nonexistent/x.dtbo", "-o", tmp.resolve("x.dtb").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("/nonexistent/x.dtbo: no such file\n");
    }

    @Test
    void theOutputOptionIsRequired() {
        DtCliFixtures.Result r = run("dt", "apply", fixture(BASE), fixture("k3-am654-idk/boot/dtb/ti/k3-am654-idk-jailhouse.dtbo"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--output=OUT.dtb'");
    }
}
