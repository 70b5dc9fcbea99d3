package dev.warden.config.check;

import static dev.warden.config.check.Sets.check;
import static dev.warden.config.check.Sets.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.CellConfig;
import dev.warden.config.Console;
import dev.warden.config.CpuSet;
import dev.warden.config.MemoryRegion;
import org.junit.jupiter.api.Test;

/** Rules across cells: memory ownership, CPUs, loadable reach, console UARTs. */
class CellRulesTest {
    @Test
    void memoryOwnedByTwoNonRootCells() {
        assertThat(rule("cells/memory-overlap", check(Sets.am654(), Sets.am654Inmate(), Sets.am654Linux())))
                .extracting(f -> f.locations().get(0).element() + " / " + f.locations().get(1).element())
                .containsExactly("mem_regions[0] / mem_regions[11]", "mem_regions[1] / mem_regions[10]");
        // ivshmem and ROOTSHARED regions are shared on purpose
        assertThat(rule("cells/memory-overlap", check(Sets.qemu(), Sets.qemuInmate(), Sets.qemuLinux()))).isEmpty();
        CellConfig moved = Sets.replaceRegion(Sets.am654Inmate(), 1,
                new MemoryRegion(0x900000000L, 0, 0x10000, Sets.RWX | MemoryRegion.LOADABLE));
        CellConfig sharedUart = Sets.replaceRegion(moved, 0,
                new MemoryRegion(0x40a00000L, 0x40a00000L, 0x10000, Sets.RW_IO | MemoryRegion.ROOTSHARED));
        assertThat(rule("cells/memory-overlap", check(Sets.am654(), sharedUart, Sets.am654Linux()))).isEmpty();
    }

    @Test
    void bootCpu() {
        CellConfig c = Sets.qemuInmate().withCpus(CpuSet.parse("0-1"));
        assertThat(rule("cpus/boot-cpu", check(Sets.qemu(), c))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("asks for CPU 0"));
        assertThat(rule("cpus/boot-cpu", check(Sets.qemu(), Sets.qemuInmate()))).isEmpty();
    }

    @Test
    void cpusSharedBetweenCells() {
        assertThat(rule("cpus/shared", check(Sets.j721e(), Sets.j721eInmate(), Sets.j721eLinux()))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("share CPUs: 1"));
        assertThat(rule("cpus/shared", check(Sets.qemu(), Sets.qemuInmate(), Sets.qemuLinux()))).isEmpty();
    }

    @Test
    void cpuNotOwnedByRoot() {
        CellConfig c = Sets.am654Inmate().withCpus(CpuSet.parse("5"));
        assertThat(rule("cpus/not-in-root", check(Sets.am654(), c))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("CPUs 5").contains("root CPUs: 0-3"));
        assertThat(rule("cpus/not-in-root", check(Sets.am654(), Sets.am654Inmate()))).isEmpty();
    }

    @Test
    void rootStarved() {
        CellConfig c = Sets.j721eInmate().withCpus(CpuSet.parse("0-1"));
        assertThat(rule("cpus/root-starved", check(Sets.j721e(), c))).hasSize(1);
        assertThat(rule("cpus/root-starved", check(Sets.j721e(), Sets.j721eInmate()))).isEmpty();
        assertThat(rule("cpus/root-starved", check(Sets.j721e()))).isEmpty();
    }

    @Test
    void loadableRegionOutsideTheRootCell() {
        CellConfig c = Sets.replaceRegion(Sets.am654Inmate(), 1,
                new MemoryRegion(0x8dfff0000L, 0, 0x20000, Sets.RWX | MemoryRegion.LOADABLE));
        assertThat(rule("memory/loadable-unreachable", check(Sets.am654(), c))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("from 0x8dfff0000"));
        assertThat(rule("memory/loadable-unreachable", check(Sets.am654(), Sets.am654Inmate(), Sets.am654Linux())))
                .isEmpty();
    }

    @Test
    void subPageRegionWithoutAccessWidth() {
        CellConfig bad = Sets.withRegion(Sets.qemuInmate(), new MemoryRegion(0x9010000, 0x9010000, 0x800, Sets.RW_IO));
        assertThat(rule("memory/subpage-without-width", check(Sets.qemu(), bad))).singleElement()
                .satisfies(f -> assertThat(f.involves("mem_regions[8]")).isTrue());
        CellConfig ok = Sets.withRegion(Sets.qemuInmate(),
                new MemoryRegion(0x9010000, 0x9010000, 0x800, Sets.RW_IO | MemoryRegion.IO_32));
        assertThat(rule("memory/subpage-without-width", check(Sets.qemu(), ok))).isEmpty();
    }

    @Test
    void consoleUartTakenByAnotherCell() {
        assertThat(rule("console/shared-uart", check(Sets.am654(), Sets.am654Inmate(), Sets.am654Linux())))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("0x40a00000");
                });
        // QEMU: both cells map the PL011 ROOTSHARED, sharing on purpose
        assertThat(rule("console/shared-uart", check(Sets.qemu(), Sets.qemuInmate(), Sets.qemuLinux()))).isEmpty();
        CellConfig own = Sets.am654Linux().withConsole(new Console(0x2810000, 0, Console.TYPE_8250, 3, 0, 0, 0));
        CellConfig noUart = Sets.replaceRegion(own, 11, new MemoryRegion(0x2810000, 0x2810000, 0x1000, Sets.RW_IO));
        assertThat(rule("console/shared-uart", check(Sets.am654(), Sets.am654Inmate(), noUart))).isEmpty();
    }
}
