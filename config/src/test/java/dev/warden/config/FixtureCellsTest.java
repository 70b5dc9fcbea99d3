package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed .cell files of the three boards are exactly what their YAML compiles to. */
class FixtureCellsTest {
    static Stream<Path> sources() throws Exception {
        return RepoFiles.allCellYaml().stream();
    }

    @ParameterizedTest
    @MethodSource("sources")
    void committedBinaryMatchesYaml(Path yaml) throws Exception {
        byte[] compiled = CompileCells.compile(yaml);
        Path cell = CompileCells.target(yaml);
        assertThat(cell).exists();
        assertThat(Files.readAllBytes(cell))
                .as("%s is stale: run CompileCells on %s", cell.getFileName(), yaml.getParent())
                .isEqualTo(compiled);
    }

    @ParameterizedTest
    @MethodSource("sources")
    void binaryDecodesReencodesAndRoundTripsThroughYaml(Path yaml) throws Exception {
        byte[] bytes = Files.readAllBytes(CompileCells.target(yaml));
        JailhouseConfig decoded = CellConfigs.decode(bytes, yaml.getFileName().toString());
        assertThat(CellConfigs.encode(decoded)).isEqualTo(bytes);
        assertThat(CellConfigs.sizeOf(decoded, decoded.format())).isEqualTo(bytes.length);
        JailhouseConfig again = ConfigYaml.parse(ConfigYaml.write(decoded), "rewritten.yaml");
        assertThat(again).isEqualTo(decoded);
    }

    @Test
    void everyBoardHasRootInmateAndLinuxCell() throws Exception {
        List<String> names = RepoFiles.allCellYaml().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains("k3-am654-idk.yaml", "k3-am654-idk-inmate-demo.yaml",
                "k3-am654-idk-linux-demo.yaml", "k3-j721e-evm.yaml", "k3-j721e-evm-inmate-demo.yaml",
                "k3-j721e-evm-linux-demo.yaml", "qemu-arm64.yaml", "qemu-arm64-inmate-demo.yaml",
                "qemu-arm64-linux-demo.yaml");
    }

    /** Sizes of the upstream builds (jailhouse-facts.md 6.1); the j721e root has 4 more regions (split windows). */
    @Test
    void sizesMatchTheUpstreamBuilds() throws Exception {
        assertThat(size("qemu-arm64-virt", "qemu-arm64.cell")).isEqualTo(1024);
        assertThat(size("qemu-arm64-virt", "qemu-arm64-inmate-demo.cell")).isEqualTo(484);
        assertThat(size("qemu-arm64-virt", "qemu-arm64-linux-demo.cell")).isEqualTo(700);
        assertThat(size("k3-am654-idk", "k3-am654-idk.cell")).isEqualTo(1568);
        assertThat(size("k3-am654-idk", "k3-am654-idk-inmate-demo.cell")).isEqualTo(236);
        assertThat(size("k3-am654-idk", "k3-am654-idk-linux-demo.cell")).isEqualTo(956);
        assertThat(size("k3-j721e-evm", "k3-j721e-evm.cell")).isEqualTo(2200 + 4 * 32);
        assertThat(size("k3-j721e-evm", "k3-j721e-evm-inmate-demo.cell")).isEqualTo(452);
        assertThat(size("k3-j721e-evm", "k3-j721e-evm-linux-demo.cell")).isEqualTo(1092);
    }

    private static long size(String board, String file) throws Exception {
        return Files.size(RepoFiles.cells(board).resolve(file));
    }
}
