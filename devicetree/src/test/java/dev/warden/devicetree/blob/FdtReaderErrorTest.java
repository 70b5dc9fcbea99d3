package dev.warden.devicetree.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.model.DeviceTree;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad blobs are rejected with the file, the byte offset, what was expected and the libfdt error. */
class FdtReaderErrorTest {
    private static final String AM654 = "k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb";

    private static FdtException readFails(byte[] blob, String name) {
        FdtException e = catchThrowableOfType(FdtException.class, () -> DeviceTree.read(blob, name));
        assertThat(e).as("reading %s must fail", name).isNotNull();
        return e;
    }

    @Test
    void unknownTokenWhereTheRootShouldStart() {
        byte[] blob = new RawBlob().reservation().word(7).word(Fdt.END).build();
        FdtException e = readFails(blob, "k3-am654.dtb");
        assertThat(e.getMessage()).isEqualTo(
                "k3-am654.dtb: offset 0x48: expected FDT_BEGIN_NODE token, found 0x00000007 (FDT_ERR_BADSTRUCTURE)");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_BADSTRUCTURE);
        assertThat(e.offset()).isEqualTo(0x48);
    }

    @Test
    void headerCutShort() {
        byte[] blob = Arrays.copyOf(Fixtures.bytes(AM654), 24);
        FdtException e = readFails(blob, "short.dtb");
        assertThat(e.getMessage()).isEqualTo(
                "short.dtb: offset 0x18: expected a 40-byte header, file ends after 24 bytes (FDT_ERR_TRUNCATED)");
    }

    @Test
    void fileShorterThanTotalsize() {
        byte[] full = Fixtures.bytes(AM654);
        byte[] blob = Arrays.copyOf(full, 1000);
        FdtException e = readFails(blob, "cut.dtb");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_TRUNCATED);
        assertThat(e.getMessage()).isEqualTo("cut.dtb: offset 0x3e8: expected " + full.length
                + " bytes (header totalsize), file ends after 1000 (FDT_ERR_TRUNCATED)");
    }

    @Test
    void badMagic() {
        byte[] blob = Fixtures.bytes(AM654);
        Bytes.put32(blob, 0, 0xffffffff);
        FdtException e = readFails(blob, "trashed.dtb");
        assertThat(e.getMessage()).isEqualTo(
                "trashed.dtb: offset 0x0: expected magic 0xd00dfeed, found 0xffffffff (FDT_ERR_BADMAGIC)");
    }

    @Test
    void versionNewerThanSupported() {
        byte[] blob = Fixtures.bytes(AM654);
        Bytes.put32(blob, 0x14, 18);
        Bytes.put32(blob, 0x18, 18);
        FdtException e = readFails(blob, "v18.dtb");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_BADVERSION);
        assertThat(e.offset()).isEqualTo(0x14);
        assertThat(e.detail()).contains("found version 18, last_comp_version 18");
    }

    @Test
    void stringsBlockPastTheEnd() {
        byte[] blob = Fixtures.bytes(AM654);
        Bytes.put32(blob, 0x0c, blob.length + 0x100);
        FdtException e = readFails(blob, "far.dtb");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_TRUNCATED);
        assertThat(e.offset()).isEqualTo(0x0c);
        assertThat(e.detail()).startsWith("expected strings block [0x" + Integer.toHexString(blob.length + 0x100));
    }

    @Test
    void structureBlockPastTheEnd() {
        byte[] blob = Fixtures.bytes(AM654);
        Bytes.put32(blob, 0x24, blob.length);
        FdtException e = readFails(blob, "long-struct.dtb");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_TRUNCATED);
        assertThat(e.offset()).isEqualTo(0x08);
        assertThat(e.detail()).startsWith("expected structure block [0x38, +0x" + Integer.toHexString(blob.length));
    }

    @Test
    void misalignedReservationMap() {
        byte[] blob = Fixtures.bytes(AM654);
        Bytes.put32(blob, 0x10, 0x2c);
        FdtException e = readFails(blob, "odd.dtb");
        assertThat(e.getMessage()).isEqualTo(
                "odd.dtb: offset 0x10: expected off_mem_rsvmap aligned to 8, found 0x2c (FDT_ERR_ALIGNMENT)");
    }

    @Test
    void propertyAfterChildNode() {
        byte[] blob = new RawBlob().begin("").begin("child").end().prop("late", 1).end().word(Fdt.END).build();
        FdtException e = readFails(blob, "order.dtb");
        // root BEGIN_NODE at 0x38 (4+4 bytes), child BEGIN_NODE 0x40 (4+8), END_NODE 0x4c, PROP at 0x50
        assertThat(e.getMessage()).isEqualTo("order.dtb: offset 0x50: property 'late' after child nodes in /,"
                + " expected properties before subnodes (FDT_ERR_BADSTRUCTURE)");
    }

    @Test
    void propertyNameOffsetOutsideStrings() {
        byte[] blob = new RawBlob().begin("").rawProp(4, 0x40).end().word(Fdt.END).rawStrings(new byte[] {'a', 0}).build();
        FdtException e = readFails(blob, "names.dtb");
        assertThat(e.getMessage()).isEqualTo("names.dtb: offset 0x48: expected a property name offset below the"
                + " strings block size 0x2, found 0x40 (FDT_ERR_BADOFFSET)");
    }

    @Test
    void unterminatedPropertyName() {
        byte[] blob = new RawBlob().begin("").rawProp(4, 0).end().word(Fdt.END).rawStrings(new byte[] {'a', 'b'}).build();
        FdtException e = readFails(blob, "unterminated.dtb");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_TRUNCATED);
        assertThat(e.detail()).isEqualTo("expected a NUL-terminated property name, strings block ends first");
        assertThat(e.offset()).isEqualTo(0x38 + 4 + 4 + 12 + 4 + 4 + 4);
    }

    @Test
    void propertyValueRunsPastTheStructureBlock() {
        RawBlob raw = new RawBlob().begin("").word(Fdt.PROP).word(0x1000).word(0);
        byte[] blob = raw.rawStrings(new byte[] {'a', 0}).build();
        FdtException e = readFails(blob, "long.dtb");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_TRUNCATED);
        assertThat(e.offset()).isEqualTo(0x38 + 4 + 4 + 4);
        assertThat(e.detail()).startsWith("property value of 4096 bytes in / runs past the structure block end");
    }

    @Test
    void missingEndNode() {
        byte[] blob = new RawBlob().begin("").prop("a", 1).word(Fdt.END).build();
        FdtException e = readFails(blob, "open.dtb");
        assertThat(e.getMessage()).isEqualTo(
                "open.dtb: offset 0x50: expected FDT_END_NODE for /, found FDT_END (FDT_ERR_BADSTRUCTURE)");
    }

    @Test
    void structureEndsInsideANode() {
        byte[] blob = new RawBlob().begin("").begin("cut").build();
        FdtException e = readFails(blob, "cut-node.dtb");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_TRUNCATED);
        assertThat(e.detail()).isEqualTo("expected a token inside node /cut, structure block ends at 0x48");
    }

    @Test
    void trailingTokenAfterRoot() {
        byte[] blob = new RawBlob().begin("").end().begin("second").end().word(Fdt.END).build();
        FdtException e = readFails(blob, "two-roots.dtb");
        assertThat(e.getMessage()).isEqualTo("two-roots.dtb: offset 0x44: expected FDT_END token after the root node,"
                + " found 0x00000001 (FDT_ERR_BADSTRUCTURE)");
    }

    @Test
    void absurdNestingIsRefused() {
        RawBlob raw = new RawBlob().begin("");
        for (int i = 0; i < 300; i++) {
            raw.begin("n");
        }
        FdtException e = readFails(raw.build(), "deep.dtb");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_BADSTRUCTURE);
        assertThat(e.detail()).startsWith("expected at most 256 levels of nodes");
    }

    @Test
    void nopTokensAreSkipped() {
        byte[] blob = new RawBlob().word(Fdt.NOP).begin("").word(Fdt.NOP).prop("a", 5).end().word(Fdt.NOP).word(Fdt.END).build();
        DeviceTree tree = DeviceTree.read(blob, "nops.dtb");
        assertThat(tree.root().u32("a")).contains(5L);
    }

    @Test
    void loadCheckedRejectsTheSameHeaders() {
        byte[] blob = Fixtures.bytes(AM654);
        Bytes.put32(blob, 0, 0x12345678);
        assertThatThrownBy(() -> FdtBlob.loadChecked(blob, "x.dtb"))
                .isInstanceOf(FdtException.class)
                .hasMessage("x.dtb: offset 0x0: expected magic 0xd00dfeed, found 0x12345678 (FDT_ERR_BADMAGIC)");
        assertThat(FdtBlob.load(blob, "x.dtb").headerError()).isEqualTo(FdtError.FDT_ERR_BADMAGIC);
    }
}
