package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** echo and printf, compared with busybox sh 1.35.0's. */
class PrintCommandsTest {

    private final ShellHarness sh = new ShellHarness();

    @Test
    void printfWritesRawBytesFromOctalEscapes() {
        sh.run("printf '\\015\\000' > /tmp/b");
        assertThat(sh.file("/tmp/b")).containsExactly(0x0d, 0x00);
        sh.run("printf '\\0101|\\101|\\x41\\x4g|\\c|after' > /tmp/c");
        assertThat(sh.text("/tmp/c")).isEqualTo("\b1|A|A\u0004g|");
    }

    @Test
    void printfConversionsAndTheFormatUsedAgainForMoreArguments() {
        assertThat(sh.run("printf '%s %s\\n' a b c")).isEqualTo("a b\nc \n");
        assertThat(sh.run("printf '%5.2s|%-4s|%04d|%+d|% d|%x|%o|%c|%%\\n' abc d 42 5 6 255 8 hello"))
                .isEqualTo("   ab|d   |0042|+5| 6|ff|10|h|%\n");
        assertThat(sh.run("printf '%b\\n' 'a\\tb\\101'")).isEqualTo("a\tbA\n");
        assertThat(sh.run("printf '%*d|\\n' 5 3")).isEqualTo("    3|\n");
        assertThat(sh.run("printf '%d|%x\\n' 0x1f 010")).isEqualTo("31|8\n");
        assertThat(sh.run("printf 'abc\\\\'")).isEqualTo("abc\\");
        assertThat(sh.run("printf '%c%c' A")).isEqualTo("A\0");
    }

    @Test
    void printfErrors() {
        assertThat(sh.run("printf")).isEqualTo("-sh: usage: printf FORMAT [ARGUMENT...]\n");
        assertThat(sh.status()).isEqualTo(2);
        assertThat(sh.run("printf '%d\\n' abc")).isEqualTo("-sh: invalid number 'abc'\n0\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("printf 'x%q'")).isEqualTo("x-sh: %q: invalid format\n");
        assertThat(sh.status()).isEqualTo(1);
    }

    @Test
    void echoTakesOnlyNeAndEOptions() {
        assertThat(sh.run("echo -n hi")).isEqualTo("hi");
        assertThat(sh.run("echo -e 'a\\tb\\0101\\c zz'")).isEqualTo("a\tbA");
        assertThat(sh.run("echo 'a\\tb'")).isEqualTo("a\\tb\n");
        assertThat(sh.run("echo -x y")).isEqualTo("-x y\n");
        assertThat(sh.run("echo")).isEqualTo("\n");
    }
}
