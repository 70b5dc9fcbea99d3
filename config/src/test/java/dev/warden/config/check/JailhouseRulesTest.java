package dev.warden.config.check;

import static dev.warden.config.check.Sets.check;
import static dev.warden.config.check.Sets.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.CellConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PlatformInfo;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of `jailhouse config check`, with its verdicts on the upstream board configurations. */
class JailhouseRulesTest {
    private static List<Finding> jailhouse(List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().startsWith("jailhouse/")).toList();
    }

    @Test
    void upstreamQemuAndAm654SetsAreCleanAsInJailhouse() {
        assertThat(jailhouse(check(Sets.qemu(), Sets.qemuInmate(), Sets.qemuLinux()))).isEmpty();
        assertThat(jailhouse(check(Sets.am654(), Sets.am654Inmate(), Sets.am654Linux()))).isEmpty();
    }

    /** Facts 5.3: upstream k3-j721e-evm fails on region 13 (SMMUv3 + 3 PVUs) and region 12 (GICD, GICR). */
    @Test
    void upstreamJ721eRootFailsExactlyWhereJailhouseSays() {
        SystemConfig ours = Sets.j721e();
        List<MemoryRegion> mem = new ArrayList<>(ours.rootCell().memoryRegions());
        // undo our split: indexes 12-14 and 15-17 back to upstream's single regions 12 and 13
        List<MemoryRegion> upstream = new ArrayList<>(mem.subList(0, 12));
        upstream.add(new MemoryRegion(0x1000000, 0x1000000, 0xaf03000, Sets.RW_IO));
        upstream.add(new MemoryRegion(0x30800000L, 0x30800000L, 0xbc00000, Sets.RW_IO));
        upstream.addAll(mem.subList(18, mem.size()));
        assertThat(upstream).hasSize(40);
        SystemConfig s = ours.withRootCell(ours.rootCell().withMemoryRegions(upstream));

        List<Finding> found = jailhouse(check(s, Sets.j721eInmate()));
        assertThat(found).extracting(Finding::ruleId).containsOnly("jailhouse/overlap-iommu", "jailhouse/overlap-gic");
        assertThat(rule("jailhouse/overlap-iommu", found)).hasSize(4)
                .allMatch(f -> f.involves("mem_regions[13]"))
                .extracting(f -> f.locations().get(1).address())
                .containsExactly(0x36600000L, 0x30f80000L, 0x30f81000L, 0x30f83000L);
        assertThat(rule("jailhouse/overlap-gic", found)).hasSize(2).allMatch(f -> f.involves("mem_regions[12]"))
                .extracting(f -> f.locations().get(1).element()).containsExactly("GICD", "GICR");
        assertThat(jailhouse(check(Sets.j721e(), Sets.j721eInmate()))).isEmpty();
    }

    @Test
    void overlapInsideACellPhysicalAndVirtual() {
        CellConfig inmate = Sets.withRegion(Sets.qemuInmate(),
                new MemoryRegion(0x7fa08000L, 0x100000, 0x1000, Sets.RWX));
        List<Finding> f = rule("jailhouse/overlap-in-cell", check(Sets.qemu(), inmate));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("region 6").contains("physically overlaps with region 8");
            assertThat(x.involves("mem_regions[6]")).isTrue();
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
        });
        CellConfig virt = Sets.withRegion(Sets.qemuInmate(), new MemoryRegion(0x1000000, 0x8000, 0x1000, Sets.RWX));
        assertThat(rule("jailhouse/overlap-in-cell", check(Sets.qemu(), virt))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("virtually overlaps"));
        CellConfig empty = Sets.withRegion(Sets.qemuInmate(), new MemoryRegion(0x7fa00000L, 0, 0, 0));
        assertThat(rule("jailhouse/overlap-in-cell", check(Sets.qemu(), empty))).isEmpty();
    }

    @Test
    void overlapWithHypervisorMemory() {
        CellConfig inmate = Sets.withRegion(Sets.qemuInmate(), new MemoryRegion(0x7fffe000L, 0x200000, 0x4000, Sets.RWX));
        assertThat(rule("jailhouse/overlap-hypervisor", check(Sets.qemu(), inmate))).singleElement()
                .satisfies(f -> assertThat(f.locations().get(1).element()).isEqualTo("hypervisor_memory"));
        assertThat(rule("jailhouse/overlap-hypervisor", check(Sets.qemu(), Sets.qemuInmate()))).isEmpty();
    }

    @Test
    void overlapWithMmconfigOnlyWhenABaseIsSet() {
        CellConfig inmate = Sets.withRegion(Sets.qemuInmate(), new MemoryRegion(0x8e80000L, 0x8e80000L, 0x1000, Sets.RW_IO));
        assertThat(rule("jailhouse/overlap-mmconfig", check(Sets.qemu(), inmate))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("0x8e00000+0x100000"));
        PlatformInfo p = Sets.qemu().platform();
        SystemConfig noPci = Sets.qemu().withPlatform(new PlatformInfo(0, 0, 0, 0, p.iommuUnits(), p.maintenanceIrq(),
                p.gicVersion(), 0, p.gicdBase(), 0, 0, 0, p.gicrBase(), p.reserved()));
        assertThat(rule("jailhouse/overlap-mmconfig", check(noPci, inmate))).isEmpty();
    }

    @Test
    void gicv2FramesAndUnknownVersion() {
        PlatformInfo p = Sets.qemu().platform();
        SystemConfig v2 = Sets.qemu().withPlatform(new PlatformInfo(p.pciMmconfigBase(), 0, 1, 1, List.of(), 25, 2, 0,
                0x8000000, 0x8010000, 0x8030000, 0x8040000, 0, p.reserved()));
        assertThat(rule("jailhouse/overlap-gic", check(v2))).isEmpty();
        CellConfig greedyRoot = Sets.withRegion(v2.rootCell(), new MemoryRegion(0x8000000, 0x8000000, 0x100000, Sets.RW_IO));
        List<Finding> f = rule("jailhouse/overlap-gic", check(v2.withRootCell(greedyRoot)));
        assertThat(f).extracting(x -> x.locations().get(1).element()).containsExactly("GICD", "GICC", "GICH", "GICV");
        SystemConfig v4 = Sets.qemu().withPlatform(new PlatformInfo(p.pciMmconfigBase(), 0, 1, 1, List.of(), 25, 4, 0,
                0x8000000, 0, 0, 0, 0x80a0000, p.reserved()));
        assertThat(rule("jailhouse/overlap-gic", check(v4))).singleElement()
                .satisfies(x -> assertThat(x.message()).startsWith("Unknown GIC version 4"));
    }

    /** Beyond jailhouse config check: the upstream AM654 root maps the redistributors of CPUs 1-3. */
    @Test
    void redistributorsOfOtherCpus() {
        List<Finding> f = rule("memory/overlap-gicr-frames", check(Sets.am654()));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.involves("mem_regions[17]")).isTrue();
            assertThat(x.message()).contains("redistributor of CPU 1 at 0x18a0000");
        });
        assertThat(rule("memory/overlap-gicr-frames", check(Sets.j721e()))).isEmpty();
        assertThat(rule("memory/overlap-gicr-frames", check(Sets.qemu()))).isEmpty();
    }
}
