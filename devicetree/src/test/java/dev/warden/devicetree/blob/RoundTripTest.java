package dev.warden.devicetree.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.model.DeviceTree;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dtc-produced fixture survives read then write byte for byte, and every fixture write then
 * read. QEMU virt's tree is QEMU's own (libfdt's sequential writer: its memory reservation block
 * at 0x30, its strings in first-use order, 1 MiB of room), which Warden's writer, laid out as dtc
 * lays a blob out, does not reproduce byte for byte; its tree survives.
 */
class RoundTripTest {

    static List<String> dtcBlobs() {
        return Fixtures.dtcBuiltBlobs();
    }

    static List<String> allBlobs() {
        return Fixtures.allBlobs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dtcBlobs")
    void writeOfReadIsTheSameBlob(String blob) {
        byte[] original = Fixtures.bytes(blob);
        assertThat(DeviceTree.read(original, blob).toDtb()).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBlobs")
    void readOfWriteIsTheSameTree(String blob) {
        DeviceTree tree = DeviceTree.read(Fixtures.bytes(blob), blob);
        DeviceTree again = DeviceTree.read(tree.toDtb(), "rewritten " + blob);
        assertThat(again.nodes()).hasSameSizeAs(tree.nodes());
        for (int i = 0; i < tree.nodes().size(); i++) {
            assertThat(again.nodes().get(i).path()).isEqualTo(tree.nodes().get(i).path());
            assertThat(again.nodes().get(i).properties()).isEqualTo(tree.nodes().get(i).properties());
        }
        assertThat(again.reservations()).isEqualTo(tree.reservations());
    }

    @org.junit.jupiter.api.Test
    void qemusDumpIsAmongTheFixtures() {
        assertThat(Fixtures.allBlobs()).contains(Fixtures.QEMU_DUMPED);
    }
}
