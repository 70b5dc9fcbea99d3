package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.check.ConfigChecker;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Configurations of older public trees, written in YAML by hand from their C sources and facts:
 * the encoder's output has the size of each layout's formula and the documented field offsets,
 * decodes back byte for byte, converts to revision 14 and is checked without a crash.
 */
class PublicTreesTest {
    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String ascii(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.US_ASCII);
    }

    @Test
    void jailhouseV010QemuArm64() {
        JailhouseConfig yaml = ConfigYaml.read(RepoFiles.resource("config/public-trees/v0.10-qemu-arm64.yaml"));
        byte[] bytes = CellConfigs.encode(yaml);
        // 394-byte system header + 8 CPU bytes + 3 regions + 1 irqchip + 1 PCI device (older-revisions 4)
        assertThat(bytes).hasSize(394 + 8 + 3 * 32 + 32 + 56).hasSize(586);
        ByteBuffer b = le(bytes);
        assertThat(ascii(bytes, 0, 6)).isEqualTo("JHSYST");
        assertThat(b.getShort(6)).isEqualTo((short) 10);
        assertThat(b.getLong(76)).isEqualTo(0x07000000L);
        assertThat(bytes[84]).isEqualTo((byte) 0);
        assertThat(bytes[85]).isEqualTo((byte) 1);
        assertThat(b.getShort(86)).isEqualTo((short) 1);
        assertThat(bytes[88]).isEqualTo((byte) 0x19);
        assertThat(bytes[89]).isEqualTo((byte) 3);
        assertThat(b.getLong(90)).isEqualTo(0x08000000L);
        assertThat(b.getLong(122)).isEqualTo(0x080a0000L);
        assertThat(ascii(bytes, 274, 10)).isEqualTo("qemu-arm64");
        assertThat(b.getInt(314)).isEqualTo(8);
        assertThat(b.getInt(318)).isEqualTo(3);
        // PCI device: v0.10 protocol VETH 0x0100 at byte 52 of the 56-byte struct
        int pci = 394 + 8 + 3 * 32 + 32;
        assertThat(b.getShort(pci + 52)).isEqualTo((short) 0x0100);

        JailhouseConfig decoded = CellConfigs.decode(bytes, "qemu-arm64.cell");
        assertThat(decoded.format()).isEqualTo(ConfigFormat.REV10);
        assertThat(decoded).isEqualTo(yaml);
        assertThat(CellConfigs.encode(decoded)).isEqualTo(bytes);

        ConfigConverter.Conversion to14 = ConfigConverter.convert(decoded, ConfigFormat.REV14);
        byte[] rev14 = CellConfigs.encode(to14.config(), 14);
        assertThat(rev14).hasSize(488 + 8 + 3 * 32 + 32 + 56);
        SystemConfig s14 = (SystemConfig) CellConfigs.decode(rev14, "converted.cell");
        assertThat(s14.rootCell().pciDevices().get(0).shmemProtocol()).isEqualTo(0x0001);
        assertThat(to14.dropped()).anyMatch(d -> d.contains("ivshmem") && d.contains("00:00.0"));
        assertThat(ConfigChecker.check(s14, List.of(), Optional.empty())).isNotNull();
    }

    @Test
    void tiForkCellWithStreamIdsAndRegmap() {
        JailhouseConfig yaml = ConfigYaml.read(RepoFiles.resource("config/public-trees/ti2019.03-k3-j721e-regmap.yaml"));
        byte[] bytes = CellConfigs.encode(yaml);
        assertThat(bytes).hasSize(136 + 8 + 3 * 32 + 32 + 2 * 4 + 49);
        ByteBuffer b = le(bytes);
        assertThat(ascii(bytes, 0, 6)).isEqualTo("JHCELL");
        assertThat(b.getShort(6)).isEqualTo((short) 12);
        assertThat(b.getInt(76)).isEqualTo(2);
        assertThat(b.getInt(80)).isEqualTo(1);
        assertThat(b.getInt(84)).isEqualTo(163);
        assertThat(b.getLong(104)).isEqualTo(0x2810000L);
        int regmap = bytes.length - 49;
        assertThat(b.getLong(regmap)).isEqualTo(0x11c000L);
        assertThat(b.getInt(regmap + 8)).isEqualTo(256);
        assertThat(bytes[regmap + 12]).isEqualTo((byte) 4);
        assertThat(b.getInt(regmap + 13)).isEqualTo(3);
        assertThat(b.getInt(regmap + 17 + 3 * 4)).isEqualTo(0xc0000000);

        JailhouseConfig decoded = CellConfigs.decode(bytes, "k3-j721e-evm-linux-demo.cell");
        assertThat(decoded.format()).isEqualTo(ConfigFormat.TI12);
        assertThat(CellConfigs.encode(decoded)).isEqualTo(bytes);
        ConfigConverter.Conversion to14 = ConfigConverter.convert(decoded, ConfigFormat.REV14);
        assertThat(to14.dropped()).singleElement().asString().contains("regmap 0x11c000").contains("126-127");
        assertThat(CellConfigs.encode(to14.config())).hasSize(132 + 8 + 3 * 32 + 32 + 2 * 4);
    }

    @Test
    void tiForkSystemWithPvuUnitsUsesTiCodesAndOffsets() {
        JailhouseConfig yaml = ConfigYaml.read(
                RepoFiles.resource("config/public-trees/ti2019.03-k3-j721e-evm-system.yaml"));
        byte[] bytes = CellConfigs.encode(yaml);
        assertThat(bytes).hasSize(554 + 8 + 32 + 32 + 2 * 4 + 49);
        ByteBuffer b = le(bytes);
        // unit i at 130 + 36 i; TI type codes one lower (SMMUv3 2, PVU 3); PVU TLB base at +20
        assertThat(b.getInt(130)).isEqualTo(2);
        assertThat(b.getLong(134)).isEqualTo(0x36600000L);
        assertThat(b.getInt(166)).isEqualTo(3);
        assertThat(b.getLong(166 + 4)).isEqualTo(0x30f80000L);
        assertThat(b.getLong(166 + 20)).isEqualTo(0x36000000L);
        assertThat(b.getInt(166 + 28)).isEqualTo(0x40000);
        assertThat(ascii(bytes, 426, 12)).isEqualTo("k3-j721e-evm");
        assertThat(b.getInt(498)).isEqualTo(1);

        JailhouseConfig decoded = CellConfigs.decode(bytes, "k3-j721e-evm.cell");
        assertThat(decoded.format()).isEqualTo(ConfigFormat.TI12);
        assertThat(CellConfigs.encode(decoded)).isEqualTo(bytes);
        SystemConfig s14 = (SystemConfig) ConfigConverter.convert(decoded, ConfigFormat.REV14).config();
        assertThat(s14.platform().activeIommuUnits()).extracting(IommuUnit::type)
                .containsExactly(3, 4, 4, 4);
        byte[] rev14 = CellConfigs.encode(s14);
        assertThat(le(rev14).getLong(88 + 28 + 16)).isEqualTo(0x36000000L);
        assertThat(ConfigChecker.check(s14, List.of(), Optional.empty())).isNotNull();
    }

    @Test
    void upstreamV012LayoutOfTheQemuRootCell() throws Exception {
        JailhouseConfig master = CellConfigs.read(RepoFiles.cells("qemu-arm64-virt").resolve("qemu-arm64.cell"));
        ConfigConverter.Conversion c = ConfigConverter.convert(master, ConfigFormat.REV12);
        assertThat(c.dropped()).isEmpty();
        byte[] bytes = CellConfigs.encode(c.config(), 12);
        assertThat(bytes).hasSize(1022);
        ByteBuffer b = le(bytes);
        assertThat(ascii(bytes, 0, 6)).isEqualTo("JHSYST");
        assertThat(b.getLong(90)).isEqualTo(0x08000000L);
        assertThat(b.getLong(122)).isEqualTo(0x080a0000L);
        assertThat(ascii(bytes, 362, 10)).isEqualTo("qemu-arm64");
        assertThat(b.getInt(406)).isEqualTo(12);
        JailhouseConfig back = CellConfigs.decode(bytes, "qemu-arm64.cell");
        assertThat(back.format()).isEqualTo(ConfigFormat.REV12);
        assertThat(ConfigConverter.convert(back, ConfigFormat.REV14).config()).isEqualTo(master);
    }
}
