package dev.warden.emulator.uboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void expandsBothReferenceFormsAndHonoursSingleQuotes() {
        Environment env = new Environment();
        env.set("bootdir", "/boot");
        env.set("name", "k3.dtb");

        assertThat(env.expand("${bootdir}/$name")).isEqualTo("/boot/k3.dtb");
        assertThat(env.expand("'${bootdir}'")).isEqualTo("${bootdir}");
        assertThat(env.expand("\"$missing\"x")).isEqualTo("x");
    }

    @Test
    void unquotedListsSplitIntoWordsQuotedOnesDoNot() {
        Environment env = new Environment();
        env.set("overlays", "a.dtbo  b.dtbo");

        assertThat(env.expandToWords(List.of("$overlays"))).containsExactly("a.dtbo", "b.dtbo");
        assertThat(env.expandToWords(List.of("\"$overlays\""))).containsExactly("a.dtbo  b.dtbo");
    }

    @Test
    void importTakesNameValueLinesAndNamesEveryLineItCannotTake() {
        Environment env = new Environment();
        env.set("stale", "1");

        List<String> problems = env.importText("# comment\nname_overlays=a.dtbo b.dtbo\n\nstale\nbad name=x\n", "uEnv.txt");

        assertThat(env.get("name_overlays")).contains("a.dtbo b.dtbo");
        assertThat(env.get("stale")).isEmpty();
        assertThat(problems).containsExactly(
                "uEnv.txt:4: expected 'name=value', found 'stale' (U-Boot ignores this line)",
                "uEnv.txt:5: variable name 'bad name' contains spaces; U-Boot stores it as written, so nothing will find it");
    }
}
