package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cat, head, cp and dd with busybox's output, messages and statuses (observed on busybox 1.35.0). */
class FileAppletsTest {

    private final ShellHarness sh = new ShellHarness();
    /** A 1 KiB "cell configuration": every byte value, four times. */
    private final byte[] cell = new byte[1024];

    @TempDir
    Path host;

    @BeforeEach
    void aReadOnlyFolderOfConfigurations() throws Exception {
        for (int i = 0; i < cell.length; i++) cell[i] = (byte) i;
        cell[0] = 'J';
        cell[1] = 'H';
        cell[2] = 'S';
        cell[3] = 'Y';
        cell[4] = 'S';
        Files.write(host.resolve("qemu-arm64.cell"), cell);
        sh.fs().mount("/etc/jailhouse", host);
        sh.run("cd /tmp");
    }

    @Test
    void catConcatenatesAndReportsWhatItCannotRead() {
        sh.run("printf abc > a; printf def > b");
        assertThat(sh.run("cat a b")).isEqualTo("abcdef");
        assertThat(sh.run("printf in | cat a - b")).isEqualTo("abcindef");
        assertThat(sh.run("cat a nofile b")).isEqualTo("abccat: can't open 'nofile': No such file or directory\ndef");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("cat /tmp")).isEqualTo("cat: read error: Is a directory\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("cat -z")).startsWith("cat: invalid option -- 'z'\n" + Usage.BANNER + "\n\nUsage: cat ");
        assertThat(sh.status()).isEqualTo(1);
    }

    @Test
    void headCutsBytesOrLines() {
        sh.run("head -c 100 /etc/jailhouse/qemu-arm64.cell > sys-trunc.cell");
        assertThat(sh.status()).isZero();
        assertThat(sh.file("/tmp/sys-trunc.cell")).isEqualTo(java.util.Arrays.copyOf(cell, 100));
        sh.run("printf 'l1\\nl2\\nl3\\n' > lines");
        assertThat(sh.run("head -n 2 lines")).isEqualTo("l1\nl2\n");
        assertThat(sh.run("head -1 lines")).isEqualTo("l1\n");
        assertThat(sh.run("head -n1 lines")).isEqualTo("l1\n");
        assertThat(sh.run("head -n -1 lines")).isEqualTo("l1\nl2\n");
        assertThat(sh.run("head -c -2 lines")).isEqualTo("l1\nl2\nl");
        assertThat(sh.run("head -c 2k /etc/jailhouse/qemu-arm64.cell | head -c 3")).isEqualTo("JHS");
        assertThat(sh.run("cat lines | head -n 1")).isEqualTo("l1\n");
        assertThat(sh.run("printf 'x\\ny' | head")).isEqualTo("x\ny");
        assertThat(sh.run("head -c 3 lines lines")).isEqualTo("==> lines <==\nl1\n\n==> lines <==\nl1\n");
        assertThat(sh.run("printf 'l1\\n' | head -v")).isEqualTo("==> standard input <==\nl1\n");
    }

    @Test
    void headsErrors() {
        assertThat(sh.run("head -c 5 nofile")).isEqualTo("head: nofile: No such file or directory\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("head -c abc lines")).isEqualTo("head: invalid number 'abc'\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("head -z")).startsWith("head: invalid option -- 'z'\n" + Usage.BANNER + "\n\nUsage: head [OPTIONS] [FILE]...");
        assertThat(sh.run("head -n")).startsWith("head: option requires an argument -- 'n'\n");
        assertThat(sh.status()).isEqualTo(1);
    }

    @Test
    void cpCopiesTheBytesExactly() {
        assertThat(sh.run("cp /etc/jailhouse/qemu-arm64.cell sys-rev13.cell")).isEmpty();
        assertThat(sh.file("/tmp/sys-rev13.cell")).isEqualTo(cell);
        sh.run("cp /etc/jailhouse/qemu-arm64.cell /root");
        assertThat(sh.file("/root/qemu-arm64.cell")).isEqualTo(cell);
        sh.run("cp sys-rev13.cell /home/root/copy.cell");
        assertThat(sh.file("/home/root/copy.cell")).isEqualTo(cell);
    }

    @Test
    void cpsErrors() {
        assertThat(sh.run("cp nofile y")).isEqualTo("cp: can't stat 'nofile': No such file or directory\n");
        assertThat(sh.status()).isEqualTo(1);
        sh.run("echo x > x");
        assertThat(sh.run("cp x x")).isEqualTo("cp: 'x' and 'x' are the same file\n");
        assertThat(sh.run("cp /tmp y")).isEqualTo("cp: omitting directory '/tmp'\n");
        assertThat(sh.run("cp x /etc/jailhouse/x")).isEqualTo("cp: can't create '/etc/jailhouse/x': Read-only file system\n");
        assertThat(sh.run("cp x /nonexist/x")).isEqualTo("cp: can't create '/nonexist/x': No such file or directory\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("cp x")).startsWith(Usage.BANNER + "\n\nUsage: cp ");
        assertThat(sh.status()).isEqualTo(1);
    }

    @Test
    void ddPatchesBytesInPlaceWithNotruncAndCountsRecords() {
        sh.run("cp /etc/jailhouse/qemu-arm64.cell sys-rev13.cell");
        assertThat(sh.run("printf '\\015\\000' | dd of=sys-rev13.cell bs=1 seek=6 conv=notrunc"))
                .isEqualTo("2+0 records in\n2+0 records out\n");
        byte[] expected = cell.clone();
        expected[6] = 0x0d;
        expected[7] = 0x00;
        assertThat(sh.file("/tmp/sys-rev13.cell")).isEqualTo(expected);
        sh.run("cp /etc/jailhouse/qemu-arm64.cell sys-sig.cell");
        assertThat(sh.run("printf 'JHSYX' | dd of=sys-sig.cell bs=1 seek=0 conv=notrunc"))
                .isEqualTo("5+0 records in\n5+0 records out\n");
        assertThat(sh.file("/tmp/sys-sig.cell")).hasSize(1024).startsWith('J', 'H', 'S', 'Y', 'X', 5, 6);
    }

    @Test
    void ddWithoutNotruncEndsTheFileWhereTheCopyEnds() {
        sh.run("printf 0123456789 > f");
        sh.run("printf AB | dd of=f bs=1 seek=3");
        assertThat(sh.text("/tmp/f")).isEqualTo("012AB");
        sh.run("printf 0123456789 > f");
        sh.run("printf AB | dd of=f bs=1 seek=12 conv=notrunc");
        assertThat(sh.text("/tmp/f")).isEqualTo("0123456789\0\0AB");
        assertThat(sh.run("printf 0123456789 | dd bs=4")).isEqualTo("01234567892+1 records in\n2+1 records out\n");
        assertThat(sh.run("printf 0123456789 | dd bs=4 count=1 skip=1")).isEqualTo("45671+0 records in\n1+0 records out\n");
        assertThat(sh.run("dd if=f of=g")).isEqualTo("0+1 records in\n0+1 records out\n");
        assertThat(sh.file("/tmp/g")).isEqualTo(sh.file("/tmp/f"));
        assertThat(sh.run("printf x | dd of=f bs=1 status=none")).isEmpty();
    }

    @Test
    void ddsErrors() {
        assertThat(sh.run("dd of=x bs=1 seek=abc")).isEqualTo("dd: invalid number 'abc'\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("dd if=nofile of=q")).isEqualTo("dd: can't open 'nofile': No such file or directory\n");
        assertThat(sh.run("dd bs=0")).isEqualTo("dd: number 0 is not in 1..9223372036854775807 range\n");
        assertThat(sh.run("dd conv=foo")).isEqualTo("dd: invalid argument 'foo' to 'conv'\n");
        assertThat(sh.run("dd of=/etc/jailhouse/qemu-arm64.cell")).isEqualTo("dd: can't open '/etc/jailhouse/qemu-arm64.cell': Read-only file system\n");
        assertThat(sh.run("printf x | dd of=/proc/cpuinfo"))
                .isEqualTo("dd: error writing '/proc/cpuinfo': Input/output error\n0+1 records in\n0+0 records out\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("dd foo=bar")).startsWith(Usage.BANNER + "\n\nUsage: dd [if=FILE]");
        assertThat(sh.status()).isEqualTo(1);
    }
}
