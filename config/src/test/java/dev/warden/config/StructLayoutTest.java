package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every element struct at the offsets of jailhouse-facts.md 1.3-1.5 and older-revisions 3.3. */
class StructLayoutTest {
    private static final int DESC = 132;

    private static CellConfig oneOfEach(ConfigFormat f, PciDevice pci) {
        boolean legacy = f.legacyFlags();
        return new CellConfig(f, RawBytes.EMPTY, "structs", 7, 0x40000001, 8, CpuSet.parse("1,3"),
                List.of(new MemoryRegion(0x1111111122222222L, 0x3333333344444444L, 0x5555555566666666L, 0x8000000000000013L)),
                List.of(new CacheRegion(0x10203040, 0x50607080, 0x03, 0xaa, 0x0001)),
                List.of(new Irqchip(0x1800000, 0x77, 160, List.of(0x11, 0x22, 0x33, 0x44))),
                legacy ? List.of() : List.of(new PioRegion(0x3f8, 8)),
                legacy ? RawBytes.fromHex("ff00ff00") : RawBytes.EMPTY,
                List.of(pci), List.of(new PciCapability(0x8011, 0x40, 12, 1)),
                f == ConfigFormat.REV10 ? List.of() : List.of(0xf003), List.of(),
                163, 0x80000000L, 1000, new Console(0x2810000, 0x1000, 2, 0x2003, 0x1b, 5, 0x1234));
    }

    private static PciDevice pci(int devId, int peers, int protocol, int padding) {
        return new PciDevice(3, 2, 4, 0x0108, List.of(0xffff0000, 0xfffffe00, 0, 0, 0, 0xdead), 0, 1, 2, 0x3, 16,
                0x1000, 0x10000000L, 5, devId, peers, protocol, padding);
    }

    @Test
    void revision14ElementStructs() {
        byte[] b = CellConfigs.encode(oneOfEach(ConfigFormat.REV14, pci(1, 2, 0x0001, 0)));
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b).hasSize(DESC + 8 + 32 + 12 + 32 + 4 + 56 + 8 + 4);
        // descriptor counts and fields
        assertThat(le.getInt(40)).isEqualTo(7);
        assertThat(le.getInt(44)).isEqualTo(0x40000001);
        assertThat(le.getInt(48)).isEqualTo(8);
        assertThat(le.getInt(52)).isEqualTo(1);
        assertThat(le.getInt(76)).isEqualTo(1);
        assertThat(le.getInt(80)).isEqualTo(163);
        assertThat(le.getLong(84)).isEqualTo(0x80000000L);
        assertThat(le.getLong(92)).isEqualTo(1000);
        // console (32): address 0, size 8, type 12, flags 14, divider 16, gate_nr 20, clock_reg 24
        assertThat(le.getLong(100)).isEqualTo(0x2810000);
        assertThat(le.getInt(108)).isEqualTo(0x1000);
        assertThat(le.getShort(112)).isEqualTo((short) 2);
        assertThat(le.getShort(114)).isEqualTo((short) 0x2003);
        assertThat(le.getInt(116)).isEqualTo(0x1b);
        assertThat(le.getInt(120)).isEqualTo(5);
        assertThat(le.getLong(124)).isEqualTo(0x1234);
        assertThat(b[DESC]).isEqualTo((byte) 0x0a);
        int mem = DESC + 8;
        assertThat(le.getLong(mem)).isEqualTo(0x1111111122222222L);
        assertThat(le.getLong(mem + 8)).isEqualTo(0x3333333344444444L);
        assertThat(le.getLong(mem + 16)).isEqualTo(0x5555555566666666L);
        assertThat(le.getLong(mem + 24)).isEqualTo(0x8000000000000013L);
        int cache = mem + 32;
        assertThat(le.getInt(cache)).isEqualTo(0x10203040);
        assertThat(le.getInt(cache + 4)).isEqualTo(0x50607080);
        assertThat(b[cache + 8]).isEqualTo((byte) 3);
        assertThat(b[cache + 9]).isEqualTo((byte) 0xaa);
        assertThat(le.getShort(cache + 10)).isEqualTo((short) 1);
        int irq = cache + 12;
        assertThat(le.getLong(irq)).isEqualTo(0x1800000);
        assertThat(le.getInt(irq + 8)).isEqualTo(0x77);
        assertThat(le.getInt(irq + 12)).isEqualTo(160);
        assertThat(le.getInt(irq + 16)).isEqualTo(0x11);
        assertThat(le.getInt(irq + 28)).isEqualTo(0x44);
        int pio = irq + 32;
        assertThat(le.getShort(pio)).isEqualTo((short) 0x3f8);
        assertThat(le.getShort(pio + 2)).isEqualTo((short) 8);
        int dev = pio + 4;
        assertThat(b[dev]).isEqualTo((byte) 3);
        assertThat(b[dev + 1]).isEqualTo((byte) 2);
        assertThat(le.getShort(dev + 2)).isEqualTo((short) 4);
        assertThat(le.getShort(dev + 4)).isEqualTo((short) 0x0108);
        assertThat(le.getInt(dev + 6)).isEqualTo(0xffff0000);
        assertThat(le.getInt(dev + 26)).isEqualTo(0xdead);
        assertThat(le.getShort(dev + 30)).isEqualTo((short) 0);
        assertThat(le.getShort(dev + 32)).isEqualTo((short) 1);
        assertThat(b[dev + 34]).isEqualTo((byte) 2);
        assertThat(b[dev + 35]).isEqualTo((byte) 3);
        assertThat(le.getShort(dev + 36)).isEqualTo((short) 16);
        assertThat(le.getShort(dev + 38)).isEqualTo((short) 0x1000);
        assertThat(le.getLong(dev + 40)).isEqualTo(0x10000000L);
        assertThat(le.getInt(dev + 48)).isEqualTo(5);
        assertThat(b[dev + 52]).isEqualTo((byte) 1);
        assertThat(b[dev + 53]).isEqualTo((byte) 2);
        assertThat(le.getShort(dev + 54)).isEqualTo((short) 1);
        int cap = dev + 56;
        assertThat(le.getShort(cap)).isEqualTo((short) 0x8011);
        assertThat(le.getShort(cap + 2)).isEqualTo((short) 0x40);
        assertThat(le.getShort(cap + 4)).isEqualTo((short) 12);
        assertThat(le.getShort(cap + 6)).isEqualTo((short) 1);
        assertThat(le.getInt(cap + 8)).isEqualTo(0xf003);
    }

    @Test
    void revision10DescriptorPioBitmapAndPciDevice() {
        byte[] b = CellConfigs.encode(oneOfEach(ConfigFormat.REV10, pci(0, 0, 0x0100, 0xbeef)));
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b).hasSize(128 + 8 + 32 + 12 + 32 + 4 + 56 + 8);
        assertThat(new String(b, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("JHCELL");
        assertThat(le.getInt(64)).isEqualTo(4);
        assertThat(le.getInt(76)).isEqualTo(163);
        assertThat(le.getLong(80)).isEqualTo(0x80000000L);
        assertThat(le.getLong(88)).isEqualTo(1000);
        assertThat(le.getLong(96)).isEqualTo(0x2810000);
        int pio = 128 + 8 + 32 + 12 + 32;
        assertThat(le.getInt(pio)).isEqualTo(0x00ff00ff);
        int dev = pio + 4;
        assertThat(le.getInt(dev + 48)).isEqualTo(5);
        assertThat(le.getShort(dev + 52)).isEqualTo((short) 0x0100);
        assertThat(le.getShort(dev + 54)).isEqualTo((short) 0xbeef);
        assertThat(CellConfigs.decode(b, "r10.cell")).isEqualTo(oneOfEach(ConfigFormat.REV10, pci(0, 0, 0x0100, 0xbeef)));
    }

    @Test
    void upstreamIommuUnitAt88Plus28() {
        SystemConfig s = Sets.j721eRoot();
        byte[] b = CellConfigs.encode(s);
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int unit1 = 88 + 28;
        assertThat(le.getInt(unit1)).isEqualTo(4);
        assertThat(le.getLong(unit1 + 4)).isEqualTo(0x30f80000L);
        assertThat(le.getInt(unit1 + 12)).isEqualTo(0x1000);
        assertThat(le.getLong(unit1 + 16)).isEqualTo(0x36000000L);
        assertThat(le.getInt(unit1 + 24)).isEqualTo(0x40000);
        assertThat(le.getInt(88 + 4 * 28)).isZero();
    }

    /** Board configurations used by the struct tests. */
    static final class Sets {
        static SystemConfig j721eRoot() {
            return (SystemConfig) ConfigYaml.read(RepoFiles.cells("k3-j721e-evm").resolve("k3-j721e-evm.yaml"));
        }
    }
}
