package dev.warden.devicetree.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.overlay.Overlays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random trees survive write/read, and random overlays merge the way libfdt merges. */
class TreeRoundTripPropertyTest {

    @Property(tries = 60)
    void randomTreesSurviveWriteAndRead(@ForAll("trees") DeviceTree tree) {
        byte[] blob = tree.toDtb();
        DeviceTree back = DeviceTree.read(blob, "random.dtb");
        assertSameTree(back.root(), tree.root());
        assertThat(back.reservations()).isEqualTo(tree.reservations());
        assertThat(back.toDtb()).isEqualTo(blob);
    }

    @Property(tries = 40)
    void overlayPropertiesLandOnTheTargetNewestFirst(@ForAll("trees") DeviceTree base,
                                                    @ForAll("propertySets") Map<String, byte[]> props) {
        List<dev.warden.devicetree.model.Property> overlayProps = new ArrayList<>();
        props.forEach((n, v) -> overlayProps.add(new dev.warden.devicetree.model.Property(n, v)));
        Node overlayNode = new Node("__overlay__", overlayProps, List.of());
        Node fragment = new Node("fragment@0",
                List.of(dev.warden.devicetree.model.Property.ofString("target-path", "/")), List.of(overlayNode));
        DeviceTree overlay = new DeviceTree(new Node("", List.of(), List.of(fragment)));

        byte[] merged = Overlays.fdtoverlay(FdtBlob.load(base.toDtb(), "base.dtb"),
                List.of(FdtBlob.load(overlay.toDtb(), "random.dtbo")));
        Node root = DeviceTree.read(merged, "merged.dtb").root();

        List<String> existing = base.root().properties().stream().map(dev.warden.devicetree.model.Property::name).toList();
        List<String> added = new ArrayList<>();
        props.forEach((n, v) -> {
            assertThat(root.property(n).orElseThrow().value()).isEqualTo(v);
            if (!existing.contains(n)) {
                added.add(0, n);
            }
        });
        List<String> names = root.properties().stream().map(dev.warden.devicetree.model.Property::name).toList();
        assertThat(names.subList(0, added.size())).isEqualTo(added);
        assertThat(names.subList(added.size(), names.size())).isEqualTo(existing);
    }

    private static void assertSameTree(Node actual, Node expected) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.properties()).isEqualTo(expected.properties());
        assertThat(actual.children()).hasSameSizeAs(expected.children());
        for (int i = 0; i < expected.children().size(); i++) {
            assertSameTree(actual.children().get(i), expected.children().get(i));
        }
    }

    @Provide
    Arbitrary<DeviceTree> trees() {
        return RandomTrees.trees(2);
    }

    @Provide
    Arbitrary<Map<String, byte[]>> propertySets() {
        return Arbitraries.maps(RandomTrees.propertyNames(), RandomTrees.values()).ofMaxSize(6).map(LinkedHashMap::new);
    }
}
