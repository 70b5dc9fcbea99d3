package dev.warden.lab;

import dev.warden.emulator.board.ConsoleRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchReplayTest {
    @Test
    void replay() throws Exception {
        StringBuilder report = new StringBuilder();
        for (String rec : List.of("a-enable", "e-rejections", "j-bad-configs", "d-park")) {
            List<String> lines = Files.readAllLines(Path.of("/work/shared/reference-rig/recordings/" + rec + ".steps.txt"));
            try (Lab lab = JailhouseFlowTest.bootedAndLoggedIn("qemu-arm64-virt", BootRequest.defaults().overlays(List.of("qemu-arm64-virt-jailhouse.dtbo")))) {
                var c = lab.console(ConsoleRole.PRIMARY);
                StringBuilder full = new StringBuilder();
                String prev = "0";
                for (String l : lines) {
                    if (l.startsWith("#")) continue;
                    String[] f = l.split("\t");
                    String rc = f[2];
                    String cmd = f[3];
                    if (cmd.startsWith("[")) continue;
                    int start = c.length();
                    c.type(cmd + "\n");
                    int end = lab.waitFor(ConsoleRole.PRIMARY, "root@demo:~# ", start + cmd.length(), 40 * JailhouseFlowTest.SECOND);
                    String got = end < 0 ? "TIMEOUT" : String.valueOf(lab.linux().shell().get().lastStatus());
                    String out = end < 0 ? c.text().substring(start) : c.text().substring(start, end);
                    full.append("rc=").append(prev).append(" # ").append(out.replace("root@demo:~# ", ""));
                    prev = got;
                    if (out.length() > 600) out = out.substring(0, 300) + "\n...\n" + out.substring(out.length() - 300);
                    report.append(rec).append(" | ").append(rc.equals(got) ? "ok  " : "DIFF").append(" rc=").append(rc).append(" got=").append(got).append(" | ").append(cmd).append('\n');
                    if (!rc.equals(got) || out.contains("not found") || out.contains("syntax error") || out.contains("Usage:")) report.append(out).append("\n-----\n");
                    if (end < 0) break;
                }
                Files.writeString(Path.of("/tmp/replay-" + rec + ".txt"), full.toString());
            }
        }
        Files.writeString(Path.of("/tmp/replay-report.txt"), report.toString());
    }
}
