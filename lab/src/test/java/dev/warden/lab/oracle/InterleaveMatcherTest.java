package dev.warden.lab.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Taking the root's text and an inmate's lines apart when they share a UART character by character. */
class InterleaveMatcherTest {

    static final Pattern UART_DEMO = Pattern.compile("^Hello \\d+ from cell!$");

    /** Lines as recording c-uart-demo shows them: the prompt and a command's output cut into the inmate's lines. */
    static final String RECORDED = "Hello 145 from cell!\n"
            + "Hjh-cell 1 cpustats\nello 43542 from cell!\n"
            + "Hello name: inmate-demo\n45031 from cell!\n"
            + "Hello 46608 from cecpus_assigned_list: 1\nll!\n";

    @Test
    void theRootsLinesWovenIntoTheInmatesAreFound() {
        String root = "jh-cell 1 cpustats\nname: inmate-demo\ncpus_assigned_list: 1\n";
        assertThat(InterleaveMatcher.firstMismatch(RECORDED, root, UART_DEMO)).isEqualTo(-1);
    }

    @Test
    void aRootLineTheRecordingDoesNotHaveIsFound() {
        String root = "jh-cell 1 cpustats\nname: inmate-demo\ncpus_assigned_list: 2\n";
        assertThat(InterleaveMatcher.firstMismatch(RECORDED, root, UART_DEMO)).isNotNegative();
    }

    @Test
    void aRootLineWardenLacksIsFoundToo() {
        String root = "jh-cell 1 cpustats\ncpus_assigned_list: 1\n";
        assertThat(InterleaveMatcher.firstMismatch(RECORDED, root, UART_DEMO)).isNotNegative();
    }

    @Test
    void textThatIsNeitherTheRootsNorOfTheInmatesFormFails() {
        assertThat(InterleaveMatcher.firstMismatch("Hello 1 from cell!\nsomething else\n", "", UART_DEMO)).isNotNegative();
    }
}
