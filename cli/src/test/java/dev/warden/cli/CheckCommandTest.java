package dev.warden.cli;

import static dev.warden.cli.DtCliFixtures.fixture;
import static dev.warden.cli.DtCliFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden check}: exit code 0 clean, 1 error findings, 2 unusable input; text, JSON, SARIF. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    @Test
    void cleanSetExitsZero() {
        DtCliFixtures.Result r = run("check", fixture("qemu-arm64-virt/cells/qemu-arm64.cell"),
                fixture("qemu-arm64-virt/cells/qemu-arm64-inmate-demo.cell"),
                fixture("qemu-arm64-virt/cells/qemu-arm64-linux-demo.cell"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Root cell:     qemu-arm64 (").contains("No findings.");
    }

    @Test
    void errorFindingsExitOneInEveryFormat() {
        String[] set = {fixture("k3-j721e-evm/cells/k3-j721e-evm.cell"),
            fixture("k3-j721e-evm/cells/k3-j721e-evm-inmate-demo.cell"),
            fixture("k3-j721e-evm/cells/k3-j721e-evm-linux-demo.cell")};
        DtCliFixtures.Result text = run(concat(new String[] {"check"}, set));
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("error [cpus/shared]");
        DtCliFixtures.Result json = run(concat(new String[] {"check", "--format", "json"}, set));
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.out()).startsWith("{").contains("\"rule\": \"cpus/shared\"");
        DtCliFixtures.Result sarif = run(concat(new String[] {"check", "--format", "sarif"}, set));
        assertThat(sarif.exitCode()).isEqualTo(1);
        assertThat(sarif.out()).contains("\"ruleId\": \"cpus/shared\"");
    }

    @Test
    void jailhouseFormatGivesTheToolsTranscriptAndVerdict() {
        DtCliFixtures.Result r = run("check", "--format", "jailhouse", fixture("k3-j721e-evm/cells/k3-j721e-evm.cell"),
                fixture("k3-j721e-evm/cells/k3-j721e-evm-inmate-demo.cell"),
                fixture("k3-j721e-evm/cells/k3-j721e-evm-linux-demo.cell"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Reading configuration set:\n  Architecture:  arm64\n  Root cell:     k3-j721e-evm (")
                .contains("Missing IOMMU interceptions: None\n")
                .endsWith("Missing resource interceptions for architecture arm64: None\n");
    }

    @Test
    void jailhouseFormatAnswersUnparsableFilesAsTheToolDoes() throws Exception {
        Path stale = tmp.resolve("stale.cell");
        byte[] cell = Files.readAllBytes(Path.of(fixture("qemu-arm64-virt/cells/qemu-arm64-inmate-demo.cell")));
        cell[6] = 13;
        Files.write(stale, cell);
        String root = fixture("qemu-arm64-virt/cells/qemu-arm64.cell");
        DtCliFixtures.Result r = run("check", "--format", "jailhouse", root, stale.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("Reading configuration set:\n  Architecture:  arm64\n  Root cell:     qemu-arm64 ("
                + root + ")\n");
        assertThat(r.err()).isEqualTo("Configuration file revision mismatch: " + stale + "\n");
        DtCliFixtures.Result swapped = run("check", "--format", "jailhouse", stale.toString());
        assertThat(swapped.exitCode()).isEqualTo(1);
        assertThat(swapped.err()).isEqualTo("Configuration file revision mismatch: " + stale + "\n");
        DtCliFixtures.Result notRoot = run("check", "--format", "jailhouse",
                fixture("qemu-arm64-virt/cells/qemu-arm64-inmate-demo.cell"));
        assertThat(notRoot.err()).startsWith("Not a root cell configuration: ");
        DtCliFixtures.Result plain = run("check", stale.toString());
        assertThat(plain.exitCode()).isEqualTo(2);
    }

    @Test
    void deviceTreeWithOverlays() {
        String base = fixture("k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb");
        DtCliFixtures.Result without = run("check", fixture("k3-am654-idk/cells/k3-am654-idk.cell"), "--dtb", base);
        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.out()).contains("error [dt/hypervisor-not-reserved]");
        DtCliFixtures.Result with = run("check", fixture("k3-am654-idk/cells/k3-am654-idk.cell"), "--dtb", base,
                "--overlay", fixture("k3-am654-idk/boot/dtb/ti/k3-am654-idk-jailhouse.dtbo"));
        assertThat(with.exitCode()).as(with.out()).isZero();
    }

    @Test
    void unusableInputExitsTwo() throws Exception {
        DtCliFixtures.Result swapped = run("check", fixture("qemu-arm64-virt/cells/qemu-arm64-inmate-demo.cell"));
        assertThat(swapped.exitCode()).isEqualTo(2);
        assertThat(swapped.err()).contains("not a system configuration (it is the cell 'inmate-demo')");
        Path cut = tmp.resolve("cut.cell");
        byte[] full = Files.readAllBytes(Path.of(fixture("qemu-arm64-virt/cells/qemu-arm64.cell")));
        Files.write(cut, java.util.Arrays.copyOf(full, 600));
        DtCliFixtures.Result truncated = run("check", cut.toString());
        assertThat(truncated.exitCode()).isEqualTo(2);
        assertThat(truncated.err()).startsWith("cut.cell: offset 0x250: mem_regions[3] (num_memory_regions = 12) "
                + "truncated: expected 32 bytes, 8 remain");
        DtCliFixtures.Result missing = run("check", tmp.resolve("nope.cell").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.cell: no such file");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
