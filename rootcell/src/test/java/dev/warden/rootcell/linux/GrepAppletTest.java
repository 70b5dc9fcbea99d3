package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** grep with the recordings' options, busybox's exit statuses and messages. */
class GrepAppletTest {

    private final ShellHarness sh = new ShellHarness();

    @BeforeEach
    void files() {
        sh.fs().write("/tmp/iomem", ("08000000-0800ffff : GICD\n40000000-6fffffff : System RAM\n"
                + "7fc00000-7fffffff : Jailhouse hypervisor\n").getBytes());
        sh.fs().write("/tmp/dmesg", ("[    1.822034] jailhouse: loading out-of-tree module taints kernel.\n"
                + "[    2.000000] psci: CPU1 killed\n[   18.588163] The Jailhouse is opening.\n").getBytes());
    }

    @Test
    void countsCaseInsensitiveAndStdin() {
        sh.fs().write("/tmp/cpuinfo", "processor\t: 0\nBogoMIPS\t: 125\n\nprocessor\t: 1\n".getBytes());
        assertThat(sh.run("grep -c ^processor /tmp/cpuinfo")).isEqualTo("2\n");
        assertThat(sh.run("grep -i jailhouse /tmp/iomem")).isEqualTo("7fc00000-7fffffff : Jailhouse hypervisor\n");
        assertThat(sh.run("cat /tmp/dmesg | grep -i jailhouse")).isEqualTo(
                "[    1.822034] jailhouse: loading out-of-tree module taints kernel.\n[   18.588163] The Jailhouse is opening.\n");
        assertThat(sh.run("grep -i -e jailhouse -e psci < /tmp/dmesg")).hasLineCount(3);
        assertThat(sh.run("grep -c zzz /tmp/iomem")).isEqualTo("0\n");
        assertThat(sh.status()).isEqualTo(1);
        assertThat(sh.run("grep -n -v Jail /tmp/iomem")).isEqualTo("1:08000000-0800ffff : GICD\n2:40000000-6fffffff : System RAM\n");
        assertThat(sh.run("grep -c RAM /tmp/iomem /tmp/dmesg")).isEqualTo("/tmp/iomem:1\n/tmp/dmesg:0\n");
        assertThat(sh.run("grep -l RAM /tmp/iomem /tmp/dmesg")).isEqualTo("/tmp/iomem\n");
        assertThat(sh.run("grep -q RAM /tmp/iomem")).isEmpty();
        assertThat(sh.status()).isZero();
    }

    @Test
    void basicAndExtendedRegularExpressions() {
        sh.fs().write("/tmp/t", "a(b\naab\na+b\nab\n".getBytes());
        assertThat(sh.run("grep 'a(b' /tmp/t")).isEqualTo("a(b\n");
        assertThat(sh.run("grep 'a\\{2\\}' /tmp/t")).isEqualTo("aab\n");
        assertThat(sh.run("grep 'a+b' /tmp/t")).isEqualTo("a+b\n");
        assertThat(sh.run("grep -E '^a+b$' /tmp/t")).isEqualTo("aab\nab\n");
        assertThat(sh.run("grep -x ab /tmp/t")).isEqualTo("ab\n");
        assertThat(sh.run("grep -F 'a+' /tmp/t")).isEqualTo("a+b\n");
        assertThat(sh.run("grep '[[:digit:]]' /tmp/iomem")).hasLineCount(3);
        assertThat(sh.run("grep '^[^0-7]' /tmp/iomem")).isEmpty();
        assertThat(sh.run("grep '*' /tmp/t")).isEmpty(); // a leading star is a plain star
    }

    @Test
    void errorsGiveStatus2() {
        assertThat(sh.run("grep zzz /tmp/iomem nofile")).isEqualTo("grep: nofile: No such file or directory\n");
        assertThat(sh.status()).isEqualTo(2);
        assertThat(sh.run("grep RAM /tmp/iomem nofile")).isEqualTo(
                "/tmp/iomem:40000000-6fffffff : System RAM\ngrep: nofile: No such file or directory\n");
        assertThat(sh.status()).isEqualTo(2);
        assertThat(sh.run("grep -s RAM nofile")).isEmpty();
        assertThat(sh.status()).isEqualTo(2);
        assertThat(sh.run("grep '[' /tmp/iomem")).isEqualTo("grep: bad regex '['\n");
        assertThat(sh.status()).isEqualTo(2);
        assertThat(sh.run("grep")).startsWith(Usage.BANNER + "\n\nUsage: grep ");
        assertThat(sh.status()).isEqualTo(2);
        assertThat(sh.run("grep -Z x")).startsWith("grep: invalid option -- 'Z'\n");
        assertThat(sh.status()).isEqualTo(2);
        assertThat(sh.run("grep x /tmp")).isEmpty();
        assertThat(sh.status()).isEqualTo(1);
    }
}
