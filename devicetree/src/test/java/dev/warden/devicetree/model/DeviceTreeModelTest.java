package dev.warden.devicetree.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.devicetree.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed access on the board fixtures: labels, aliases, reg with the parent's cells, status. */
class DeviceTreeModelTest {
    private static DeviceTree tree(String path) {
        return DeviceTree.read(Fixtures.bytes(path), path);
    }

    private final DeviceTree am654 = tree("k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb");
    private final DeviceTree virt = tree("qemu-arm64-virt/boot/dtb/qemu-arm64-virt.dtb");

    @Test
    void labelsComeFromSymbols() {
        Node uart = am654.nodeByLabel("main_uart0").orElseThrow();
        assertThat(uart.path()).isEqualTo("/bus@100000/serial@2800000");
        assertThat(uart.labels()).containsExactly("main_uart0");
        assertThat(am654.nodeByLabel("reserved_memory").orElseThrow().path()).isEqualTo("/reserved-memory");
        assertThat(tree("k3-am654-idk/boot/dtb/ti/k3-am654-base-board-mainline.dtb").nodeByLabel("reserved_memory"))
                .isEmpty();
        assertThat(tree("k3-am654-idk/boot/dtb/ti/k3-am654-base-board-no-symbols.dtb").labels()).isEmpty();
    }

    @Test
    void regUsesTheParentsCells() {
        assertThat(am654.requireNode("/memory@80000000").reg()).containsExactly(
                new RegEntry(0x80000000L, 0x80000000L), new RegEntry(0x880000000L, 0x80000000L));
        assertThat(am654.requireNode("/cpus/cpu@101").reg()).containsExactly(new RegEntry(0x101, 0));
        assertThat(am654.nodeByLabel("gic500").orElseThrow().reg().subList(0, 2)).containsExactly(
                new RegEntry(0x01800000L, 0x10000L), new RegEntry(0x01880000L, 0x90000L));
        assertThat(virt.requireNode("/intc@8000000").reg().get(1)).isEqualTo(new RegEntry(0x080a0000L, 0xf60000L));
    }

    @Test
    void regWithAWrongCellCountIsExplained() {
        Node parent = new Node("", List.of(Property.ofCells("#address-cells", 2), Property.ofCells("#size-cells", 2)),
                List.of(new Node("bad@0", List.of(Property.ofCells("reg", 1, 2, 3)), List.of())));
        DeviceTree t = new DeviceTree(parent);
        assertThatThrownBy(() -> t.requireNode("/bad@0").reg())
                .hasMessage("/bad@0: reg has 3 cells, expected a multiple of 4 (#address-cells 2 + #size-cells 2 of the parent)");
    }

    @Test
    void statusAndEnabled() {
        assertThat(am654.nodeByLabel("main_uart0").orElseThrow().isEnabled()).isTrue();
        assertThat(am654.nodeByLabel("main_uart1").orElseThrow().isEnabled()).isFalse();
        Node wkup = am654.nodeByLabel("wkup_uart0").orElseThrow();
        assertThat(wkup.status()).isEqualTo("reserved");
        assertThat(wkup.isEnabled()).isFalse();
        assertThat(am654.requireNode("/cpus/cpu@0").isEnabled()).as("no status means okay").isTrue();
    }

    @Test
    void aliasesChosenAndCompatible() {
        assertThat(am654.aliases()).containsEntry("serial2", "/bus@100000/serial@2800000");
        assertThat(am654.node("serial1").orElseThrow().reg().get(0).address()).isEqualTo(0x40a00000L);
        assertThat(am654.stdoutNode().orElseThrow().unitAddress()).isEqualTo("2800000");
        assertThat(virt.stdoutNode().orElseThrow().path()).isEqualTo("/pl011@9000000");
        assertThat(am654.root().string("model")).contains("Texas Instruments AM654 Base Board");
        assertThat(am654.root().compatibles()).containsExactly("ti,am654-evm", "ti,am654");
        assertThat(am654.compatibleNodes("ti,am654-uart")).extracting(Node::unitAddress)
                .containsExactly("2800000", "2810000", "2820000", "40a00000", "42300000");
        assertThat(virt.requireNode("/pl011@9000000").isCompatible("arm,primecell")).isTrue();
    }

    @Test
    void phandlesAndNameMatching() {
        long gicPhandle = am654.root().u32("interrupt-parent").orElseThrow();
        assertThat(am654.nodeByPhandle(gicPhandle).orElseThrow().labels()).containsExactly("gic500");
        assertThat(am654.node("/bus@100000/serial").orElseThrow().unitAddress()).isEqualTo("2800000");
        assertThat(am654.requireNode("/cpus/cpu@100").baseName()).isEqualTo("cpu");
        assertThat(am654.node("/no/such")).isEmpty();
    }

    @Test
    void inmateTreesDescribeTheirCells() {
        DeviceTree am = tree("k3-am654-idk/boot/dtb/ti/inmate-k3-am654-idk.dtb");
        assertThat(am.compatibleNodes("jailhouse,cell")).hasSize(1);
        assertThat(am.requireNode("/memory@8e0000000").reg()).containsExactly(new RegEntry(0x8e0000000L, 0x1fff0000L));
        assertThat(am.requireNode("/cpus").children()).extracting(n -> n.reg().get(0).address())
                .containsExactly(0x100L, 0x101L);
        assertThat(am.stdoutNode().orElseThrow().reg().get(0).address()).isEqualTo(0x40a00000L);
        assertThat(am.labels()).as("built without -@, like Jailhouse builds it").isEmpty();

        DeviceTree j7 = tree("k3-j721e-evm/boot/dtb/ti/inmate-k3-j721e-evm.dtb");
        assertThat(j7.stdoutNode().orElseThrow().path()).isEqualTo("/bus@100000/serial@2810000");
        assertThat(j7.requireNode("/memory@8a0000000").reg()).containsExactly(new RegEntry(0x8a0000000L, 0x60000000L));

        DeviceTree q = tree("qemu-arm64-virt/boot/dtb/inmate-qemu-arm64.dtb");
        assertThat(q.requireNode("/cpus/cpu@3").reg()).as("#address-cells 2 under /cpus")
                .containsExactly(new RegEntry(3, 0));
        assertThat(q.requireNode("/pci@8e00000").reg().get(0).address()).isEqualTo(0x08e00000L);
    }

    @Test
    void toDtsIsDtcsText() {
        assertThat(virt.toDts()).isEqualTo(Fixtures.text(
                "dt-oracle/golden/dts/qemu-arm64-virt__boot__dtb__qemu-arm64-virt.dtb.dts"));
    }

    @Test
    void typedValuesOfTheSample() {
        Node v = tree("dt-oracle/samples/value-types.dtb").requireNode("/values");
        assertThat(v.property("u64").orElseThrow().u64()).isEqualTo(0x123456789abcdef0L);
        assertThat(v.strings("strings")).containsExactly("first", "second", "third");
        assertThat(v.property("empty").orElseThrow().isEmpty()).isTrue();
        assertThat(v.property("bytes").orElseThrow().isStringList()).isFalse();
        assertThatThrownBy(() -> v.u32("bytes"))
                .hasMessage("/values: property 'bytes' is 3 bytes, expected 4");
    }
}
