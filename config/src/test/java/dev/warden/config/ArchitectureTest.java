package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Every architecture the format defines is a configuration to decode, encode, convert and check
 * (upstream's arm64 tree has a 32-bit inmate cell, imx8dxl-inmate-demo-aarch32: architecture 1).
 */
class ArchitectureTest {

    static byte[] inmateDemoAs(int arch) throws Exception {
        byte[] b = Files.readAllBytes(RepoFiles.cells("qemu-arm64-virt").resolve("qemu-arm64-inmate-demo.cell"));
        b[5] = (byte) arch;
        return b;
    }

    @Test
    void anArmAndAnX86CellDecodeAndEncodeByteForByte() throws Exception {
        for (int arch : new int[] {0, 1}) {
            byte[] bytes = inmateDemoAs(arch);
            CellConfig c = (CellConfig) CellConfigs.decode(bytes, "cell");
            assertThat(c.architecture().code()).isEqualTo(arch);
            assertThat(CellConfigs.encode(c)).isEqualTo(bytes);
        }
    }

    @Test
    void theYamlFormKeepsTheArchitecture() throws Exception {
        CellConfig c = (CellConfig) CellConfigs.decode(inmateDemoAs(1), "cell");
        String yaml = ConfigYaml.write(c);
        assertThat(yaml).contains("architecture: arm\n");
        assertThat(CellConfigs.encode(ConfigYaml.parse(yaml, "cell.yaml"))).isEqualTo(inmateDemoAs(1));
    }

    @Test
    void convertingToALayoutWithoutAnArchitectureByteSaysWhatIsLost() throws Exception {
        CellConfig c = (CellConfig) CellConfigs.decode(inmateDemoAs(1), "cell");
        ConfigConverter.Conversion to12 = ConfigConverter.convert(c, ConfigFormat.REV12);
        assertThat(to12.dropped()).anySatisfy(d -> assertThat(d).startsWith("architecture arm:"));
    }

    @Test
    void anArchitectureTheFormatDoesNotDefineIsStillAClearError() throws Exception {
        assertThatThrownBy(() -> CellConfigs.decode(inmateDemoAs(7), "odd.cell"))
                .isInstanceOf(ConfigFormatException.class)
                .hasMessageContaining("odd.cell").hasMessageContaining("expected x86 (0), arm (1) or arm64 (2)");
    }
}
