package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unknown keys and bad values name the file and the line. */
class YamlErrorsTest {
    private static final String CELL = String.join("\n",
            "kind: cell",
            "name: demo",
            "cpus: \"1\"",
            "memory:",
            "  - {phys: 0x1000, size: 0x1000, flags: READ | WRITE}",
            "");

    @Test
    void minimalCellParses() {
        CellConfig c = (CellConfig) ConfigYaml.parse(CELL, "demo.yaml");
        assertThat(c.cpuList()).containsExactly(1);
        assertThat(c.cpuSetSize()).isEqualTo(8);
        assertThat(c.memoryRegions()).containsExactly(new MemoryRegion(0x1000, 0x1000, 0x1000, 3));
    }

    @Test
    void unknownKey() {
        String text = CELL + "cpu-reset: 0\n";
        assertThatThrownBy(() -> ConfigYaml.parse(text, "demo.yaml"))
                .hasMessageStartingWith("demo.yaml: line 6: unknown key 'cpu-reset'; expected one of kind, format, name");
    }

    @Test
    void unknownFlag() {
        String text = CELL.replace("READ | WRITE", "READ | WIRTE");
        assertThatThrownBy(() -> ConfigYaml.parse(text, "demo.yaml"))
                .hasMessageStartingWith("demo.yaml: line 5: memory[0].flags: unknown flag 'WIRTE'; expected one of [READ");
    }

    @Test
    void unknownKeyInsideAListEntry() {
        String text = CELL.replace("size: 0x1000,", "sise: 0x1000,");
        assertThatThrownBy(() -> ConfigYaml.parse(text, "demo.yaml"))
                .hasMessageStartingWith("demo.yaml: line 5: memory[0]: unknown key 'sise'");
    }

    @Test
    void badNumberAndBadCpuList() {
        assertThatThrownBy(() -> ConfigYaml.parse(CELL.replace("0x1000, size", "0xZZ, size"), "d.yaml"))
                .hasMessage("d.yaml: line 5: memory[0].phys: '0xZZ' is not a number (decimal or 0x hex)");
        assertThatThrownBy(() -> ConfigYaml.parse(CELL.replace("\"1\"", "\"3-1\""), "d.yaml"))
                .hasMessage("d.yaml: line 3: cpus: range '3-1' runs backwards");
    }

    @Test
    void interruptOutsideTheIrqchipPins() {
        String text = CELL + "irqchips:\n  - {address: 0x8000000, pin-base: 32, interrupts: \"200\"}\n";
        assertThatThrownBy(() -> ConfigYaml.parse(text, "d.yaml"))
                .hasMessage("d.yaml: line 7: irqchips[0].interrupts: interrupt 200 is outside 32..159 (pin-base + 128)");
    }

    @Test
    void missingKeyAndBadKindAndInvalidYaml() {
        assertThatThrownBy(() -> ConfigYaml.parse("kind: cell\ncpus: \"1\"\n", "d.yaml"))
                .hasMessage("d.yaml: line 1: missing key 'name'");
        assertThatThrownBy(() -> ConfigYaml.parse("kind: cel\n", "d.yaml"))
                .hasMessage("d.yaml: line 1: kind: kind is 'cel', expected 'system' (root cell) or 'cell'");
        assertThatThrownBy(() -> ConfigYaml.parse("kind: [cell\n", "d.yaml"))
                .hasMessageStartingWith("d.yaml: line 2: not valid YAML");
    }

    @Test
    void shmemNetEntryExpandsToTheMacrosFourRegions() {
        String text = "kind: cell\nname: n\ncpus: \"2\"\nmemory:\n  - {shmem-net: 0x7fb00000, dev-id: 1}\n";
        CellConfig c = (CellConfig) ConfigYaml.parse(text, "n.yaml");
        assertThat(c.memoryRegions()).containsExactly(
                new MemoryRegion(0x7fb00000L, 0x7fb00000L, 0x1000, 0x81),
                new MemoryRegion(0, 0, 0, 0),
                new MemoryRegion(0x7fb01000L, 0x7fb01000L, 0x7f000, 0x81),
                new MemoryRegion(0x7fb80000L, 0x7fb80000L, 0x7f000, 0x83));
        assertThat(ConfigYaml.write(c)).contains("- {shmem-net: 0x7fb00000, dev-id: 1}");
    }

    @Test
    void legacyFormatNamesIoUnalignedAt0x100() {
        String text = "kind: cell\nformat: 10\nname: n\ncpus: \"2\"\nmemory:\n"
                + "  - {phys: 0x1000, size: 0x800, flags: READ | IO | IO_UNALIGNED | IO_32}\n";
        CellConfig c = (CellConfig) ConfigYaml.parse(text, "n.yaml");
        assertThat(c.memoryRegions().get(0).flags()).isEqualTo(0x1 | 0x10 | 0x100 | 0x40000);
        CellConfig c14 = (CellConfig) ConfigConverter.convert(c, ConfigFormat.REV14).config();
        assertThat(c14.memoryRegions().get(0).flags()).isEqualTo(0x1 | 0x10 | 0x8000 | 0x40000);
        assertThat(ConfigYaml.write(c14)).contains("flags: READ | IO | IO_UNALIGNED | IO_32");
        assertThat(List.of(ConfigFormat.values())).hasSize(4);
    }
}
