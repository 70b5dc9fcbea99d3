package dev.warden.config.create;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.ConfigYaml;
import dev.warden.config.RepoFiles;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What `warden config create` writes for each built-in board (its tree and Jailhouse overlay),
 * compared with the hand-written root cell in firmware-fixtures/BOARD/cells: every difference is
 * listed with its reason. A difference not listed, or listed but gone, fails the test, so a change
 * of the generator (or of a hand-written cell) has to be explained here.
 */
class RootCellComparisonTest {

    /** board -> "key: detail" -> reason */
    static final Map<String, Map<String, String>> EXPLAINED = new LinkedHashMap<>();

    static void explain(String board, String difference, String reason) {
        EXPLAINED.computeIfAbsent(board, b -> new LinkedHashMap<>()).put(difference, reason);
    }

    static {
        explain("k3-am654-idk", "hypervisor-memory: generated 0x8dfb00000+0x400000, hand-written 0x8dfc00000+0x400000",
                "config create puts the hypervisor at the start of the overlay's reservation jailhouse@8dfb00000; upstream puts its ivshmem-net link there and the hypervisor 1 MiB in");
        explain("k3-am654-idk", "debug-console: generated 8250@0x2800000 flags MMIO|REGDIST_4|MDR_QUIRK, hand-written 8250@0x2800000 flags MMIO|REGDIST_4",
                "config create sets TI's MDR quirk for every ti,am654-uart, as upstream's J721E root cell does; upstream's AM654 one leaves it off (the K3 UART needs its mode register set either way)");
        explain("k3-am654-idk", "platform.pci-mmconfig-base: generated 0x7fe00000, hand-written 0x76000000",
                "upstream took a window from the SoC's memory map; config create takes the highest 1 MiB below RAM that, with the 1 MiB after it for the driver's BAR window, no node, bus window or reservation of the tree uses, and says so as a choice to check");
        explain("k3-am654-idk", "platform.pci-domain: generated 0, hand-written 1",
                "the fixture tree has no PCI host, so Linux numbers the virtual one 0; upstream counts the SoC's PCIe controllers, which the fixture tree does not describe");
        explain("k3-am654-idk", "root.vpci-irq-base: generated 0, hand-written 138",
                "upstream took free SPIs from the SoC's interrupt map; config create takes the lowest four no node of the tree uses, and says so as a choice to check");
        explain("k3-am654-idk", "memory.ivshmem: generated [0x8dff00000+0x1000/0x1, 0x8dff01000+0x9000/0x3, 0x8dff0a000+0x2000/0x3, 0x8dff0c000+0x2000/0x1], hand-written [0x8dfa00000+0x10000/0x1, 0x8dfa10000+0x10000/0x3, 0x8dfa20000+0x10000/0x3, 0x8dfa30000+0x10000/0x1, 0x8dfa40000+0x10000/0x1, 0x8dfb00000+0x1000/0x81, 0x8dfb01000+0x7f000/0x83, 0x8dfb80000+0x7f000/0x81]",
                "config create writes one ivshmem device for the root and the inmate template (state table, R/W section, two output sections in 64 KiB); upstream has its 3-peer demo device and an ivshmem-net link");
        explain("k3-am654-idk", "memory.ram: generated [0x80000000+0x80000000/0x7, 0x880000000+0x5fb00000/0x7, 0x8e0000000+0x20000000/0x7], hand-written [0x80000000+0x80000000/0x7, 0x880000000+0x5fa00000/0x7, 0x8e0000000+0x20000000/0x7]",
                "the second bank stops where the overlay's reservation starts (0x8dfb00000); upstream's stops at 0x8dfa00000, where its ivshmem regions begin outside that reservation (dt-k3-facts 5.1 notes the mismatch)");
        explain("k3-am654-idk", "memory.mmio: only generated: []; only hand-written: [0x100000..0x11ffff, 0x600000..0x600fff, 0x900000..0x911fff, 0x1000000..0x17fffff, 0x1810000..0x181ffff, 0x1830000..0x187ffff, 0x18a0000..0x27fffff, 0x2801000..0x4f7ffff, 0x4f81000..0x4f8ffff, 0x4f91000..0x4f9ffff, 0x4fa1000..0x4faffff, 0x4fb1000..0xbf03fff, 0x28380000..0x2bbfffff, 0x30800000..0x3c3fffff, 0x40200000..0x40b00fff, 0x42040000..0x45d23fff, 0x46000000..0x461fffff, 0x47000000..0x47068fff]",
                "upstream maps the SoC's peripheral windows whole (around GICD/GICR), including devices the root tree does not enable (mcu_uart0, taken by the overlay) or describe; config create maps only the pages of the devices the root tree enables");
        explain("k3-am654-idk", "irqchips: only generated: ; only hand-written: 288-543",
                "config create grants the 128-line blocks that hold an interrupt of a device Linux or the inmate uses, or of the virtual PCI host; upstream grants every block of the SoC's SPIs");
        explain("k3-am654-idk", "irqchips.pin-bases: generated [32, 160, 544], hand-written [32, 160, 288, 416, 544]",
                "same reason: fewer blocks, on the same grid");
        explain("k3-am654-idk", "pci-devices: generated 00:00.0 dom 0 peers 2 proto 0 bar 0xfffff000, hand-written 00:00.0 dom 1 peers 3 proto 0 bar 0xffff0000, 00:01.0 dom 1 peers 2 proto 1 bar 0xffff0000",
                "same reason: one 2-peer ivshmem device with a 4 KiB BAR (INTx mask) in the derived domain, against upstream's demo and networking devices");
        explain("k3-j721e-evm", "platform.pci-mmconfig-base: generated 0x7fe00000, hand-written 0x76000000",
                "upstream took a window from the SoC's memory map; config create takes the highest 1 MiB below RAM that, with the 1 MiB after it for the driver's BAR window, no node, bus window or reservation of the tree uses, and says so as a choice to check");
        explain("k3-j721e-evm", "platform.pci-domain: generated 0, hand-written 4",
                "the fixture tree has no PCI host, so Linux numbers the virtual one 0; upstream counts the SoC's PCIe controllers, which the fixture tree does not describe");
        explain("k3-j721e-evm", "platform.iommus: generated [3@0x36600000], hand-written [3@0x36600000, 4@0x30f80000, 4@0x30f81000, 4@0x30f83000]",
                "the PVUs are not in the fixture tree; the SMMUv3 the overlay disables becomes the one IOMMU unit");
        explain("k3-j721e-evm", "root.vpci-irq-base: generated 6, hand-written 159",
                "upstream took free SPIs from the SoC's interrupt map; config create takes the lowest four no node of the tree uses, and says so as a choice to check");
        explain("k3-j721e-evm", "memory.ivshmem: generated [0x89fe00000+0x1000/0x1, 0x89fe01000+0x9000/0x3, 0x89fe0a000+0x2000/0x3, 0x89fe0c000+0x2000/0x1], hand-written [0x89fe00000+0x10000/0x1, 0x89fe10000+0x10000/0x3, 0x89fe20000+0x10000/0x3, 0x89fe30000+0x10000/0x1, 0x89fe40000+0x1000/0x81, 0x89fe41000+0x7f000/0x83, 0x89fec0000+0x7f000/0x81]",
                "config create writes one ivshmem device for the root and the inmate template (state table, R/W section, two output sections in 64 KiB); upstream has its 3-peer demo device and an ivshmem-net link");
        explain("k3-j721e-evm", "memory.ram: generated [0x80000000+0x80000000/0x7, 0x880000000+0x1fa00000/0x7, 0x8a0000000+0x60000000/0x7], hand-written [0x10000000+0x10000000/0xb, 0x41c00000+0x100000/0xb, 0x50000000+0x10000000/0xb, 0x500000000+0x100000000/0xb, 0x700000000+0x100000000/0xb, 0x80000000+0x80000000/0x4f, 0x880000000+0x1fa00000/0x4f, 0x89ff40000+0x10000/0x47, 0x8a0000000+0x60000000/0x47]",
                "upstream marks RAM DMA|LOADABLE, adds the PCIe/OSPI data windows and MCU SRAM as DMA regions and a 64 KiB bare-metal region; none of that is in the fixture tree, and config create maps RAM read/write/execute as the AM654 and QEMU root cells do");
        explain("k3-j721e-evm", "memory.mmio: only generated: []; only hand-written: [0x100000..0x11ffff, 0x600000..0x631fff, 0x900000..0x911fff, 0xa40000..0xa40fff, 0x1000000..0x17fffff, 0x1810000..0x181ffff, 0x1830000..0x18fffff, 0x1940000..0x27fffff, 0x2801000..0x281ffff, 0x2821000..0x4faffff, 0x4fb1000..0x4fb7fff, 0x4fb9000..0xbf02fff, 0xd000000..0xdffffff, 0x28380000..0x2bbfffff, 0x30800000..0x30f7ffff, 0x30f84000..0x365fffff, 0x36700000..0x3c3fffff, 0x40200000..0x409fffff, 0x40a01000..0x40b98fff, 0x40f00000..0x40f1ffff, 0x41000000..0x4101ffff, 0x41400000..0x4141ffff, 0x42040000..0x45d23fff, 0x46000000..0x461fffff, 0x47000000..0x47068fff, 0x64800000..0x64ffffff, 0x4d80800000..0x4d80ffffff, 0x4d81800000..0x4d81ffffff, 0x4e20000000..0x4e2007ffff]",
                "upstream maps the SoC's peripheral windows whole (split around GICD/GICR, the PVUs and the SMMU), including the inmate's main_uart1 and sdhci0; config create maps only the pages of the devices the root tree enables");
        explain("k3-j721e-evm", "irqchips: only generated: ; only hand-written: 288-671",
                "config create grants the 128-line blocks that hold an interrupt of a device Linux or the inmate uses, or of the virtual PCI host; upstream grants every block of the SoC's SPIs");
        explain("k3-j721e-evm", "irqchips.pin-bases: generated [32, 160, 800], hand-written [32, 160, 288, 416, 544, 800]",
                "same reason: fewer blocks, on the same grid");
        explain("k3-j721e-evm", "pci-devices: generated 00:00.0 dom 0 peers 2 proto 0 bar 0xfffff000, hand-written 00:00.0 dom 4 peers 2 proto 0 bar 0xffff0000, 00:01.0 dom 4 peers 2 proto 1 bar 0xffff0000",
                "same reason: one 2-peer ivshmem device with a 4 KiB BAR (INTx mask) in the derived domain, against upstream's demo and networking devices");
        explain("k3-j721e-evm", "stream-ids: generated 0 ids, hand-written 30 ids",
                "the fixture tree has no iommus properties, so there are no stream IDs to derive");
        explain("qemu-arm64-virt", "platform.pci-mmconfig-base: generated 0x3fe00000, hand-written 0x8e00000",
                "upstream took a window from the SoC's memory map; config create takes the highest 1 MiB below RAM that, with the 1 MiB after it for the driver's BAR window, no node, bus window or reservation of the tree uses, and says so as a choice to check");
        explain("qemu-arm64-virt", "root.name: generated qemu-arm64-virt, hand-written qemu-arm64",
                "the cell is named after the board (--name), upstream's file calls it qemu-arm64");
        explain("qemu-arm64-virt", "root.vpci-irq-base: generated 3, hand-written 96",
                "upstream took free SPIs from the SoC's interrupt map; config create takes the lowest four no node of the tree uses, and says so as a choice to check");
        explain("qemu-arm64-virt", "memory.ivshmem: generated [0x77ff0000+0x1000/0x1, 0x77ff1000+0x9000/0x3, 0x77ffa000+0x2000/0x3, 0x77ffc000+0x2000/0x1], hand-written [0x7faf0000+0x1000/0x1, 0x7faf1000+0x9000/0x3, 0x7fafa000+0x2000/0x3, 0x7fafc000+0x2000/0x1, 0x7fafe000+0x2000/0x1, 0x7fb00000+0x1000/0x81, 0x7fb01000+0x7f000/0x83, 0x7fb80000+0x7f000/0x81]",
                "config create writes one ivshmem device for the root and the inmate template (state table, R/W section, two output sections in 64 KiB); upstream has its 3-peer demo device and an ivshmem-net link");
        explain("qemu-arm64-virt", "memory.ram: generated [0x40000000+0x30000000/0x7, 0x78000000+0x7c00000/0x7, 0x70000000+0x7ff0000/0x7], hand-written [0x40000000+0x3fa10000/0x7]",
                "config create cuts the overlay's two reservations out of RAM (inmate@70000000, jailhouse@7fc00000) and maps the inmate RAM on its own; upstream maps RAM up to its ivshmem regions and keeps Linux below 768 MiB with mem=");
        explain("qemu-arm64-virt", "memory.mmio: only generated: [0x0..0x7ffffff]; only hand-written: [0x9001000..0x900ffff, 0x9011000..0x901ffff, 0x9021000..0x902ffff, 0x9031000..0x9ffffff, 0xa004000..0x3fffffff]",
                "QEMU's tree names the flash banks at 0 (enabled), which config create maps and upstream leaves out; upstream maps one permissive window from the UART up to RAM, where config create maps only the pages of the devices the tree names (PL011, PL031, fw-cfg, PL061, virtio-mmio)");
        explain("qemu-arm64-virt", "pci-devices: generated 00:00.0 dom 1 peers 2 proto 0 bar 0xfffff000, hand-written 00:00.0 dom 1 peers 3 proto 0 bar 0xfffff000, 00:01.0 dom 1 peers 2 proto 1 bar 0xfffff000",
                "same reason: one 2-peer ivshmem device with a 4 KiB BAR (INTx mask) in the derived domain, against upstream's demo and networking devices");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt"})
    void everyDifferenceFromTheHandWrittenRootCellIsExplained(String board) {
        String file = (board.equals("qemu-arm64-virt") ? "qemu-arm64" : board) + ".yaml";
        SystemConfig written = (SystemConfig) ConfigYaml.read(RepoFiles.cells(board).resolve(file));
        SystemConfig generated = BoardFixtures.create(board).root();
        Map<String, String> explained = EXPLAINED.getOrDefault(board, Map.of());

        List<String> unexplained = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (RootCellDiff.Difference d : RootCellDiff.between(generated, written)) {
            if (explained.containsKey(d.toString())) seen.add(d.toString());
            else unexplained.add(d.toString());
        }
        List<String> stale = new ArrayList<>(explained.keySet());
        stale.removeAll(seen);

        assertThat(unexplained).as("differences from %s without a reason", file).isEmpty();
        assertThat(stale).as("explained differences that no longer occur for %s", board).isEmpty();
    }
}
