package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shell's language: quoting, $?, pipes, redirections, lists, globbing, cd, scripts. */
class ShellSyntaxTest {

    private final ShellHarness sh = new ShellHarness();

    @Test
    void quotesAndEscapesAsBusyboxShHandlesThem() {
        assertThat(sh.run("echo a\\ b \"c\\\"d\" 'e\\nf' \\$? \"a\\tb\" a\\\\b")).isEqualTo("a b c\"d e\\nf $? a\\tb a\\b\n");
        assertThat(sh.run("echo \"\" x")).isEqualTo(" x\n");
        assertThat(sh.run("echo 'a  b'   c")).isEqualTo("a  b c\n");
        assertThat(sh.run("echo a#b # a comment")).isEqualTo("a#b\n");
    }

    @Test
    void dollarQuestionMarkIsTheLastExitStatusWhenTheCommandRuns() {
        sh.run("false");
        assertThat(sh.run("echo $? \"$?\" '$?'")).isEqualTo("1 1 $?\n");
        assertThat(sh.run("false; echo $?; true; echo ${?}")).isEqualTo("1\n0\n");
        assertThat(sh.run("echo $NOSUCH x$HOME")).isEqualTo("x/home/root\n");
    }

    @Test
    void aPipeFeedsStdoutIntoStdinAndTheLastStatusCounts() {
        assertThat(sh.run("printf 'a\\nb\\nc\\n' | grep -c .")).isEqualTo("3\n");
        sh.run("echo x | false");
        assertThat(sh.status()).isEqualTo(1);
        sh.run("false | true");
        assertThat(sh.status()).isZero();
        assertThat(sh.run("printf 'one\\ntwo\\n' | head -n 1 | cat")).isEqualTo("one\n");
    }

    @Test
    void listsRunInOrderAndAndOrDependOnTheStatus() {
        assertThat(sh.run("false && echo x || echo y")).isEqualTo("y\n");
        assertThat(sh.run("true && echo x; echo z")).isEqualTo("x\nz\n");
        assertThat(sh.run("false || false; echo $?")).isEqualTo("1\n");
    }

    @Test
    void syntaxErrorsAreReportedWithStatus2() {
        assertThat(sh.run("| cat")).isEqualTo("-sh: syntax error: unexpected \"|\"\n");
        assertThat(sh.status()).isEqualTo(2);
        assertThat(sh.run("echo \"abc")).isEqualTo("-sh: syntax error: unterminated quoted string\n");
        assertThat(sh.run("echo 'abc")).isEqualTo("-sh: syntax error: unterminated quoted string\n");
        assertThat(sh.run("echo a |")).isEqualTo("-sh: syntax error: unexpected end of file\n");
        assertThat(sh.run("echo >")).isEqualTo("-sh: syntax error: unexpected end of file\n");
        assertThat(sh.run("echo a > > b")).isEqualTo("-sh: syntax error: unexpected redirection\n");
        assertThat(sh.run("echo a;; echo b")).isEqualTo("-sh: syntax error: unexpected \";;\"\n");
        assertThat(sh.status()).isEqualTo(2);
    }

    @Test
    void anUnknownCommandIsNotFound127() {
        assertThat(sh.run("nosuchcmd arg")).isEqualTo("-sh: nosuchcmd: not found\n");
        assertThat(sh.status()).isEqualTo(127);
        assertThat(sh.run("/nosuch")).isEqualTo("-sh: /nosuch: not found\n");
        assertThat(sh.status()).isEqualTo(127);
    }
}
