package dev.warden.devicetree.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.model.DeviceTree;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dtc-produced fixture survives read then write byte for byte, and write then read. */
class RoundTripTest {

    static List<String> dtcBlobs() {
        return Fixtures.allBlobs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dtcBlobs")
    void writeOfReadIsTheSameBlob(String blob) {
        byte[] original = Fixtures.bytes(blob);
        assertThat(DeviceTree.read(original, blob).toDtb()).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dtcBlobs")
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
}
