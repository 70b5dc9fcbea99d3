package dev.warden.config.check;

import static dev.warden.config.check.Sets.check;
import static dev.warden.config.check.Sets.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.CellConfig;
import dev.warden.config.Irqchip;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrqAndIvshmemRulesTest {
    private static CellConfig withChip(CellConfig c, Irqchip chip) {
        List<Irqchip> chips = new ArrayList<>(c.irqchips());
        chips.add(chip);
        return c.withIrqchips(chips);
    }

    private static PciDevice ivshmem(PciDevice d, int start, int devId, int peers, int protocol) {
        return new PciDevice(d.type(), d.iommu(), d.domain(), d.bdf(), d.barMask(), d.capsStart(), d.numCaps(),
                d.numMsiVectors(), d.msiFlags(), d.numMsixVectors(), d.msixRegionSize(), d.msixAddress(), start, devId,
                peers, protocol, 0);
    }

    @Test
    void irqchipNotAtTheDistributor() {
        CellConfig c = withChip(Sets.am654Inmate(), Irqchip.of(0x1880000, 0, 32, List.of(40)));
        assertThat(rule("irq/irqchip-not-gicd", check(Sets.am654(), c))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("0x1880000").contains("interrupts 40"));
        assertThat(rule("irq/irqchip-not-gicd", check(Sets.am654(), Sets.am654Linux()))).isEmpty();
    }

    @Test
    void pinBaseRulesAndOverlappingChips() {
        CellConfig misaligned = withChip(Sets.am654Inmate(), new Irqchip(0x1800000, 0, 48, List.of(1, 0, 0, 0)));
        assertThat(rule("irq/pin-base", check(Sets.am654(), misaligned))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("pin_base 48"));
        CellConfig high = withChip(Sets.am654Inmate(), new Irqchip(0x1800000, 0, 928, List.of(1, 0, 0, 0)));
        assertThat(rule("irq/pin-base", check(Sets.am654(), high))).hasSize(1);
        CellConfig twice = withChip(Sets.am654Linux(), Irqchip.of(0x1800000, 0, 160, List.of(200)));
        assertThat(rule("irq/pin-base", check(Sets.am654(), twice))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(rule("irq/pin-base", check(Sets.am654(), Sets.am654Linux()))).isEmpty();
    }

    @Test
    void interruptGrantedToTwoCells() {
        assertThat(rule("irq/shared", check(Sets.j721e(), Sets.j721eInmate(), Sets.j721eLinux()))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Interrupts 195 are granted"));
        assertThat(rule("irq/shared", check(Sets.qemu(), Sets.qemuInmate(), Sets.qemuLinux()))).isEmpty();
    }

    @Test
    void ivshmemRegionSetTooShort() {
        CellConfig c = Sets.qemuInmate();
        List<PciDevice> pci = List.of(ivshmem(c.pciDevices().get(0), 5, 1, 3, 0));
        assertThat(rule("ivshmem/region-set", check(Sets.qemu(), c.withPciDevices(pci)))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("needs 5 regions from index 5").contains("has 8"));
        List<PciDevice> badId = List.of(ivshmem(c.pciDevices().get(0), 0, 3, 3, 0));
        assertThat(rule("ivshmem/region-set", check(Sets.qemu(), c.withPciDevices(badId)))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("shmem_dev_id 3 and shmem_peers 3"));
        assertThat(rule("ivshmem/region-set", check(Sets.qemu(), c, Sets.qemuLinux()))).isEmpty();
    }

    @Test
    void ivshmemOwnOutputNotWritable() {
        CellConfig c = Sets.replaceRegion(Sets.qemuInmate(), 3,
                new MemoryRegion(0x7fafc000L, 0x7fafc000L, 0x2000, MemoryRegion.READ | MemoryRegion.ROOTSHARED));
        assertThat(rule("ivshmem/region-set", check(Sets.qemu(), c))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("peer 1 (region 3) is read-only"));
    }

    @Test
    void ivshmemEndpointsDisagree() {
        CellConfig linux = Sets.qemuLinux();
        PciDevice d = linux.pciDevices().get(0);
        CellConfig dupId = linux.withPciDevices(List.of(ivshmem(d, 0, 1, 3, 0), linux.pciDevices().get(1)));
        assertThat(rule("ivshmem/endpoints", check(Sets.qemu(), Sets.qemuInmate(), dupId)))
                .filteredOn(f -> f.severity() == Severity.ERROR).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("shmem_dev_id 1 is used twice"));
        CellConfig peers = linux.withPciDevices(List.of(ivshmem(d, 0, 2, 4, 0), linux.pciDevices().get(1)));
        assertThat(rule("ivshmem/endpoints", check(Sets.qemu(), peers)))
                .anyMatch(f -> f.message().contains("says 3 peers") && f.message().contains("says 4"));
        CellConfig proto = linux.withPciDevices(List.of(ivshmem(d, 0, 2, 3, 0x4001), linux.pciDevices().get(1)));
        assertThat(rule("ivshmem/endpoints", check(Sets.qemu(), proto))).anyMatch(f -> f.message().contains("protocol"));
        CellConfig moved = Sets.replaceRegion(linux, 0, new MemoryRegion(0x7fa90000L, 0x7fa90000L, 0x1000, 0x81));
        assertThat(rule("ivshmem/endpoints", check(Sets.qemu(), moved)))
                .anyMatch(f -> f.message().contains("do not share memory"));
        assertThat(rule("ivshmem/endpoints", check(Sets.qemu(), Sets.qemuInmate(), Sets.qemuLinux()))).isEmpty();
        assertThat(rule("ivshmem/endpoints", check(Sets.qemu(), Sets.qemuInmate())))
                .filteredOn(f -> f.message().contains("00:00.0")).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("00:00.0 has 3 peers").contains("peers 2 are not");
                });
    }

    @Test
    void ivshmemIntxMustBeGranted() {
        CellConfig inmate = Sets.qemuInmate();
        CellConfig noIrq = inmate.withIrqchips(List.of(Irqchip.of(0x8000000, 0, 32, List.of(33))));
        assertThat(rule("ivshmem/intx-not-granted", check(Sets.qemu(), noIrq))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("interrupt 144 (32 + vpci_irq_base 112 + 0)"));
        assertThat(rule("ivshmem/intx-not-granted", check(Sets.qemu(), inmate, Sets.qemuLinux()))).isEmpty();
        assertThat(rule("ivshmem/intx-not-granted", check(Sets.j721e(), Sets.j721eLinux()))).isEmpty();
        assertThat(rule("ivshmem/intx-not-granted", check(Sets.am654(), Sets.am654Linux()))).isEmpty();
    }

    @Test
    void ivshmemLayoutRulesDoNotApplyToV010Links() {
        dev.warden.config.ConfigFormat v10 = dev.warden.config.ConfigFormat.REV10;
        dev.warden.config.SystemConfig root = (dev.warden.config.SystemConfig)
                dev.warden.config.ConfigConverter.convert(Sets.am654(), v10).config();
        CellConfig linux = (CellConfig) dev.warden.config.ConfigConverter.convert(Sets.am654Linux(), v10)
                .config();
        List<Finding> f = check(root, linux);
        assertThat(rule("ivshmem/endpoints", f)).isEmpty();
        assertThat(rule("ivshmem/region-set", f)).isEmpty();
    }
}
