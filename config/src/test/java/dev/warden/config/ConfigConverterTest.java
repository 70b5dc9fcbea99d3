package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conversion carries what both layouts have and names everything else. */
class ConfigConverterTest {
    private static SystemConfig j721e() {
        return (SystemConfig) ConfigYaml.read(RepoFiles.cells("k3-j721e-evm").resolve("k3-j721e-evm.yaml"));
    }

    @Test
    void toRevision10NamesIommusStreamIdsAndIvshmemPeers() {
        SystemConfig s = j721e();
        List<MemoryRegion> mem = new ArrayList<>(s.rootCell().memoryRegions());
        mem.set(8, new MemoryRegion(0x100000, 0x100000, 0x20000, 0x13 | MemoryRegion.NO_HUGEPAGES));
        s = s.withRootCell(s.rootCell().withMemoryRegions(mem));
        ConfigConverter.Conversion c = ConfigConverter.convert(s, ConfigFormat.REV10);
        assertThat(c.dropped()).anyMatch(d -> d.startsWith("platform.iommu_units[0] (smmuv3 at 0x36600000)"))
                .anyMatch(d -> d.contains("stream_ids [0x2, 0xf002"))
                .anyMatch(d -> d.contains("mem_regions[8]: flag NO_HUGEPAGES"))
                .anyMatch(d -> d.contains("pci device 00:01.0: shmem_dev_id 0 and shmem_peers 2"))
                .anyMatch(d -> d.contains("debug_console: console flag MDR_QUIRK"));
        SystemConfig s10 = (SystemConfig) c.config();
        assertThat(s10.platform().iommuUnits()).isEmpty();
        assertThat(s10.rootCell().pciDevices().get(1).shmemProtocol()).isEqualTo(0x0100);
        assertThat(s10.rootCell().memoryRegions().get(8).flags()).isEqualTo(0x13);
        byte[] bytes = CellConfigs.encode(s10, 10);
        assertThat(bytes).hasSize(394 + 8 + 44 * 32 + 6 * 32 + 2 * 56);
        assertThat(CellConfigs.decode(bytes, "k.cell")).isEqualTo(s10);
    }

    @Test
    void toRevision12KeepsEverythingOfThisBoard() {
        ConfigConverter.Conversion c = ConfigConverter.convert(j721e(), ConfigFormat.REV12);
        assertThat(c.dropped()).isEmpty();
        assertThat(ConfigConverter.convert(c.config(), ConfigFormat.REV14).config()).isEqualTo(j721e());
    }

    @Test
    void ioUnalignedIsRenumberedBothWays() {
        CellConfig cell = new CellConfig(ConfigFormat.REV14, RawBytes.EMPTY, "c", 0, CellConfig.AARCH32, 8,
                CpuSet.parse("1"), List.of(new MemoryRegion(0x1000, 0x1000, 0x800, 0x10 | 0x8000 | 0x40000)),
                List.of(), List.of(), List.of(), RawBytes.EMPTY, List.of(), List.of(), List.of(), List.of(), 0, 0, 0,
                Console.NONE);
        ConfigConverter.Conversion c = ConfigConverter.convert(cell, ConfigFormat.TI12);
        CellConfig ti = (CellConfig) c.config();
        assertThat(ti.memoryRegions().get(0).flags()).isEqualTo(0x10 | 0x100 | 0x40000);
        assertThat(ti.flags()).isZero();
        assertThat(c.dropped()).containsExactly("'c': flag AARCH32 exists only in revision 14");
    }

    @Test
    void encodingInAnotherFormatWithoutConvertingIsRefused() {
        assertThatThrownBy(() -> CellConfigs.encode(j721e(), 10))
                .hasMessage("'k3-j721e-evm' holds revision 14 values; convert it to 10 before encoding (flag values "
                        + "differ)");
        assertThatThrownBy(() -> CellConfigs.encode(j721e(), 13))
                .hasMessageContaining("configuration revision 13 is not supported");
    }
}
