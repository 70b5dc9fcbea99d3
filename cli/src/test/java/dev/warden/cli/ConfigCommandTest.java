package dev.warden.cli;

import static dev.warden.cli.DtCliFixtures.fixture;
import static dev.warden.cli.DtCliFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden config decode | encode | convert} through WardenCli.execute. */
class ConfigCommandTest {
    @TempDir
    Path tmp;

    @Test
    void decodeThenEncodeGivesTheSameBytes() throws Exception {
        String cell = fixture("k3-am654-idk/cells/k3-am654-idk-linux-demo.cell");
        DtCliFixtures.Result decoded = run("config", "decode", cell);
        assertThat(decoded.exitCode()).as(decoded.err()).isZero();
        assertThat(decoded.out()).contains("kind: cell").contains("name: \"k3-am654-idk-linux-demo\"")
                .contains("cpus: \"2-3\"").contains("- {shmem-net: 0x8dfb00000, dev-id: 1}")
                .contains("interrupts: \"189-190\"");
        Path yaml = tmp.resolve("linux.yaml");
        Files.writeString(yaml, decoded.out());
        Path out = tmp.resolve("linux.cell");
        DtCliFixtures.Result encoded = run("config", "encode", yaml.toString(), "-o", out.toString());
        assertThat(encoded.exitCode()).as(encoded.err()).isZero();
        assertThat(encoded.out()).isEqualTo("wrote " + out + " (956 bytes)\n");
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(Path.of(cell)));
    }

    @Test
    void convertNamesWhatCannotBeCarried() throws Exception {
        Path out = tmp.resolve("j721e-v010.cell");
        DtCliFixtures.Result r = run("config", "convert", fixture("k3-j721e-evm/cells/k3-j721e-evm.cell"),
                "--to", "10", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("not carried: platform.iommu_units[0] (smmuv3 at 0x36600000)")
                .contains("not carried: root cell 'k3-j721e-evm' stream_ids");
        assertThat(Files.readAllBytes(out)).startsWith("JHSYST".getBytes());
        Path back = tmp.resolve("back.cell");
        DtCliFixtures.Result r2 = run("config", "convert", out.toString(), "--to", "14", "-o", back.toString());
        assertThat(r2.exitCode()).as(r2.err()).isZero();
        assertThat(r2.out()).contains("revision 14");
    }

    @Test
    void badInputExitsWith2AndNamesTheProblem() throws Exception {
        Path bad = tmp.resolve("bad.cell");
        Files.write(bad, new byte[] {'J', 'H', 'C', 'L', 'L', 2, 13, 0});
        DtCliFixtures.Result r = run("config", "decode", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("bad.cell: offset 0x6: configuration revision 13 is not supported");
        Path yaml = tmp.resolve("bad.yaml");
        Files.writeString(yaml, "kind: cell\nname: x\ncpus: \"1\"\ncolor: blue\n");
        DtCliFixtures.Result e = run("config", "encode", yaml.toString(), "-o", tmp.resolve("x.cell").toString());
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.err()).startsWith("bad.yaml: line 4: unknown key 'color'");
        DtCliFixtures.Result c = run("config", "convert", bad.toString(), "--to", "15", "-o", "x");
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).contains("--to: unknown configuration format '15'");
    }
}
