package dev.warden.devicetree.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** libfdt's editing rules on the blob: where things go, what is reused, when it does not fit. */
class FdtBlobEditTest {
    private static final String SAMPLE = "dt-oracle/samples/value-types.dtb";

    private static FdtBlob roomy() {
        FdtBlob b = FdtBlob.load(Fixtures.bytes(SAMPLE), SAMPLE);
        return b.openInto((int) b.totalSize() + 4096);
    }

    private static byte[] str(String s) {
        return (s + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> propNames(Node n) {
        return n.properties().stream().map(Property::name).toList();
    }

    @Test
    void aNewPropertyGoesFirstAndAnExistingOneStaysInPlace() {
        FdtBlob b = roomy();
        int child = b.pathOffset("/child@1000");
        assertThat(b.setProp(child, "status", str("disabled"))).isZero();
        assertThat(b.setProp(child, "warden,new", str("x"))).isZero();
        Node n = b.toTree().requireNode("/child@1000");
        assertThat(propNames(n)).containsExactly("warden,new", "reg", "status");
        assertThat(n.status()).isEqualTo("disabled");
    }

    @Test
    void aNewSubnodeBecomesTheFirstChildAndDuplicatesAreRefused() {
        FdtBlob b = roomy();
        int added = b.addSubnode(0, "added@1");
        assertThat(added).isPositive();
        assertThat(b.addSubnode(0, "added@1")).isEqualTo(FdtError.FDT_ERR_EXISTS.negated());
        // without a unit address the name matches "child@1000", as libfdt compares names
        assertThat(b.addSubnode(0, "child")).isEqualTo(FdtError.FDT_ERR_EXISTS.negated());
        List<String> rootChildren = b.toTree().root().children().stream().map(Node::name).toList();
        assertThat(rootChildren).containsExactly("added@1", "values", "child@1000", "__symbols__");
    }

    @Test
    void propertyNamesReuseTailsOfExistingStrings() {
        FdtBlob b = roomy();
        int stringsBefore = b.sizeDtStrings();
        int child = b.pathOffset("/child@1000");
        // "cells" is the tail of "#address-cells", which comes after "model" and "compatible"
        assertThat(b.setProp(child, "cells", new byte[4])).isZero();
        assertThat(b.sizeDtStrings()).isEqualTo(stringsBefore);
        int prop = b.propertyOffset(child, "cells");
        assertThat(b.propNameOffset(prop)).isEqualTo("model\0compatible\0#address-".length());
        assertThat(b.stringAt(b.propNameOffset(prop) - "#address-".length())).isEqualTo("#address-cells");
        // a name not present is appended at the end of the block
        assertThat(b.setProp(child, "warden,fresh", new byte[0])).isZero();
        assertThat(b.sizeDtStrings()).isEqualTo(stringsBefore + "warden,fresh".length() + 1);
    }

    @Test
    void editsThatDoNotFitGiveNoSpaceAndLeaveTheStringsAlone() {
        FdtBlob b = FdtBlob.load(Fixtures.bytes(SAMPLE), SAMPLE);
        byte[] before = b.bytes();
        int child = b.pathOffset("/child@1000");
        assertThat(b.setProp(child, "warden,brand-new", new byte[4])).isEqualTo(FdtError.FDT_ERR_NOSPACE.negated());
        assertThat(b.addSubnode(child, "x")).isEqualTo(FdtError.FDT_ERR_NOSPACE.negated());
        assertThat(b.bytes()).isEqualTo(before);
    }

    @Test
    void growingAValueInPlaceMovesWhatFollows() {
        FdtBlob b = roomy();
        int values = b.pathOffset("/values");
        assertThat(b.setProp(values, "one-cell", new byte[] {0, 0, 0, 1, 0, 0, 0, 2})).isZero();
        Node n = b.toTree().requireNode("/values");
        assertThat(n.property("one-cell").orElseThrow().cells()).containsExactly(1L, 2L);
        assertThat(propNames(n).indexOf("one-cell")).isEqualTo(1);
        assertThat(n.property("zero-cell").orElseThrow().u32()).isZero();
    }

    @Test
    void deletingPropertiesAndNodes() {
        FdtBlob b = roomy();
        int sizeBefore = b.sizeDtStruct();
        int values = b.pathOffset("/values");
        assertThat(b.delProp(values, "bytes")).isZero();
        // 12-byte header + 3 value bytes padded to 4
        assertThat(b.sizeDtStruct()).isEqualTo(sizeBefore - 16);
        assertThat(b.delProp(values, "bytes")).isEqualTo(FdtError.FDT_ERR_NOTFOUND.negated());
        assertThat(b.delNode(b.pathOffset("/child@1000"))).isZero();
        Node root = b.toTree().root();
        assertThat(root.children().stream().map(Node::name).toList()).containsExactly("values", "__symbols__");
        assertThat(propNames(root.find("values").orElseThrow())).doesNotContain("bytes").contains("four-bytes");
    }

    @Test
    void openIntoAndPackGiveBackTheOriginal() {
        byte[] original = Fixtures.bytes(SAMPLE);
        FdtBlob b = FdtBlob.load(original, SAMPLE).openInto(original.length + 100);
        assertThat(b.totalSize()).isEqualTo(original.length + 100);
        b.pack();
        assertThat(b.bytes()).isEqualTo(original);
    }

    @Test
    void libfdtLookups() {
        FdtBlob b = FdtBlob.load(Fixtures.bytes("k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb"), "am654");
        int uart = b.pathOffset("serial2");
        assertThat(b.path(uart)).isEqualTo("/bus@100000/serial@2800000");
        assertThat(b.pathOffset("nosuchalias")).isEqualTo(FdtError.FDT_ERR_BADPATH.negated());
        assertThat(b.pathOffset("/bus@100000/nothing")).isEqualTo(FdtError.FDT_ERR_NOTFOUND.negated());
        assertThat(b.path(b.parentOffset(uart))).isEqualTo("/bus@100000");
        int gic = b.pathOffset("/bus@100000/interrupt-controller");
        assertThat(b.phandle(gic)).isEqualTo(1);
        assertThat(b.nodeOffsetByPhandle(1)).isEqualTo(gic);
        assertThat(b.nodeOffsetByPhandle(0)).isEqualTo(FdtError.FDT_ERR_BADPHANDLE.negated());
        assertThat(b.maxPhandle()).isEqualTo(b.toTree().nodes().stream()
                .mapToLong(n -> n.phandle().orElse(0)).max().orElseThrow());
    }
}
