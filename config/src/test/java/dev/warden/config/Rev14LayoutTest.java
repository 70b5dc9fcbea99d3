package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte positions of revision 14, checked against the hex spot checks of jailhouse-facts.md 1.8. */
class Rev14LayoutTest {
    private static ByteBuffer qemu(String file) throws Exception {
        return ByteBuffer.wrap(Files.readAllBytes(RepoFiles.cells("qemu-arm64-virt").resolve(file)))
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void systemHeaderPlatformAndRootCellSitWhereTheFactsSay() throws Exception {
        ByteBuffer b = qemu("qemu-arm64.cell");
        byte[] head = new byte[8];
        b.get(0, head);
        assertThat(head).containsExactly(0x4a, 0x48, 0x53, 0x59, 0x53, 0x02, 0x0e, 0x00);
        assertThat(b.getInt(8)).isEqualTo(1);
        assertThat(b.getLong(12)).isEqualTo(0x7fc00000L);
        assertThat(b.getLong(28)).isEqualTo(0x400000L);
        assertThat(b.getLong(44)).isEqualTo(0x09000000L);
        assertThat(b.getInt(52)).isEqualTo(0x1000);
        assertThat(b.getShort(56)).isEqualTo((short) 3);
        assertThat(b.getShort(58)).isEqualTo((short) 3);
        assertThat(b.getLong(76)).isEqualTo(0x08e00000L);
        assertThat(b.get(85)).isEqualTo((byte) 1);
        assertThat(b.getShort(86)).isEqualTo((short) 1);
        assertThat(b.get(312)).isEqualTo((byte) 25);
        assertThat(b.get(313)).isEqualTo((byte) 3);
        assertThat(b.getLong(316)).isEqualTo(0x08000000L);
        assertThat(b.getLong(348)).isEqualTo(0x080a0000L);
        byte[] name = new byte[10];
        b.get(364, name);
        assertThat(new String(name, StandardCharsets.US_ASCII)).isEqualTo("qemu-arm64");
        assertThat(b.getInt(404)).isEqualTo(8);
        assertThat(b.getInt(408)).isEqualTo(12);
        assertThat(b.getShort(488)).isEqualTo((short) 0xffff);
    }

    @Test
    void cellDescriptorSitsWhereTheFactsSay() throws Exception {
        ByteBuffer b = qemu("qemu-arm64-inmate-demo.cell");
        assertThat(new String(b.array(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("JHCLL");
        assertThat(b.get(5)).isEqualTo((byte) 2);
        assertThat(b.getShort(6)).isEqualTo((short) 14);
        assertThat(new String(b.array(), 8, 11, StandardCharsets.US_ASCII)).isEqualTo("inmate-demo");
        assertThat(b.getInt(44)).isEqualTo(1);
        assertThat(b.getInt(80)).isEqualTo(112);
        assertThat(b.getLong(100)).isEqualTo(0x09000000L);
        assertThat(b.getShort(112)).isEqualTo((short) 3);
        assertThat(b.getShort(114)).isEqualTo((short) 3);
        assertThat(b.get(132)).isEqualTo((byte) 2);
        assertThat(b.getLong(140)).isEqualTo(0x7faf0000L);
    }

    @Test
    void decodedModelHasThePlainAccessorsTheHypervisorUses() throws Exception {
        SystemConfig s = (SystemConfig) CellConfigs.read(RepoFiles.cells("k3-j721e-evm").resolve("k3-j721e-evm.cell"));
        assertThat(s.name()).isEqualTo("k3-j721e-evm");
        assertThat(s.rootCell().cpuList()).containsExactly(0, 1);
        assertThat(s.platform().gicdBase()).isEqualTo(0x1800000L);
        assertThat(s.platform().gicrBase()).isEqualTo(0x1900000L);
        assertThat(s.platform().activeIommuUnits()).extracting(IommuUnit::type)
                .containsExactly(IommuUnit.TYPE_SMMUV3, IommuUnit.TYPE_PVU, IommuUnit.TYPE_PVU, IommuUnit.TYPE_PVU);
        assertThat(s.platform().activeIommuUnits().get(3).tlbBase()).isEqualTo(0x360c0000L);
        assertThat(s.rootCell().streamIds()).hasSize(30).startsWith(0x2, 0xf002);
        assertThat(s.rootCell().irqchips().get(5).interrupts()).first().isEqualTo(800);
        assertThat(s.rootCell().pciDevices()).extracting(PciDevice::bdfText).containsExactly("00:00.0", "00:01.0");
        assertThat(s.rootCell().memoryRegions().subList(4, 8))
                .isEqualTo(ShmemNet.regions(0x89fe40000L, 0));
        assertThat(s.debugConsole().flags()).isEqualTo(0x2003);
        CellConfig linux = (CellConfig) CellConfigs.read(
                RepoFiles.cells("k3-j721e-evm").resolve("k3-j721e-evm-linux-demo.cell"));
        assertThat(linux.irqchips().get(0).interrupts()).containsExactly(35, 71, 136, 142, 153);
        assertThat(linux.irqchips().get(0).pinBitmap()).isEqualTo(List.of(0x8, 0x80, 0, 0x02004100));
    }
}
