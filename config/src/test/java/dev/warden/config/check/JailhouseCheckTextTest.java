package dev.warden.config.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.check.CheckReport.CheckedFile;
import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The `jailhouse config check` transcript format (facts 5.3, and the tool's output on jailhouse-dev). */
class JailhouseCheckTextTest {
    @Test
    void cleanSetPrintsNoneEverywhere() {
        JailhouseCheckText.Result r = JailhouseCheckText.render(Sets.qemu(), List.of(Sets.qemuInmate()),
                List.of(new CheckedFile("qemu-arm64", "qemu-arm64.cell", true),
                        new CheckedFile("inmate-demo", "qemu-arm64-inmate-demo.cell", false)));
        assertThat(r.exitCode()).isZero();
        assertThat(r.text()).isEqualTo("Reading configuration set:\n"
                + "  Architecture:  arm64\n"
                + "  Root cell:     qemu-arm64 (qemu-arm64.cell)\n"
                + "  Non-root cell: inmate-demo (qemu-arm64-inmate-demo.cell)\n"
                + "Overlapping memory regions inside cell: None\n"
                + "Overlapping memory regions with hypervisor: None\n"
                + "Missing PCI MMCONFIG interceptions: None\n"
                + "Missing resource interceptions for architecture arm64: None\n");
    }

    /** The AM65x finding Jan Kiszka posted (failure-catalogue F08), on a root cell with that window. */
    @Test
    void permissiveWindowOverTheGicPrintsBothFrames() {
        SystemConfig am654 = Sets.am654();
        List<MemoryRegion> mem = new ArrayList<>(am654.rootCell().memoryRegions().subList(0, 10));
        mem.add(new MemoryRegion(0x1000000, 0x1000000, 0xaf04000, Sets.RW_IO));
        CellConfig root = am654.rootCell().withMemoryRegions(mem);
        JailhouseCheckText.Result r = JailhouseCheckText.render(am654.withRootCell(root), List.of(),
                List.of(new CheckedFile("k3-am654-idk", "configs/arm64/k3-am654-idk.cell", true)));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.text()).endsWith("Missing resource interceptions for architecture arm64:\n"
                + "\n"
                + "In cell 'k3-am654-idk', region 10\n"
                + "  phys_start: 0x0000000001000000\n"
                + "  virt_start: 0x0000000001000000\n"
                + "  size:       0x000000000af04000\n"
                + "  flags:      JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_IO\n"
                + "overlaps with GICD\n"
                + "  phys_start: 0x0000000001800000\n"
                + "  virt_start: 0x0000000001800000\n"
                + "  size:       0x0000000000010000\n"
                + "  flags:      \n"
                + "\n"
                + "In cell 'k3-am654-idk', region 10\n"
                + "  phys_start: 0x0000000001000000\n"
                + "  virt_start: 0x0000000001000000\n"
                + "  size:       0x000000000af04000\n"
                + "  flags:      JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_IO\n"
                + "overlaps with GICR\n"
                + "  phys_start: 0x0000000001880000\n"
                + "  virt_start: 0x0000000001880000\n"
                + "  size:       0x0000000000020000\n"
                + "  flags:      \n"
                + "\n");
        assertThat(r.text()).contains("Overlapping memory regions inside cell: None\n");
    }

    @Test
    void hypervisorFindingLeavesMmconfigWithoutNone() {
        CellConfig inmate = Sets.withRegion(Sets.qemuInmate(), new MemoryRegion(0x7fffe000L, 0x200000, 0x4000, Sets.RWX));
        JailhouseCheckText.Result r = JailhouseCheckText.render(Sets.qemu(), List.of(inmate),
                List.of(new CheckedFile("qemu-arm64", "q.cell", true), new CheckedFile("inmate-demo", "i.cell", false)));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.text()).contains("overlaps with hypervisor memory region\n"
                + "  phys_start: 0x000000007fc00000\n"
                + "  virt_start: 0x0000000000000000\n"
                + "  size:       0x0000000000400000\n"
                + "  flags:      \n\nMissing PCI MMCONFIG interceptions:\n\n"
                + "Missing resource interceptions for architecture arm64: None\n");
    }
}
