package dev.warden.emulator.profile.derive;

import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built trees for the error cases of the derivation. */
final class Trees {
    private Trees() {}

    static DeviceTree tree(Node... children) {
        List<Node> kids = new ArrayList<>(List.of(children));
        return new DeviceTree(new Node("", List.of(Property.ofCells("#address-cells", 2), Property.ofCells("#size-cells", 2),
                Property.ofCells("interrupt-parent", 1)), kids));
    }

    static Node cpus() {
        Node cpu = new Node("cpu@0", List.of(Property.ofString("compatible", "arm,cortex-a53"), Property.ofCells("reg", 0)),
                List.of());
        return new Node("cpus", List.of(Property.ofCells("#address-cells", 1), Property.ofCells("#size-cells", 0)),
                List.of(cpu));
    }

    static Node memory() {
        return new Node("memory@80000000", List.of(Property.ofString("device_type", "memory"),
                Property.ofCells("reg", 0, 0x80000000L, 0, 0x40000000L)), List.of());
    }

    static Node uart() {
        return new Node("serial@2800000", List.of(Property.ofString("compatible", "ns16550a"),
                Property.ofCells("reg", 0, 0x2800000, 0, 0x100), Property.ofCells("interrupts", 0, 10, 4)), List.of());
    }

    static Node gic(String compatible) {
        return new Node("interrupt-controller@1800000", List.of(Property.ofString("compatible", compatible),
                Property.ofCells("#interrupt-cells", 3), Property.empty("interrupt-controller"),
                Property.ofCells("reg", 0, 0x1800000, 0, 0x10000, 0, 0x1880000, 0, 0x20000), Property.ofCells("phandle", 1)),
                List.of());
    }

    /** Writes the tree as t.dtb and loads it as the commands do. */
    static BoardTree check(DeviceTree t) throws Exception {
        Path dir = Files.createTempDirectory("trees");
        Path file = dir.resolve("t.dtb");
        Files.write(file, t.toDtb());
        return BoardTree.load(file, List.of());
    }
}
