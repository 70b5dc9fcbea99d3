package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BootCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new WardenCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void bootsLogsInAndRunsTheCommands() {
        String[] r = run("boot", "--board", "k3-am654-idk", "--overlay", "k3-am654-idk-jailhouse.dtbo",
                "--run", "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell", "--run", "jailhouse cell list");

        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("Starting kernel ...").contains("am65xx-evm login: root")
                .contains("Activating hypervisor").contains("0       k3-am654-idk            running");
    }

    @Test
    void anUnknownBoardIsBadInput() {
        String[] r = run("boot", "--board", "nope");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("unknown board 'nope'");
    }
}
