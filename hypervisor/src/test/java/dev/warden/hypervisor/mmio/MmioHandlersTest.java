package dev.warden.hypervisor.mmio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.devices.misc.RegisterFile;
import dev.warden.config.MemoryRegion;
import dev.warden.config.Regmap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MmioHandlersTest {

    static PhysicalBus busWithRegisters(long base) {
        PhysicalBus bus = new PhysicalBus();
        bus.addDevice("regs", base, 0x10000, new RegisterFile(Map.of()));
        return bus;
    }

    @Test
    void aSubPageRegionChecksWidthAlignmentAndDirection() {
        PhysicalBus bus = busWithRegisters(0x40a00000L);
        // READ | WRITE | IO | IO_32
        SubPageRegion uart = new SubPageRegion(new MemoryRegion(0x40a00000L, 0x40a00000L, 0x100, 0x1 | 0x2 | 0x10 | 0x40000), bus);

        MmioAccess ok = new MmioAccess(0x40a00014L, 4, true, 0x55);
        assertThat(uart.handle(ok)).isEqualTo(MmioResult.HANDLED);
        assertThat(bus.read(0x40a00014L, 4)).isEqualTo(0x55);

        MmioResult narrow = uart.handle(new MmioAccess(0x40a00000L, 1, true, 0x41));
        assertThat(narrow.kind()).isEqualTo(MmioResult.Kind.FORBIDDEN);
        assertThat(narrow.message()).contains("FATAL: Invalid MMIO write, address: 40a00000, size: 1");
        assertThat(uart.handle(new MmioAccess(0x40a00002L, 4, false, 0)).message())
                .contains("FATAL: Invalid MMIO read, address: 40a00002, size: 4");
    }

    @Test
    void gicdBitsOfInterruptsACellDoesNotOwnReadZeroAndIgnoreWrites() {
        PhysicalBus bus = busWithRegisters(0x01800000L);
        GicDistributorFilter cell = new GicDistributorFilter(0x01800000L, bus, irq -> irq == 225, mpidr -> mpidr == 0x1, false);
        long isenabler7 = 0x01800000L + 0x100 + 7 * 4;          // SPIs 224..255

        cell.handle(new MmioAccess(isenabler7, 4, true, 0b11));   // enable 224 (not the cell's) and 225 (its own)
        MmioAccess read = new MmioAccess(isenabler7, 4, false, 0);
        cell.handle(read);

        assertThat(bus.read(isenabler7, 4)).isEqualTo(0b10);
        assertThat(read.value()).isEqualTo(0b10);
    }

    @Test
    void routingAnOwnedInterruptOutsideTheCellIsForbidden() {
        PhysicalBus bus = busWithRegisters(0x01800000L);
        GicDistributorFilter cell = new GicDistributorFilter(0x01800000L, bus, irq -> irq == 225, mpidr -> mpidr == 0x1, false);
        long irouter225 = 0x01800000L + 0x6000 + 8L * 225;          // GICD_IROUTER<n> is at 0x6000 + 8n

        assertThat(cell.handle(new MmioAccess(irouter225, 8, true, 0x1))).isEqualTo(MmioResult.HANDLED);
        assertThat(cell.handle(new MmioAccess(irouter225, 8, true, 0x100)).message())
                .contains("Attempt to route IRQ225 outside of cell");
    }

    @Test
    void aRegmapGrantsSingleRegistersAndSaysSoForOthers() {
        PhysicalBus bus = busWithRegisters(0x11c000L);
        List<String> printed = new ArrayList<>();
        RegmapHandler regs = new RegmapHandler(Regmap.of(0x11c000L, 256, 4, 0x3, List.of(126, 127)), bus, printed::add);

        assertThat(regs.handle(new MmioAccess(0x11c1f8L, 4, true, 7))).isEqualTo(MmioResult.HANDLED);
        MmioResult denied = regs.handle(new MmioAccess(0x11c1f4L, 4, false, 0));

        assertThat(bus.read(0x11c1f8L, 4)).isEqualTo(7);
        assertThat(denied.kind()).isEqualTo(MmioResult.Kind.FORBIDDEN);
        assertThat(denied.message()).isEmpty();
        assertThat(printed).containsExactly("MMIO access disabled\n");
    }
}
