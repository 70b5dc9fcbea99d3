package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The root kernel on QEMU's own tree prints, for QEMU's PCIe host, the lines the real Linux 6.1
 * printed on the reference rig (shared/reference-rig/recordings/a-enable.serial.txt, timestamps
 * dropped), and claims what the rig's /proc/iomem shows at the top level.
 */
class QemuVirtRootKernelTest {

    static final long SECONDS = 1_000_000_000L;

    /** a-enable.serial.txt, the boot's PCI lines. */
    static final List<String> RIG_PCI_LINES = List.of(
            "pci-host-generic 4010000000.pcie: host bridge /pcie@10000000 ranges:",
            "pci-host-generic 4010000000.pcie:       IO 0x003eff0000..0x003effffff -> 0x0000000000",
            "pci-host-generic 4010000000.pcie:      MEM 0x0010000000..0x003efeffff -> 0x0010000000",
            "pci-host-generic 4010000000.pcie:      MEM 0x8000000000..0xffffffffff -> 0x8000000000",
            "pci-host-generic 4010000000.pcie: Memory resource size exceeds max for 32 bits",
            "pci-host-generic 4010000000.pcie: ECAM at [mem 0x4010000000-0x401fffffff] for [bus 00-ff]",
            "pci-host-generic 4010000000.pcie: PCI host bridge to bus 0000:00",
            "pci_bus 0000:00: root bus resource [bus 00-ff]",
            "pci_bus 0000:00: root bus resource [io  0x0000-0xffff]",
            "pci_bus 0000:00: root bus resource [mem 0x10000000-0x3efeffff]",
            "pci_bus 0000:00: root bus resource [mem 0x8000000000-0xffffffffff]",
            "pci 0000:00:00.0: [1b36:0008] type 00 class 0x060000");

    /** a-enable.serial.txt, `cat /proc/iomem` before enable, top-level lines only (Warden has no nested resources). */
    static final List<String> RIG_IOMEM_TOP_LEVEL = List.of(
            "08000000-0800ffff : GICD",
            "080a0000-08ffffff : GICR",
            "09000000-09000fff : pl011@9000000",
            "09010000-09010fff : pl031@9010000",
            "09030000-09030fff : pl061@9030000",
            "10000000-3efeffff : pcie@10000000",
            "40000000-6fffffff : System RAM",
            "4010000000-401fffffff : PCI ECAM",
            "8000000000-ffffffffff : pcie@10000000");

    @Test
    void theRootKernelFindsQemusHostBridgeAndClaimsWhatTheRigClaims() {
        try (Lab lab = Lab.powerOn("qemu-arm64-virt", BootRequest.defaults())) {
            assertThat(lab.waitFor(ConsoleRole.PRIMARY, "demo login: ", 0, 60 * SECONDS)).isPositive();

            List<String> pci = lab.linux().dmesg().stream().map(l -> l.replaceFirst("^\\[[ 0-9.]+\\] ", ""))
                    .filter(l -> l.startsWith("pci")).toList();
            assertThat(pci).containsExactlyElementsOf(RIG_PCI_LINES);
            assertThat(lab.linux().fs().read("/proc/iomem").map(String::new).orElseThrow().lines())
                    .containsExactlyElementsOf(RIG_IOMEM_TOP_LEVEL);
            assertThat(lab.linux().fs().read("/proc/cmdline").map(String::new).orElseThrow()).isEqualTo("console=ttyAMA0 mem=768M\n");
            assertThat(lab.linux().pciHosts().devices()).containsExactly("0000:00:00.0");
            assertThat(lab.linux().panicked()).isFalse();
        }
    }
}
