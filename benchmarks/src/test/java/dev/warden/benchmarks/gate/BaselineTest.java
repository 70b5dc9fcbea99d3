package dev.warden.benchmarks.gate;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    @Test
    void readsFiguresWithTheirTolerances() {
        Baseline b = Baseline.parse("{\"figures\": {\"int-loop translated/interpreted\": {\"value\": 6.5, \"tolerance\": 0.3},"
                + " \"calib\": {\"value\": 2, \"tolerance\": 0}}}", "baseline.json");
        assertThat(b.figures()).hasSize(2);
        assertThat(b.figures().get("int-loop translated/interpreted").value()).isEqualTo(6.5);
        assertThat(b.figures().get("int-loop translated/interpreted").floor()).isCloseTo(4.55, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.figures().get("calib").floor()).isEqualTo(2.0);
    }

    @Test
    void writesJsonThatReadsBackTheSame() {
        Baseline b = new Baseline(Map.of("b ratio", new Baseline.Figure(1.25, 0.35), "a ratio", new Baseline.Figure(7.125, 0.3)));
        String json = b.toJson();
        assertThat(json).startsWith("{\n  \"figures\": {\n    \"a ratio\": {\"value\": 7.125, \"tolerance\": 0.30},\n");
        assertThat(Baseline.parse(json, "x").figures()).isEqualTo(b.figures());
    }

    @Test
    void recordingKeepsTolerancesAndGivesNewFiguresTheirDefault() {
        Baseline old = new Baseline(Map.of("kept", new Baseline.Figure(2, 0.1), "dropped", new Baseline.Figure(3, 0.2)));
        Baseline next = old.record(Map.of("kept", 4.0, "new/qemu", 0.8), name -> name.endsWith("/qemu") ? 0.5 : 0.3);
        assertThat(next.figures()).containsOnlyKeys("kept", "new/qemu");
        assertThat(next.figures().get("kept")).isEqualTo(new Baseline.Figure(4.0, 0.1));
        assertThat(next.figures().get("new/qemu")).isEqualTo(new Baseline.Figure(0.8, 0.5));
    }

    @Test
    void malformedBaselinesNameTheFileAndTheProblem() {
        assertThatThrownBy(() -> Baseline.parse("{\"figs\": {}}", "b.json")).hasMessage("b.json: expected an object with \"figures\"");
        assertThatThrownBy(() -> Baseline.parse("{\"figures\": {\"x\": {\"value\": \"fast\", \"tolerance\": 0.1}}}", "b.json"))
                .hasMessage("b.json: figure \"x\" needs a numeric \"value\" and \"tolerance\"");
        assertThatThrownBy(() -> Baseline.parse("{\"figures\": {\"x\": {\"value\": 1, \"tolerance\": 1.5}}}", "b.json"))
                .hasMessage("b.json: figure \"x\": a tolerance must be in [0, 1), got 1.5");
        assertThatThrownBy(() -> Baseline.parse("{\"figures\": {\"x\": {\"value\": 0, \"tolerance\": 0.1}}}", "b.json"))
                .hasMessageContaining("must be positive");
    }
}
