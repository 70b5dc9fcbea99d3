package dev.warden.lab.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comparison on hand-made transcripts: what it accepts, and how it names a difference. */
class SessionComparisonTest {

    static final String SESSION = String.join("\n", "session t", "board qemu-arm64-virt", "root-cell qemu-arm64",
            "inmate-lines ^hc-demo: .*$",
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

    /** c-uart-demo's case: the next prompt came in the middle of an inmate's line, which the next command's output ends. */
    static final String WOVEN = String.join("\n", "session w", "board qemu-arm64-virt", "root-cell qemu-arm64",
            "inmate-lines ^Hello \\d+ from cell!$", "interleave characters",
            "$ jailhouse cell start inmate-demo", "status 0", "| Started cell \"inmate-demo\"", "| Hello 2 from", "partial-line",
            "$ jailhouse cell list", "status 0", "|  cell!", "| ID  Name", "| Hello 3 0   qemu-arm64", "| from cell!", "");

    @Test
    void outputWovenByCharacterIsComparedAcrossTheUnfinishedLine() {
        SessionFile woven = SessionFile.parse(WOVEN, "w.session");
        List<ReplayedCommand> same = List.of(
                replayed("jailhouse cell start inmate-demo", 0, "hStarted cell \"inmate-demo\"\n", "IHello 1 from cell!\n"),
                replayed("jailhouse cell list", 0, "mID  Name\n0   qemu-arm64\n"));
        assertThat(SessionComparison.differences(woven, same)).isEmpty();
        List<ReplayedCommand> other = List.of(
                replayed("jailhouse cell start inmate-demo", 0, "hStarted cell \"inmate-demo\"\n", "IHello 1 from cell!\n"),
                replayed("jailhouse cell list", 0, "mID  Name\n1   qemu-arm64\n"));
        assertThat(SessionComparison.differences(woven, other)).extracting(SessionComparison.Difference::what)
                .containsExactly("the real transcript is not Warden's root output interleaved with the inmate's");
    }

    @Test
    void howManyInterruptsACellTookDoesNotCountButThatItTookSomeDoes() {
        SessionFile stats = SessionFile.parse(String.join("\n", "session s", "board qemu-arm64-virt", "root-cell qemu-arm64",
                "$ jh-cell 1 cpustats", "status 0", "| cpu1/vmexits_virt_irq:32", "| cpu1/vmexits_mmio:7", ""), "s.session");
        assertThat(SessionComparison.differences(stats, List.of(replayed("jh-cell 1 cpustats", 0,
                "mcpu1/vmexits_virt_irq:30\ncpu1/vmexits_mmio:7\n")))).isEmpty();
        assertThat(SessionComparison.differences(stats, List.of(replayed("jh-cell 1 cpustats", 0,
                "mcpu1/vmexits_virt_irq:0\ncpu1/vmexits_mmio:7\n")))).extracting(SessionComparison.Difference::actual)
                .containsExactly("cpu1/vmexits_virt_irq:0");
        assertThat(SessionComparison.differences(stats, List.of(replayed("jh-cell 1 cpustats", 0,
                "mcpu1/vmexits_virt_irq:30\ncpu1/vmexits_mmio:4\n")))).extracting(SessionComparison.Difference::actual)
                .containsExactly("cpu1/vmexits_mmio:4");
    }
}
