package dev.warden.devicetree.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.Fixtures.OverlayCase;
import dev.warden.devicetree.blob.FdtBlob;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of dt-oracle/cases.txt through {@link Overlays#fdtoverlay}, compared with what
 * Debian's fdtoverlay 1.6.1 produced (dt-oracle/regenerate.sh): the merged blob byte for byte,
 * or the exact "Failed to apply" line.
 */
class FdtoverlayGoldenTest {

    static List<OverlayCase> cases() {
        return Fixtures.overlayCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesDebianFdtoverlay(OverlayCase c) {
        String result = Fixtures.text("dt-oracle/golden/overlay/" + c.name() + ".result");
        FdtBlob base = FdtBlob.loadChecked(Fixtures.bytes(c.base()), c.base());
        List<FdtBlob> overlays = c.overlays().stream()
                .map(o -> FdtBlob.loadChecked(Fixtures.bytes(o), o))
                .collect(Collectors.toList());

        if (result.startsWith("rc=0")) {
            byte[] merged = Overlays.fdtoverlay(base, overlays);
            assertThat(merged).isEqualTo(Fixtures.bytes("dt-oracle/golden/overlay/" + c.name() + ".dtb"));
        } else {
            FdtException e = catchThrowableOfType(FdtException.class, () -> Overlays.fdtoverlay(base, overlays));
            assertThat(e).as("fdtoverlay failed on this case, so must we").isNotNull();
            String expectedLine = result.lines().filter(l -> l.startsWith("Failed to ")).findFirst().orElseThrow();
            assertThat(Overlays.fdtoverlayFailureLine(e)).isEqualTo(expectedLine);
        }
    }
}
