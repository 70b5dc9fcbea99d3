package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.overlay.OverlayResult;
import dev.warden.devicetree.overlay.Overlays;
import java.util.List;

/**
 * Overlay application, as {@code fdtoverlay} ({@code warden dt apply}) and as U-Boot's {@code fdt
 * apply} in the board's RAM: a damaged overlay on a real base tree, and a damaged base under a real
 * overlay (the first input byte chooses), fail with an {@link FdtException} or a libfdt error
 * result, never otherwise; a result that claims success is a tree that reads.
 */
class OverlayFuzzTest {
    private static final byte[] BASE = Seeds.fixture("k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb");
    private static final byte[] OVERLAY = Seeds.fixture("k3-am654-idk/boot/dtb/ti/k3-am654-idk-jailhouse.dtbo");

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void apply(byte[] data) {
        if (data.length == 0) return;
        boolean fuzzBase = (data[0] & 1) != 0;
        byte[] rest = java.util.Arrays.copyOfRange(data, 1, data.length);
        byte[] base = fuzzBase ? rest : BASE;
        byte[] overlay = fuzzBase ? OVERLAY : rest;
        String baseName = "base.dtb";
        String overlayName = "overlay.dtbo";
        try {
            byte[] out = Overlays.fdtoverlay(FdtBlob.load(base, baseName), List.of(FdtBlob.load(overlay, overlayName)));
            CleanErrors.requireProportional(out.length, base.length + overlay.length, 8, "the merged tree");
            DeviceTree.read(out, "merged.dtb");
        } catch (FdtException e) {
            requireEither(e, baseName, overlayName);
        }
        try {
            FdtBlob b = FdtBlob.load(base, baseName);
            if (b.headerError() == null) {
                b.resize(0x10000, 0x88000000L);
                OverlayResult r = Overlays.applyInPlace(b, FdtBlob.load(overlay, overlayName));
                if (r == null) throw new AssertionError("no result from fdt apply");
            }
        } catch (FdtException e) {
            requireEither(e, baseName, overlayName);
        }
    }

    private static void requireEither(FdtException e, String a, String b) {
        String m = String.valueOf(e.getMessage());
        if (!m.contains("FDT_ERR_")) throw new AssertionError("not a libfdt error: " + e, e);
        CleanErrors.requireMessage(e);
    }
}
