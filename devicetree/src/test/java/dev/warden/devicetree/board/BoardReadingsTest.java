package dev.warden.devicetree.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import dev.warden.devicetree.model.RegEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CPU addresses through bus ranges, GIC interrupt IDs and UART readings on small hand-built trees. */
class BoardReadingsTest {

    static Node node(String name, List<Property> props, Node... children) {
        return new Node(name, props, List.of(children));
    }

    /**
     * / (#address-cells 2) with a GIC (phandle 1), a router (phandle 2), and a bus whose ranges move
     * child address 0x0 to 0x4000_0000; under it a UART with reg 0x1000, and an I2C controller whose
     * child is not memory mapped.
     */
    static DeviceTree tree() {
        Node gic = node("interrupt-controller@1800000", List.of(Property.ofString("compatible", "arm,gic-v3"),
                Property.ofCells("#interrupt-cells", 3), Property.ofCells("reg", 0, 0x1800000, 0, 0x10000),
                Property.ofCells("phandle", 1)));
        Node router = node("router", List.of(Property.ofString("compatible", "ti,sci-intr"),
                Property.ofCells("#interrupt-cells", 1), Property.ofCells("phandle", 2)));
        Node uart = node("serial@1000", List.of(Property.ofString("compatible", "ti,am654-uart"),
                Property.ofCells("reg", 0x1000, 0x100), Property.ofCells("interrupts", 0, 178, 4)));
        Node routed = node("gpio@2000", List.of(Property.ofCells("reg", 0x2000, 0x100),
                Property.ofCells("interrupt-parent", 2), Property.ofCells("interrupts", 7)));
        Node extended = node("timer@3000", List.of(Property.ofCells("reg", 0x3000, 0x100),
                Property.ofCells("interrupts-extended", 2, 5, 1, 1, 9, 4, 1, 0, 40, 4)));
        Node i2cChild = node("eeprom@50", List.of(Property.ofCells("reg", 0x50)));
        Node i2c = node("i2c@4000", List.of(Property.ofCells("reg", 0x4000, 0x100), Property.ofCells("#address-cells", 1),
                Property.ofCells("#size-cells", 0)), i2cChild);
        Node bus = node("bus@40000000", List.of(Property.ofCells("#address-cells", 1), Property.ofCells("#size-cells", 1),
                Property.ofCells("ranges", 0, 0, 0x40000000L, 0x100000)), uart, routed, extended, i2c);
        Node aliases = node("aliases", List.of(Property.ofString("serial3", "/bus@40000000/serial@1000")));
        return new DeviceTree(node("", List.of(Property.ofCells("#address-cells", 2), Property.ofCells("#size-cells", 2),
                Property.ofCells("interrupt-parent", 1)), aliases, gic, router, bus));
    }

    @Test
    void regIsTranslatedThroughTheBusRangesAndANonMappedBusHasNoCpuAddress() {
        DeviceTree t = tree();

        assertThat(PhysicalAddresses.of(t.requireNode("/bus@40000000/serial@1000"))).contains(
                List.of(new RegEntry(0x40001000L, 0x100)));
        assertThat(PhysicalAddresses.of(t.requireNode("/bus@40000000/i2c@4000/eeprom@50"))).isEmpty();
        assertThat(PhysicalAddresses.busWindows(t)).containsExactly(new RegEntry(0x40000000L, 0x100000));
    }

    @Test
    void onlyLinesWiredToTheGicHaveInterruptIds() {
        DeviceTree t = tree();

        assertThat(GicInterrupts.of(t, t.requireNode("/bus@40000000/serial@1000"))).containsExactly(210);
        assertThat(GicInterrupts.of(t, t.requireNode("/bus@40000000/gpio@2000"))).isEmpty();
        // interrupts-extended: the router's entry is skipped by its own #interrupt-cells
        assertThat(GicInterrupts.of(t, t.requireNode("/bus@40000000/timer@3000"))).containsExactly(25, 72);
    }

    @Test
    void aTiUartGetsTheDriversFourByteStrideAndItsTtyFromTheAlias() {
        DeviceTree t = tree();
        SerialPorts.SerialPort u = SerialPorts.of(t, t.requireNode("/bus@40000000/serial@1000")).orElseThrow();

        assertThat(u.kind()).isEqualTo(SerialPorts.Kind.NS16550);
        assertThat(u.regShift()).isEqualTo(2);
        assertThat(u.regIoWidth()).isEqualTo(4);
        assertThat(u.clockHz()).isEmpty();
        assertThat(u.ttyName()).contains("ttyS3");
        assertThat(SerialPorts.all(t)).hasSize(1);
    }
}
