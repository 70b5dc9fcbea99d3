package dev.warden.devicetree.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.ReserveEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Header fields and reservations as read by Warden equal what fdtdump 1.6.1 printed. */
class HeaderGoldenTest {

    static List<String> blobs() {
        return Fixtures.allBlobs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blobs")
    void headerMatchesFdtdump(String blob) {
        String dump = Fixtures.text("dt-oracle/golden/fdtdump/" + Fixtures.goldenKey(blob) + ".txt");
        Map<String, Long> fields = new HashMap<>();
        for (String line : dump.split("\n")) {
            if (line.startsWith("// ") && line.contains(":")) {
                String key = line.substring(3, line.indexOf(':'));
                String value = line.substring(line.indexOf(':') + 1).trim().split(" ")[0];
                fields.put(key, Long.decode(value));
            }
        }
        FdtHeader h = FdtBlob.load(Fixtures.bytes(blob), blob).header();
        assertThat(h.magic() & 0xffffffffL).isEqualTo(fields.get("magic"));
        assertThat(h.totalSize()).isEqualTo(fields.get("totalsize"));
        assertThat(h.offDtStruct()).isEqualTo(fields.get("off_dt_struct"));
        assertThat(h.offDtStrings()).isEqualTo(fields.get("off_dt_strings"));
        assertThat(h.offMemRsvmap()).isEqualTo(fields.get("off_mem_rsvmap"));
        assertThat((long) h.version()).isEqualTo(fields.get("version"));
        assertThat((long) h.lastCompVersion()).isEqualTo(fields.get("last_comp_version"));
        assertThat((long) h.bootCpuidPhys()).isEqualTo(fields.get("boot_cpuid_phys"));
        assertThat(h.sizeDtStrings()).isEqualTo(fields.get("size_dt_strings"));
        assertThat(h.sizeDtStruct()).isEqualTo(fields.get("size_dt_struct"));

        List<ReserveEntry> reservations = DeviceTree.read(Fixtures.bytes(blob), blob).reservations();
        List<String> dumped = dump.lines().filter(l -> l.startsWith("/memreserve/")).toList();
        assertThat(reservations).hasSameSizeAs(dumped);
        for (int i = 0; i < dumped.size(); i++) {
            String[] parts = dumped.get(i).replace(";", "").split(" ");
            assertThat(reservations.get(i)).isEqualTo(new ReserveEntry(Long.decode(parts[1]), Long.decode(parts[2])));
        }
    }
}
