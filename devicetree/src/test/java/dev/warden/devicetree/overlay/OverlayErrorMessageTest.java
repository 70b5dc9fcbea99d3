package dev.warden.devicetree.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.blob.Bytes;
import dev.warden.devicetree.blob.Fdt;
import dev.warden.devicetree.blob.FdtBlob;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overlay failures name the overlay file, the libfdt error and what was wrong in it. */
class OverlayErrorMessageTest {
    private static final String BASE = "k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb";

    private static FdtException fails(String overlay) {
        FdtBlob base = FdtBlob.loadChecked(Fixtures.bytes(BASE), BASE);
        FdtBlob ovl = FdtBlob.loadChecked(Fixtures.bytes(overlay), overlay);
        FdtException e = catchThrowableOfType(FdtException.class, () -> Overlays.fdtoverlay(base, List.of(ovl)));
        assertThat(e).isNotNull();
        assertThat(e.source()).isEqualTo(overlay);
        return e;
    }

    @Test
    void missingLabel() {
        String file = "dt-oracle/overlays/e1-missing-label.dtbo";
        FdtException e = fails(file);
        assertThat(e.getMessage()).isEqualTo(file + ": offset 0x" + Long.toHexString(e.offset())
                + ": label 'no_such_label' (used at /fragment@0:target:0) is not in the base's /__symbols__"
                + " (FDT_ERR_NOTFOUND)");
        // the offset is the overlay's __fixups__ property for that label: an FDT_PROP token naming it
        byte[] raw = Fixtures.bytes(file);
        int at = (int) e.offset();
        assertThat(Bytes.be32(raw, at)).isEqualTo(Fdt.PROP);
        int nameoff = Bytes.be32(raw, at + 8);
        int strings = Bytes.be32(raw, 0x0c);
        assertThat(new String(raw, strings + nameoff, "no_such_label".length(), StandardCharsets.US_ASCII))
                .isEqualTo("no_such_label");
        assertThat(raw[strings + nameoff + "no_such_label".length()]).isZero();
    }

    @Test
    void targetErrorsPointAtTheFragment() {
        String file = "dt-oracle/overlays/e5-unknown-phandle.dtbo";
        FdtException e = fails(file);
        byte[] raw = Fixtures.bytes(file);
        int at = (int) e.offset();
        assertThat(Bytes.be32(raw, at)).isEqualTo(Fdt.BEGIN_NODE);
        assertThat(new String(raw, at + 4, "fragment@0".length(), StandardCharsets.US_ASCII)).isEqualTo("fragment@0");
    }

    @Test
    void missingTargetPath() {
        FdtException e = fails("dt-oracle/overlays/e2-missing-path.dtbo");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_NOTFOUND);
        assertThat(e.detail()).isEqualTo("/fragment@0: target-path '/does/not/exist' is not in the base");
    }

    @Test
    void noTargetAtAll() {
        FdtException e = fails("dt-oracle/overlays/e3-no-target.dtbo");
        assertThat(e.detail()).isEqualTo("/fragment@0 has __overlay__ but neither target nor target-path");
    }

    @Test
    void targetOfTwoCells() {
        FdtException e = fails("dt-oracle/overlays/e4-target-two-cells.dtbo");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_BADPHANDLE);
        assertThat(e.detail()).contains("found 8 bytes");
    }

    @Test
    void unknownAlias() {
        FdtException e = fails("dt-oracle/overlays/e7-unknown-alias.dtbo");
        assertThat(e.error()).isEqualTo(FdtError.FDT_ERR_BADPATH);
        assertThat(e.detail()).isEqualTo("/fragment@0: target-path 'chosen' is not an absolute path nor a known alias");
    }

    @Test
    void malformedFixup() {
        FdtException e = fails("dt-oracle/overlays/e12-malformed-fixup.dtbo");
        assertThat(e.detail()).isEqualTo(
                "__fixups__/gic500 entry '/fragment@0/__overlay__:interrupt-parent' is not <path>:<property>:<offset>");
    }

    @Test
    void fdtoverlayLine() {
        FdtException e = fails("dt-oracle/overlays/e5-unknown-phandle.dtbo");
        assertThat(Overlays.fdtoverlayFailureLine(e))
                .isEqualTo("Failed to apply 'dt-oracle/overlays/e5-unknown-phandle.dtbo': FDT_ERR_NOTFOUND");
    }
}
