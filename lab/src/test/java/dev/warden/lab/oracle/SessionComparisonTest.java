package dev.warden.lab.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comparison on hand-made transcripts: what it accepts, and how it names a difference. */
class SessionComparisonTest {

    static final String SESSION = String.join("\n", "session t", "board qemu-arm64-virt", "root-cell qemu-arm64",
            "inmate-lines ^hc-demo: .*$", "inmate-ram 0x0 0x10000",
            "$ jailhouse cell start inmate-demo", "status 0", "| Started cell \"inmate-demo\"", "| hc-demo: done, halting",
            "$ sleep 3", "status 0",
            "| Unhandled data read at 0x40000000(4)",
            "$ jh-cell 0 stats", "status 0", "| vmexits_total: 2890", "");

    /** Warden's side: the root's lines tagged modeled ('m') or hypervisor ('h'), the inmate's by its core. */
    static ReplayedCommand replayed(String line, int status, String... parts) {
        StringBuilder text = new StringBuilder();
        StringBuilder writers = new StringBuilder();
        for (String p : parts) {
            char tag = p.charAt(0) == 'I' ? dev.warden.emulator.console.Writer.core(1) : p.charAt(0);
            String s = p.substring(1);
            text.append(s);
            writers.append(String.valueOf(tag).repeat(s.length()));
        }
        return new ReplayedCommand(line, text.toString(), writers.toString(), status);
    }

    final SessionFile session = SessionFile.parse(SESSION, "t.session");

    @Test
    void aFaultPrintedWhileTheNextCommandRunsAndAnotherStatisticStillMatch() {
        List<ReplayedCommand> replay = List.of(
                replayed("jailhouse cell start inmate-demo", 0, "hStarted cell \"inmate-demo\"\n",
                        "hUnhandled data read at 0x40000000(4)\n"),
                replayed("sleep 3", 0, "Ihc-demo: done, halting\n"),
                replayed("jh-cell 0 stats", 0, "mvmexits_total: 12\n"));
        assertThat(SessionComparison.differences(session, replay)).isEmpty();
    }

    @Test
    void aDifferentLineIsNamedWithItsCommand() {
        List<ReplayedCommand> replay = List.of(
                replayed("jailhouse cell start inmate-demo", 0, "hStarted cell \"inmate-demo\"\n", "Ihc-demo: done, halting\n"),
                replayed("sleep 3", 0, "hUnhandled data write at 0x40000000(4)\n"),
                replayed("jh-cell 0 stats", 0, "mvmexits_total: 2890\n"));
        Optional<SessionComparison.Difference> d = SessionComparison.compare(session, replay);
        assertThat(d).isPresent();
        assertThat(d.get().commandLine()).isEqualTo("sleep 3");
        assertThat(d.get().expected()).isEqualTo("Unhandled data read at 0x40000000(4)");
        assertThat(d.get().actual()).isEqualTo("Unhandled data write at 0x40000000(4)");
    }

    @Test
    void anExitStatusCountsAndAnInmatesLinesAreTheirOwnStream() {
        List<ReplayedCommand> replay = List.of(
                replayed("jailhouse cell start inmate-demo", 1, "hStarted cell \"inmate-demo\"\n"),
                replayed("sleep 3", 0, "hUnhandled data read at 0x40000000(4)\n", "Ihc-demo: done, trapped\n"),
                replayed("jh-cell 0 stats", 0, "mvmexits_total: 2890\n"));
        List<SessionComparison.Difference> d = SessionComparison.differences(session, replay);
        assertThat(d).extracting(SessionComparison.Difference::what)
                .contains("the exit status differs", "line 1 of the inmate's output differs");
    }
}
