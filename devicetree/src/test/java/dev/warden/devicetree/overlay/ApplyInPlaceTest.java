package dev.warden.devicetree.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.blob.Fdt;
import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.model.DeviceTree;
import org.junit.jupiter.api.Test;

/** The U-Boot path: one fixed buffer, no retry, trashed blobs stay trashed. */
class ApplyInPlaceTest {
    private static final String BASE = "k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb";
    private static final String NO_SYMBOLS = "k3-am654-idk/boot/dtb/ti/k3-am654-base-board-no-symbols.dtb";
    private static final String JAILHOUSE = "k3-am654-idk/boot/dtb/ti/k3-am654-idk-jailhouse.dtbo";
    private static final String MISSING = "k3-am654-idk/boot/dtb/ti/k3-am654-missing-label.dtbo";
    private static final long FDTADDR = 0x88000000L;

    private static FdtBlob blob(String path) {
        return FdtBlob.load(Fixtures.bytes(path), path);
    }

    @Test
    void withoutResizeADtcBlobHasNoRoomAndIsTrashed() {
        FdtBlob base = blob(BASE);
        FdtBlob overlay = blob(JAILHOUSE);
        OverlayResult r = Overlays.applyInPlace(base, overlay);
        assertThat(r.error()).isEqualTo(FdtError.FDT_ERR_NOSPACE);
        assertThat(r.baseHadSymbols()).isTrue();
        assertThat(base.magic()).isEqualTo(0xffffffff);
        assertThat(overlay.magic()).isEqualTo(0xffffffff);
    }

    @Test
    void afterResizeTheOverlayAppliesAndPacksToFdtoverlaysOutput() {
        FdtBlob base = blob(BASE);
        base.resize(0x100000, FDTADDR);
        OverlayResult r = Overlays.applyInPlace(base, blob(JAILHOUSE));
        assertThat(r.ok()).isTrue();
        assertThat(r.errorName()).isEmpty();
        assertThat(base.totalSize()).isGreaterThan(base.dataSize());

        FdtBlob packed = base.copy();
        packed.pack();
        assertThat(packed.bytes()).isEqualTo(Fixtures.bytes("dt-oracle/golden/overlay/am654-jailhouse.dtb"));

        DeviceTree merged = base.toTree();
        assertThat(merged.requireNode("/reserved-memory/jailhouse@8dfb00000").reg().get(0).address())
                .isEqualTo(0x8dfb00000L);
        assertThat(merged.nodeByLabel("mcu_uart0").orElseThrow().status()).isEqualTo("disabled");
    }

    @Test
    void theSameOverlayBufferCannotBeAppliedTwice() {
        FdtBlob base = blob(BASE);
        base.resize(0x100000, FDTADDR);
        FdtBlob overlay = blob(JAILHOUSE);
        assertThat(Overlays.applyInPlace(base, overlay).ok()).isTrue();
        byte[] afterFirst = base.bytes();

        OverlayResult again = Overlays.applyInPlace(base, overlay);
        assertThat(again.error()).isEqualTo(FdtError.FDT_ERR_BADMAGIC);
        // the header probe fails before anything is touched: the base stays usable
        assertThat(base.magic()).isEqualTo(Fdt.MAGIC);
        assertThat(base.bytes()).isEqualTo(afterFirst);
    }

    @Test
    void aFailedApplyLeavesTheBaseTrashedForTheNextOverlay() {
        FdtBlob base = blob(BASE);
        base.resize(0x100000, FDTADDR);
        OverlayResult first = Overlays.applyInPlace(base, blob(MISSING));
        assertThat(first.error()).isEqualTo(FdtError.FDT_ERR_NOTFOUND);
        assertThat(first.baseHadSymbols()).isTrue();
        assertThat(first.detail()).contains("label 'main_uart7'").contains("/__symbols__");
        assertThat(base.magic()).isEqualTo(0xffffffff);

        OverlayResult second = Overlays.applyInPlace(base, blob(JAILHOUSE));
        assertThat(second.error()).isEqualTo(FdtError.FDT_ERR_BADMAGIC);
        assertThat(second.baseHadSymbols()).as("the symbols probe fails on a trashed base").isFalse();
    }

    @Test
    void aBaseWithoutSymbolsGivesNotFoundAndTheHint() {
        FdtBlob base = blob(NO_SYMBOLS);
        base.resize(0x100000, FDTADDR);
        OverlayResult r = Overlays.applyInPlace(base, blob(JAILHOUSE));
        assertThat(r.error()).isEqualTo(FdtError.FDT_ERR_NOTFOUND);
        assertThat(r.baseHadSymbols()).isFalse();
        assertThat(r.detail()).contains("no /__symbols__").contains("-@");
    }

    @Test
    void resizeRoundsTheEndToA4KiBBoundaryOfTheLoadAddress() {
        // value-types.dtb: off_dt_strings 0x34c + size_dt_strings 0xc0 = 0x40c bytes used (fdtdump golden)
        FdtBlob a = blob("dt-oracle/samples/value-types.dtb");
        assertThat(a.dataSize()).isEqualTo(0x40c);
        assertThat(a.resize(0, 0x82000000L)).isEqualTo(0x1000);
        FdtBlob b = blob("dt-oracle/samples/value-types.dtb");
        assertThat(b.resize(0x100000, 0x82000000L)).isEqualTo(0x101000);
        FdtBlob c = blob("dt-oracle/samples/value-types.dtb");
        assertThat(c.resize(0x1000, 0x82000f00L)).isEqualTo(0x2100);
        assertThat(c.totalSize()).isEqualTo(0x2100);
        assertThat(c.capacity()).isGreaterThanOrEqualTo(0x2100);
    }

    @Test
    void resizeReAddsTheBlobsOwnReservationWithTheNewSize() {
        // the sample reserves 0x88000000+0x100000 second; pretend the blob was loaded there
        FdtBlob blob = blob("dt-oracle/samples/value-types.dtb");
        int size = blob.resize(0, 0x88000000L);
        assertThat(size).isEqualTo(0x1000); // 0x40c - 16 (entry removed) + 0x50, rounded up
        assertThat(blob.numMemRsv()).isEqualTo(2);
        assertThat(blob.memRsv(0)).containsExactly(0x9e800000L, 0x1800000L);
        assertThat(blob.memRsv(1)).containsExactly(0x88000000L, 0x1000L);
        assertThat(blob.toTree().requireNode("/values").hasProperty("empty")).isTrue();
    }
}
