package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void aSavedSessionReplaysToTheSameConsolesAndGoesOn(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("enabled.session");
        Path second = dir.resolve("listed.session");
        String[] saved = run("boot", "--board", "k3-am654-idk", "--overlay", "k3-am654-idk-jailhouse.dtbo", "--stamps",
                "--run", "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell", "--save", first.toString());
        String[] restored = run("boot", "--restore", first.toString(), "--stamps", "--run", "jailhouse cell list",
                "--save", second.toString());
        String[] again = run("boot", "--restore", second.toString(), "--stamps", "--run", "uname -r");

        assertThat(saved[0]).isEqualTo("0");
        assertThat(restored[0]).as(restored[2]).isEqualTo("0");
        assertThat(again[0]).as(again[2]).isEqualTo("0");
        // the same lines at the same virtual times: the restored console starts with the saved one, stamp for stamp
        assertThat(restored[1]).startsWith(saved[1].stripTrailing()).contains("0       k3-am654-idk            running");
        assertThat(again[1]).startsWith(restored[1].stripTrailing());
        assertThat(Files.readString(first)).contains("board: k3-am654-idk", "overlay: k3-am654-idk-jailhouse.dtbo", "type: ", " root",
                " jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell", "end: ", "consoles: ");
        assertThat(Files.readString(second)).contains(" jailhouse cell list");
    }

    @Test
    void aSessionFromAnotherBuildOtherInputsOrThatReplaysDifferentlyIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.session");
        assertThat(run("boot", "--board", "k3-am654-idk", "--run", "uname -r", "--save", file.toString())[0]).isEqualTo("0");
        String text = Files.readString(file);

        Path otherBuild = dir.resolve("build.session");
        Files.writeString(otherBuild, text.replaceFirst("warden: .*", "warden: warden 0.0.1"));
        String[] build = run("boot", "--restore", otherBuild.toString(), "--run", "true");
        assertThat(build[0]).isEqualTo("2");
        assertThat(build[2]).contains("was saved by warden 0.0.1").contains("replays only on the Warden build that saved it");

        Path otherInputs = dir.resolve("inputs.session");
        Files.writeString(otherInputs, text.replaceFirst("inputs: .*", "inputs: 0123"));
        String[] inputs = run("boot", "--restore", otherInputs.toString(), "--run", "true");
        assertThat(inputs[0]).isEqualTo("2");
        assertThat(inputs[2]).contains("input files of board k3-am654-idk").contains("changed since");

        Path otherConsoles = dir.resolve("consoles.session");
        Files.writeString(otherConsoles, text.replaceFirst("consoles: .*", "consoles: 0123"));
        String[] consoles = run("boot", "--restore", otherConsoles.toString(), "--run", "true");
        assertThat(consoles[0]).isEqualTo("2");
        assertThat(consoles[2]).contains("did not give the consoles it saved");

        String[] otherBoard = run("boot", "--restore", file.toString(), "--board", "qemu-arm64-virt", "--run", "true");
        assertThat(otherBoard[0]).isEqualTo("2");
        assertThat(otherBoard[2]).contains("replays board k3-am654-idk with no overlays");

        Path garbage = dir.resolve("garbage.session");
        Files.writeString(garbage, "hello\n");
        String[] bad = run("boot", "--restore", garbage.toString());
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("garbage.session:1: expected 'key: value'");
    }

    @Test
    void anUnknownBoardIsBadInput() {
        String[] r = run("boot", "--board", "nope");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("unknown board 'nope'");
    }
}
