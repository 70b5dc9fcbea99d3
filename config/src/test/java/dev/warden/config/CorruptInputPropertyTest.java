package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Damaged files are rejected with a ConfigFormatException naming the file, never another exception. */
class CorruptInputPropertyTest {
    private record Damage(String file, int cut, List<Integer> offsets, List<Integer> values) {
    }

    private static final List<String> CELLS = List.of("k3-j721e-evm/cells/k3-j721e-evm.cell",
            "k3-j721e-evm/cells/k3-j721e-evm-linux-demo.cell", "qemu-arm64-virt/cells/qemu-arm64-inmate-demo.cell");

    @Provide
    Arbitrary<Damage> damage() {
        return Combinators.combine(Arbitraries.of(CELLS), Arbitraries.integers().between(0, 3000),
                Arbitraries.integers().between(0, 2400).list().ofMaxSize(4),
                Arbitraries.integers().between(0, 255).list().ofSize(4)).as(Damage::new);
    }

    @Property(tries = 300)
    void damagedBinariesFailCleanly(@ForAll("damage") Damage d) throws Exception {
        byte[] bytes = Files.readAllBytes(RepoFiles.root().resolve("firmware-fixtures").resolve(d.file()));
        for (int i = 0; i < d.offsets().size(); i++) {
            if (d.offsets().get(i) < bytes.length) {
                bytes[d.offsets().get(i)] = (byte) (int) d.values().get(i);
            }
        }
        byte[] data = Arrays.copyOf(bytes, Math.min(bytes.length, d.cut()));
        try {
            JailhouseConfig c = CellConfigs.decode(data, "damaged.cell");
            assertThat(CellConfigs.encode(c)).isEqualTo(data);
        } catch (ConfigFormatException e) {
            assertThat(e.getMessage()).startsWith("damaged.cell: offset 0x");
        }
    }

    @Property(tries = 300)
    void damagedYamlFailsCleanly(@ForAll("yamlDamage") String text) {
        try {
            ConfigYaml.parse(text, "damaged.yaml");
        } catch (ConfigFormatException e) {
            assertThat(e.getMessage()).startsWith("damaged.yaml: ");
        }
    }

    @Provide
    Arbitrary<String> yamlDamage() throws Exception {
        String yaml = Files.readString(RepoFiles.cells("k3-j721e-evm").resolve("k3-j721e-evm-linux-demo.yaml"));
        Arbitrary<String> junk = Arbitraries.of("", "-", ":", "0x", "99999999999", "[", "{", "\"", "READ |", "0-999999",
                "\n  - ", "flags", "  ", "name: x\n", "\t");
        return Combinators.combine(Arbitraries.integers().between(0, yaml.length()), Arbitraries.integers().between(0, 40),
                junk).as((at, drop, j) -> yaml.substring(0, at) + j + yaml.substring(Math.min(yaml.length(), at + drop)));
    }
}
