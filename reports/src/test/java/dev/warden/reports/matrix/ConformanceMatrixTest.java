package dev.warden.reports.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.reports.ResultFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceMatrixTest {

    @TempDir
    Path dir;

    private List<ConformanceSuite.Behaviour> suite() throws Exception {
        Path features = dir.resolve("features");
        Files.createDirectories(features.resolve("conformance"));
        Files.writeString(features.resolve("conformance/x.feature"), String.join("\n",
                "@conformance",
                "Feature: x",
                "",
                "  @F12",
                "  Scenario Outline: F12 parked (<board>, <release>)",
                "    Given the board \"<board>\"",
                "",
                "    Examples:",
                "      | board | release  |",
                "      | a     | upstream |",
                "      | a     | ti-v0.10 |",
                "      | b     | upstream |",
                "",
                "  @wip @F21",
                "  Scenario: F21 DMA",
                "    Needs a DMA model.",
                "    Given the board \"a\"",
                ""));
        return ConformanceSuite.read(features.resolve("conformance"), features);
    }

    @Test
    void eachCellIsDecidedByItsExampleRowsResult() throws Exception {
        var behaviours = suite();
        assertThat(behaviours).hasSize(2);
        assertThat(behaviours.get(0).name()).isEqualTo("F12 parked");
        assertThat(behaviours.get(0).catalogueIds()).containsExactly("F12");
        var m = ConformanceMatrix.of(behaviours, List.of(
                new ResultFile("features/conformance/x.feature:10", "n", "passed", List.of(), ""),
                new ResultFile("features/conformance/x.feature:11", "n", "failed", List.of(), "boom")));
        assertThat(m.columns()).extracting(c -> c.board() + "/" + c.release())
                .containsExactly("a/upstream", "a/ti-v0.10", "b/upstream", "b/ti-v0.10");
        assertThat(m.rows().get(0).cells()).extracting(c -> c.verdict().text())
                .containsExactly("pass", "fail", "not run", "n/a");
        assertThat(m.rows().get(0).cells().get(1).scenario()).contains("features/conformance/x.feature:11");
        assertThat(m.rows().get(1).cells()).extracting(c -> c.verdict().text()).containsOnly("wip");
        assertThat(m.summary()).isEqualTo("2 behaviours x 4 board/release columns: 1 pass, 1 fail, 1 not run, 4 wip, 1 n/a");
    }

    @Test
    void theHtmlLinksEveryDecidedCellAndTheJsonParses() throws Exception {
        var m = ConformanceMatrix.of(suite(), List.of(
                new ResultFile("features/conformance/x.feature:10", "n", "passed", List.of(), "")));
        String html = MatrixWriter.html(m, loc -> java.util.Optional.of("#testresult/" + loc.hashCode()), true);
        assertThat(html).contains("<a href=\"#testresult/").contains("missing: Needs a DMA model.");
        String json = MatrixWriter.json(m, loc -> java.util.Optional.empty());
        assertThat(dev.warden.reports.Json.object(json)).containsKeys("summary", "columns", "behaviours");
    }
}
