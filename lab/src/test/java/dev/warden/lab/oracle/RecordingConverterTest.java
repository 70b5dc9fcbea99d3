package dev.warden.lab.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How a recording is cut into a session: the serial console's stream, and output woven by character. */
class RecordingConverterTest {

    @Test
    void theSerialStreamKeepsTheRootsAndTheHypervisorsLinesButNotTheCellsLinux() {
        String serial = String.join("\n",
                "[    1.000000] booting",
                "[   30.000000] jailhouse: loading out-of-tree module taints kernel.",
                "",
                "Started cell \"linux\"",
                "[    0.000000] Booting Linux on physical CPU 0x2",
                "linux-demo: up",
                "",
                "linux-demo rc=0 # uname -a",
                "linux-demo rc=0 # Cell \"linux\" can be loaded",
                "Closing cell \"linux\"",
                "[   40.000000] Destroyed Jailhouse cell \"linux\"",
                "[   41.000000] reboot: Power down",
                "");
        assertThat(RecordingConverter.serialStream(serial)).containsExactly(
                "[   30.000000] jailhouse: loading out-of-tree module taints kernel.", "", "Started cell \"linux\"",
                "Cell \"linux\" can be loaded", "Closing cell \"linux\"", "[   40.000000] Destroyed Jailhouse cell \"linux\"");
    }

    @Test
    void anInmatesWholeLinesGoButAnUnfinishedOneOrOneThatContinuesTheLastOutputStays() {
        Pattern hello = Pattern.compile("^Hello \\d+ from cell!$");
        List<String> lines = List.of("Hello 1 from cell!", "root line", "Hello 2 from cell!", "Hello 3 from cell!");
        assertThat(RecordingConverter.withoutWholeInmateLines(lines, hello, true, true)).containsExactly("root line");
        assertThat(RecordingConverter.withoutWholeInmateLines(lines, hello, false, false))
                .containsExactly("Hello 1 from cell!", "root line", "Hello 3 from cell!");
    }
}
