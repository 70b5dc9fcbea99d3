package dev.warden.lab.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The session format: what it reads back, and its errors naming the file and line. */
class SessionFileTest {

    static final String TEXT = String.join("\n",
            "# a comment",
            "session demo",
            "recording somewhere",
            "board qemu-arm64-virt",
            "root-cell qemu-arm64",
            "inmate-lines ^hc-demo: .*$",
            "interleave lines",
            "shell-console serial",
            "waive ^x$ -- because",
            "file /root/a.dtb oracle/jailhouse/files/a.dtb",
            "",
            "$ jailhouse cell list",
            "status 0",
            "| ID      Name",
            "|",
            "$ uname -a",
            "status 0",
            "compare status",
            "$ jailhouse disable",
            "status timeout",
            "$ sleep 5",
            "status 0",
            "| Hello 1 from",
            "partial-line",
            "");

    @Test
    void readsBackWhatItWrites() {
        SessionFile s = SessionFile.parse(TEXT, "demo.session");
        assertThat(s.commands()).hasSize(4);
        assertThat(s.commands().get(0).endsWithNewline()).isTrue();
        assertThat(s.commands().get(3).endsWithNewline()).isFalse();
        assertThat(s.commands().get(3).text()).isEqualTo("Hello 1 from");
        assertThat(s.commands().get(0).text()).isEqualTo("ID      Name\n\n");
        assertThat(s.commands().get(0).output()).containsExactly("ID      Name", "");
        assertThat(s.commands().get(1).outputCompared()).isFalse();
        assertThat(s.commands().get(2).status()).isEqualTo(SessionFile.TIMEOUT);
        assertThat(s.files()).containsExactly(new SessionFile.BoardFile("/root/a.dtb", "oracle/jailhouse/files/a.dtb"));
        SessionFile again = SessionFile.parse(s.format(List.of("again")), "again.session");
        assertThat(again.commands()).isEqualTo(s.commands());
        assertThat(again.inmateLines().orElseThrow().pattern()).isEqualTo("^hc-demo: .*$");
    }

    @Test
    void anUnknownDirectiveNamesTheFileAndLine() {
        assertThatThrownBy(() -> SessionFile.parse("session x\nboard b\nfrobnicate 1\n", "x.session"))
                .hasMessageStartingWith("x.session:3: unknown directive 'frobnicate'");
    }

    @Test
    void anUnfinishedLineNeedsOutputToEnd() {
        assertThatThrownBy(() -> SessionFile.parse("session x\nboard b\n$ true\nstatus 0\npartial-line\n", "x.session"))
                .hasMessageStartingWith("x.session:5: partial-line follows the output it ends");
    }

    @Test
    void outputBeforeAnyCommandIsAnError() {
        assertThatThrownBy(() -> SessionFile.parse("session x\nboard b\n| stray\n", "x.session"))
                .hasMessageStartingWith("x.session:3: output or status before the first '$ COMMAND'");
    }
}
