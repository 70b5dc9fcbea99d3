package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ls: columns on the terminal, one name a line into a pipe, headers, -l, errors. */
class LsAppletTest {

    static final List<String> JAILHOUSE = List.of("cells", "console", "core", "enabled", "mem_pool_size",
            "mem_pool_used", "module", "remap_pool_size", "remap_pool_used", "uevent");

    private static void publishJailhouse(RootFs fs) {
        for (String name : JAILHOUSE) {
            if (!name.equals("cells") && !name.equals("module")) fs.put("/sys/devices/jailhouse/" + name, () -> "0\n");
        }
        fs.put("/sys/devices/jailhouse/module/refcnt", () -> "0\n");
        for (String name : List.of("cpus_assigned", "cpus_assigned_list", "cpus_failed", "cpus_failed_list", "name", "state")) {
            fs.put("/sys/devices/jailhouse/cells/0/" + name, () -> "x\n");
        }
        fs.put("/sys/devices/jailhouse/cells/0/statistics/vmexits_total", () -> "1\n");
    }

    @Test
    void theRecordingsTwoFoldersOnAWideTerminal() {
        ShellHarness sh = new ShellHarness(Shell.TERMINAL_COLUMNS);
        publishJailhouse(sh.fs());
        assertThat(sh.run("ls /sys/devices/jailhouse /sys/devices/jailhouse/cells/0")).isEqualTo("""
                /sys/devices/jailhouse:
                cells            console          core             enabled          mem_pool_size    mem_pool_used    module           remap_pool_size  remap_pool_used  uevent

                /sys/devices/jailhouse/cells/0:
                cpus_assigned       cpus_assigned_list  cpus_failed         cpus_failed_list    name                state               statistics
                """);
    }

    @Test
    void columnsGoDownThenAcrossAsFitsInOneLessThanTheWidth() {
        // busybox 1.35.0 with stty cols 80 lays the jailhouse folder out so
        assertThat(LsApplet.columns(JAILHOUSE, 80)).isEqualTo("""
                cells            enabled          module           uevent
                console          mem_pool_size    remap_pool_size
                core             mem_pool_used    remap_pool_used
                """);
        List<String> two = List.of("a", "bb");
        assertThat(LsApplet.columns(two, 80)).isEqualTo("a   bb\n");
        // 23 names of up to 10 characters: 3 columns at 37 and 48, 4 at 49 (stty cols on busybox)
        List<String> names = List.of("f000000013", "f000000020", "f00000012", "f00000019", "f0000006", "f0000011",
                "f0000018", "f000005", "f000010", "f000017", "f00004", "f00016", "f00023", "f0003", "f0009", "f0015",
                "f002", "f0022", "f008", "f01", "f014", "f021", "f07");
        assertThat(LsApplet.columns(names, 80)).isEqualTo("""
                f000000013  f0000006    f000010     f00023      f002        f014
                f000000020  f0000011    f000017     f0003       f0022       f021
                f00000012   f0000018    f00004      f0009       f008        f07
                f00000019   f000005     f00016      f0015       f01
                """);
        assertThat(LsApplet.columns(names, 36).lines().findFirst().orElseThrow().split(" +")).hasSize(2);
        assertThat(LsApplet.columns(names, 37).lines().findFirst().orElseThrow().split(" +")).hasSize(3);
        assertThat(LsApplet.columns(names, 48).lines().findFirst().orElseThrow().split(" +")).hasSize(3);
        assertThat(LsApplet.columns(names, 49).lines().findFirst().orElseThrow().split(" +")).hasSize(4);
    }

    @Test
    void intoAPipeOneNameALineAndFilesBeforeFolders() {
        ShellHarness sh = new ShellHarness(80);
        sh.run("cd /tmp; mkdir_not_needed=1; echo > x.cell; echo > b");
        assertThat(sh.run("ls /tmp | cat")).isEqualTo("b\nx.cell\n");
        assertThat(sh.run("ls /tmp")).isEqualTo("b       x.cell\n");
        assertThat(sh.run("ls -1 /tmp")).isEqualTo("b\nx.cell\n");
        assertThat(sh.run("ls /tmp x.cell /tmp/b")).isEqualTo("/tmp/b  x.cell\n\n/tmp:\nb       x.cell\n");
        assertThat(sh.run("ls")).isEqualTo("b       x.cell\n");
        assertThat(sh.run("ls -d /tmp")).isEqualTo("/tmp\n");
    }

    @Test
    void longFormAsTheRecordingShowsIt() {
        ShellHarness sh = new ShellHarness(80);
        sh.board.runFor(1_900_000_000L);
        sh.run("cd /tmp");
        sh.run("head -c 100 /dev/null > sys-trunc.cell");
        sh.fs().write("/tmp/sys-trunc.cell", new byte[100]);
        sh.fs().write("/tmp/sys-rev13.cell", new byte[1024]);
        sh.fs().write("/tmp/sys-sig.cell", new byte[1024]);
        assertThat(sh.run("ls -l *.cell")).isEqualTo("""
                -rw-r--r--    1 0        0             1024 Jan  1 00:00 sys-rev13.cell
                -rw-r--r--    1 0        0             1024 Jan  1 00:00 sys-sig.cell
                -rw-r--r--    1 0        0              100 Jan  1 00:00 sys-trunc.cell
                """);
        sh.board.runFor(3_600_000_000_000L);
        sh.run("echo > later");
        assertThat(sh.run("ls -l /tmp")).startsWith("total 16\n").contains("-rw-r--r--    1 0        0                1 Jan  1 01:00 later\n");
        assertThat(sh.run("ls -l /tmp | grep -c cell")).isEqualTo("3\n");
        assertThat(sh.run("ls -ld /tmp")).isEqualTo("drwxr-xr-x    2 0        0                0 Jan  1 00:00 /tmp\n");
    }

    @Test
    void errorsComeFirstAndGiveStatus1() {
        ShellHarness sh = new ShellHarness(80);
        sh.run("echo > /tmp/x.cell");
        assertThat(sh.run("ls /tmp/x.cell nofile")).isEqualTo("ls: nofile: No such file or directory\n/tmp/x.cell\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("ls /tmp/x.cell/")).isEqualTo("ls: /tmp/x.cell/: Not a directory\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("ls -z")).startsWith("ls: invalid option -- 'z'\n" + Usage.BANNER + "\n\nUsage: ls ");
        assertThat(sh.status()).isEqualTo(1);
    }
}
