package dev.warden.devicetree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.overlay.OverlayResult;
import dev.warden.devicetree.overlay.Overlays;
import dev.warden.devicetree.print.UbootFdtPrinter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Damaged blobs (random bytes overwritten, random truncation) never escape as anything but an
 * {@link FdtException} or a libfdt error result: no index errors, no stack traces for users.
 */
class CorruptInputPropertyTest {
    private static final byte[] BASE = Fixtures.bytes("k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb");
    private static final byte[] OVERLAY = Fixtures.bytes("dt-oracle/overlays/s9-local-and-external-refs.dtbo");

    @Property(tries = 150)
    void damagedBlobsFailCleanly(@ForAll("damage") List<Tuple2<Integer, Byte>> baseDamage,
                                 @ForAll("damage") List<Tuple2<Integer, Byte>> overlayDamage,
                                 @ForAll boolean damageBase) {
        byte[] base = BASE.clone();
        byte[] overlay = OVERLAY.clone();
        apply(damageBase ? base : overlay, damageBase ? baseDamage : overlayDamage);

        cleanly(() -> DeviceTree.read(base, "base.dtb"));
        cleanly(() -> DeviceTree.read(overlay, "overlay.dtbo"));
        cleanly(() -> Overlays.fdtoverlay(FdtBlob.load(base, "base.dtb"), List.of(FdtBlob.load(overlay, "overlay.dtbo"))));
        cleanly(() -> UbootFdtPrinter.print(FdtBlob.load(base, "base.dtb"), "/", 0));
        cleanly(() -> {
            FdtBlob b = FdtBlob.load(base, "base.dtb");
            if (b.headerError() == null) {
                b.resize(0x10000, 0x88000000L);
            }
            OverlayResult r = Overlays.applyInPlace(b, FdtBlob.load(overlay, "overlay.dtbo"));
            assertThat(r).isNotNull();
            return r;
        });
    }

    @Property(tries = 60)
    void truncatedBlobsFailCleanly(@ForAll("lengths") int length) {
        byte[] cut = java.util.Arrays.copyOf(BASE, Math.min(length, BASE.length));
        cleanly(() -> DeviceTree.read(cut, "cut.dtb"));
        cleanly(() -> Overlays.fdtoverlay(FdtBlob.load(cut, "cut.dtb"), List.of(FdtBlob.load(OVERLAY, "o.dtbo"))));
        cleanly(() -> UbootFdtPrinter.print(FdtBlob.load(cut, "cut.dtb"), "/", 0));
    }

    private static void apply(byte[] blob, List<Tuple2<Integer, Byte>> damage) {
        for (Tuple2<Integer, Byte> d : damage) {
            blob[Math.floorMod(d.get1(), blob.length)] = d.get2();
        }
    }

    private static void cleanly(java.util.concurrent.Callable<?> action) {
        try {
            action.call();
        } catch (FdtException expected) {
            assertThat(expected.getMessage()).contains("FDT_ERR_");
        } catch (Exception other) {
            throw new AssertionError("escaped as " + other, other);
        }
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Byte>>> damage() {
        // half of the hits land in the header and the first structure tokens, where damage matters most
        Arbitrary<Integer> positions = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x80),
                Arbitraries.integers().between(0, Integer.MAX_VALUE));
        return positions
                .flatMap(pos -> Arbitraries.bytes().map(b -> Tuple.of(pos, b)))
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(0, BASE.length);
    }
}
