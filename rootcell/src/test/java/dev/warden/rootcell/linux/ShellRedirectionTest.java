package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redirections, globbing, the working directory and scripts. */
class ShellRedirectionTest {

    private final ShellHarness sh = new ShellHarness();

    @Test
    void outputGoesIntoAFileCreatedOrTruncatedAndAppendedWithTwoArrows() {
        assertThat(sh.run("echo one > /tmp/f")).isEmpty();
        assertThat(sh.text("/tmp/f")).isEqualTo("one\n");
        sh.run("echo two >> /tmp/f");
        assertThat(sh.text("/tmp/f")).isEqualTo("one\ntwo\n");
        sh.run("echo three >/tmp/f");
        assertThat(sh.text("/tmp/f")).isEqualTo("three\n");
        sh.run("> /tmp/empty");
        assertThat(sh.file("/tmp/empty")).isEmpty();
    }

    @Test
    void errorsStayOnTheTerminalUnlessRedirected() {
        assertThat(sh.run("cat /nope > /tmp/out")).isEqualTo("cat: can't open '/nope': No such file or directory\n");
        assertThat(sh.file("/tmp/out")).isEmpty();
        assertThat(sh.run("cat /nope 2> /tmp/err")).isEmpty();
        assertThat(sh.text("/tmp/err")).isEqualTo("cat: can't open '/nope': No such file or directory\n");
        assertThat(sh.run("cat /nope > /tmp/both 2>&1")).isEmpty();
        assertThat(sh.text("/tmp/both")).contains("can't open");
        assertThat(sh.run("cat /nope 2>&1 | grep -c open")).isEqualTo("1\n");
    }

    @Test
    void inputComesFromAFile() {
        sh.run("printf 'x\\ny\\n' > /tmp/in");
        assertThat(sh.run("grep y < /tmp/in")).isEqualTo("y\n");
        assertThat(sh.run("cat < /tmp/nothing")).isEqualTo("-sh: can't open /tmp/nothing: no such file\n");
        assertThat(sh.status()).isEqualTo(1);
    }

    @Test
    void aFileThatCannotBeCreatedStopsTheCommandWithShsMessage(@TempDir Path host) throws Exception {
        Files.writeString(host.resolve("x.cell"), "data");
        sh.fs().mount("/etc/jailhouse", host);
        assertThat(sh.run("echo x > /nonexistent/y")).isEqualTo("-sh: can't create /nonexistent/y: nonexistent directory\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("echo x > /etc/jailhouse/x.cell")).isEqualTo("-sh: can't create /etc/jailhouse/x.cell: Read-only file system\n");
        assertThat(sh.run("echo x > /etc/jailhouse/new.cell")).isEqualTo("-sh: can't create /etc/jailhouse/new.cell: Read-only file system\n");
        assertThat(Files.readString(host.resolve("x.cell"))).isEqualTo("data");
        assertThat(sh.run("echo x > /tmp")).isEqualTo("-sh: can't create /tmp: Is a directory\n");
        sh.fs().put("/sys/devices/jailhouse/enabled", () -> "0\n");
        assertThat(sh.run("echo 1 > /sys/devices/jailhouse/enabled")).isEqualTo("-sh: can't create /sys/devices/jailhouse/enabled: Permission denied\n");
        // a /proc file opens, but the kernel refuses the bytes
        assertThat(sh.run("echo x > /proc/cpuinfo")).isEqualTo("-sh: write error: Input/output error\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("echo x > /dev/null; echo $?")).isEqualTo("0\n");
    }

    @Test
    void globbingMatchesTheWorkingDirectorySortedAndLeavesANonMatchAlone() {
        sh.run("cd /tmp");
        sh.run("echo > sys-trunc.cell; echo > sys-rev13.cell; echo > sys-sig.cell; echo > notes.txt");
        assertThat(sh.run("echo *.cell")).isEqualTo("sys-rev13.cell sys-sig.cell sys-trunc.cell\n");
        assertThat(sh.run("echo sys-[rs]*")).isEqualTo("sys-rev13.cell sys-sig.cell\n");
        assertThat(sh.run("echo sys-???.cell")).isEqualTo("sys-sig.cell\n");
        assertThat(sh.run("echo *.nomatch '*.cell' \\*.cell")).isEqualTo("*.nomatch *.cell *.cell\n");
        assertThat(sh.run("echo /tmp/*.txt ../tmp/n*")).isEqualTo("/tmp/notes.txt ../tmp/notes.txt\n");
    }

    @Test
    void cdChangesWhereRelativePathsPoint() {
        assertThat(sh.run("pwd")).isEqualTo("/home/root\n");
        sh.run("cd /tmp");
        sh.run("echo hi > rel");
        assertThat(sh.text("/tmp/rel")).isEqualTo("hi\n");
        assertThat(sh.run("cat ./rel ../tmp/rel")).isEqualTo("hi\nhi\n");
        sh.run("cd ..");
        assertThat(sh.run("pwd")).isEqualTo("/\n");
        sh.run("cd");
        assertThat(sh.run("pwd")).isEqualTo("/home/root\n");
        assertThat(sh.run("cd /nonexist")).isEqualTo("-sh: cd: can't cd to /nonexist: No such file or directory\n");
        assertThat(sh.status()).isEqualTo(2);
        assertThat(sh.run("cd /tmp/rel")).isEqualTo("-sh: cd: can't cd to /tmp/rel: Not a directory\n");
        assertThat(sh.run("pwd")).isEqualTo("/home/root\n");
    }

    @Test
    void aScriptRunsLineByLineStopsUnderSetEAndKeepsItsCdToItself(@TempDir Path host) throws Exception {
        Files.writeString(host.resolve("demo.sh"), "#!/bin/sh\n# a comment\ncd /tmp\necho in $# $1\nset -e\nfalse\necho never\n");
        sh.fs().mount("/usr/share/demo", host);
        assertThat(sh.run("/usr/share/demo/demo.sh arg")).isEqualTo("in 1 arg\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("pwd")).isEqualTo("/home/root\n");
        assertThat(sh.run("sh -c 'echo a; false; echo b'")).isEqualTo("a\nb\n");
        assertThat(sh.run("printf 'echo from stdin\\n' | sh")).isEqualTo("from stdin\n");
        // a file users wrote has no execute permission
        sh.run("echo 'echo x' > /tmp/s.sh");
        assertThat(sh.run("/tmp/s.sh")).isEqualTo("-sh: /tmp/s.sh: Permission denied\n");
        assertThat(sh.status()).isEqualTo(126);
        assertThat(sh.run("sh /tmp/s.sh")).isEqualTo("x\n");
    }

    @Test
    void sleepMakesTheShellWaitInBoardTime() {
        long before = sh.board.clock().now();
        sh.start("sleep 3; echo done");
        assertThat(sh.finished()).isFalse();
        assertThat(sh.newOutput()).isEmpty();
        sh.board.runFor(2_999_999_999L);
        assertThat(sh.finished()).isFalse();
        sh.board.runFor(1);
        assertThat(sh.finished()).isTrue();
        assertThat(sh.newOutput()).isEqualTo("done\n");
        assertThat(sh.board.clock().now() - before).isEqualTo(3_000_000_000L);
        sh.run("sleep 0.5 1m");
        assertThat(sh.board.clock().now() - before).isEqualTo(3_000_000_000L + 60_500_000_000L);
        assertThat(sh.run("sleep abc")).isEqualTo("sleep: invalid number 'abc'\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("sleep")).startsWith(Usage.BANNER + "\n\nUsage: sleep [N]...");
        assertThat(sh.status()).isEqualTo(1);
    }
}
