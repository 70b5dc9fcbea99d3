package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** hexdump -C as busybox prints it, squeezed repeats included. */
class HexdumpAppletTest {

    private final ShellHarness sh = new ShellHarness();

    @Test
    void theFirstLineOfAPatchedConfiguration() {
        byte[] cell = new byte[1024];
        byte[] head = {0x4a, 0x48, 0x53, 0x59, 0x53, 0x02, 0x0d, 0x00, 0x01, 0, 0, 0, 0, 0, (byte) 0xc0, 0x7f};
        System.arraycopy(head, 0, cell, 0, head.length);
        sh.fs().write("/tmp/sys-rev13.cell", cell);
        sh.run("cd /tmp");
        assertThat(sh.run("hexdump -C sys-rev13.cell | head -1"))
                .isEqualTo("00000000  4a 48 53 59 53 02 0d 00  01 00 00 00 00 00 c0 7f  |JHSYS...........|\n");
    }

    @Test
    void repeatsAreSqueezedAndTheLengthEndsTheDump() {
        sh.run("head -c 100 /dev/null > /tmp/x"); // empty
        assertThat(sh.run("hexdump -C /tmp/x")).isEmpty();
        sh.fs().write("/tmp/z", new byte[100]);
        assertThat(sh.run("hexdump -C /tmp/z")).isEqualTo("""
                00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
                *
                00000060  00 00 00 00                                       |....|
                00000064
                """);
        assertThat(sh.run("printf 'abcdefghijklmnopabcdefghijklmnopXY' | hexdump -C")).isEqualTo("""
                00000000  61 62 63 64 65 66 67 68  69 6a 6b 6c 6d 6e 6f 70  |abcdefghijklmnop|
                *
                00000020  58 59                                             |XY|
                00000022
                """);
    }

    @Test
    void errors() {
        assertThat(sh.run("hexdump -C nofile")).isEqualTo("hexdump: nofile: No such file or directory\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("hexdump -Z")).startsWith("hexdump: invalid option -- 'Z'\n");
        assertThat(sh.status()).isEqualTo(1);
    }
}
