package dev.warden.devicetree.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.model.DeviceTree;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our DTS text equals what {@code dtc -I dtb -O dts} 1.6.1 printed for every golden blob. */
class DtsPrinterGoldenTest {

    static List<String> fixtureBlobs() {
        return Fixtures.allBlobs();
    }

    static List<String> mergedBlobs() {
        List<String> out = new ArrayList<>();
        for (Fixtures.OverlayCase c : Fixtures.overlayCases()) {
            String dtb = "dt-oracle/golden/overlay/" + c.name() + ".dtb";
            if (Files.exists(Fixtures.path(dtb))) {
                out.add(dtb);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureBlobs")
    void fixtureBlobPrintsLikeDtc(String blob) {
        DeviceTree tree = DeviceTree.read(Fixtures.bytes(blob), blob);
        assertThat(DtsPrinter.print(tree))
                .isEqualTo(Fixtures.text("dt-oracle/golden/dts/" + Fixtures.goldenKey(blob) + ".dts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mergedBlobs")
    void mergedBlobPrintsLikeDtc(String blob) {
        DeviceTree tree = DeviceTree.read(Fixtures.bytes(blob), blob);
        assertThat(DtsPrinter.print(tree)).isEqualTo(Fixtures.text(blob.replace(".dtb", ".dts")));
    }
}
