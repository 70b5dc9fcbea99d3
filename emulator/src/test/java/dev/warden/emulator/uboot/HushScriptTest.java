package dev.warden.emulator.uboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.emulator.uboot.HushScript.Command;
import dev.warden.emulator.uboot.HushScript.ForLoop;
import dev.warden.emulator.uboot.HushScript.IfElse;
import dev.warden.emulator.uboot.HushScript.Join;
import dev.warden.emulator.uboot.HushScript.Sequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class HushScriptTest {

    @Test
    void aTiOverlayLoopParsesIntoItsParts() {
        Sequence s = (Sequence) HushScript.parse("fdt address ${fdtaddr}; fdt resize 0x100000; "
                + "for overlay in $name_overlays; do; load mmc ${bootpart} ${dtboaddr} ${bootdir}/dtb/${overlay} "
                + "&& fdt apply ${dtboaddr}; done;");

        assertThat(s.nodes()).hasSize(3);
        assertThat(s.nodes().get(0)).isEqualTo(new Command(List.of("fdt", "address", "${fdtaddr}")));
        ForLoop loop = (ForLoop) s.nodes().get(2);
        assertThat(loop.variable()).isEqualTo("overlay");
        assertThat(loop.words()).containsExactly("$name_overlays");
        Sequence body = (Sequence) loop.body();
        assertThat(body.joins()).containsExactly(Join.ALWAYS, Join.IF_OK);
    }

    @Test
    void ifThenElseNestsAndKeepsQuotesForExpansion() {
        IfElse i = (IfElse) ((Sequence) HushScript.parse("if mmc rescan; then echo \"SD found\"; else echo none; fi"))
                .nodes().get(0);

        assertThat(i.condition()).isEqualTo(new Sequence(List.of(new Command(List.of("mmc", "rescan"))), List.of(Join.ALWAYS)));
        assertThat(((Sequence) i.then()).nodes()).containsExactly(new Command(List.of("echo", "\"SD found\"")));
        assertThat(((Sequence) i.otherwise()).nodes()).containsExactly(new Command(List.of("echo", "none")));
    }

    @Test
    void syntaxErrorsSayWhatWasExpected() {
        assertThatThrownBy(() -> HushScript.parse("for x in a b; echo $x; done"))
                .hasMessageContaining("expected 'do', found 'echo'");
        assertThatThrownBy(() -> HushScript.parse("echo \"open"))
                .hasMessageContaining("unterminated quote");
    }
}
