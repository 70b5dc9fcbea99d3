package dev.warden.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPublisherTest {

    @TempDir
    Path dir;

    @Test
    void countsEachResultByStatusAndIgnoresContainers() throws Exception {
        Files.writeString(dir.resolve("a-result.json"), "{\"name\":\"x\",\"status\":\"passed\"}");
        Files.writeString(dir.resolve("b-result.json"), "{\"status\" : \"failed\",\"name\":\"y\"}");
        Files.writeString(dir.resolve("c-result.json"), "{\"status\":\"passed\"}");
        Files.writeString(dir.resolve("d-container.json"), "{\"status\":\"broken\"}");

        Map<String, Integer> counts = ReportPublisher.countStatuses(dir);

        assertThat(counts).containsOnly(Map.entry("failed", 1), Map.entry("passed", 2));
        assertThat(ReportPublisher.summary(counts)).isEqualTo("1 failed, 2 passed");
    }

    @Test
    void aResultWithoutAStatusOfItsOwnIsUnknownWhateverItsStepsSay() throws Exception {
        // the Cucumber plugin writes no status for a scenario with an undefined step
        Files.writeString(dir.resolve("u-result.json"), "{\"name\":\"u\",\"stage\":\"finished\",\"steps\":"
                + "[{\"name\":\"Given a step\",\"status\":\"passed\"},{\"name\":\"When undefined\"}]}");
        Files.writeString(dir.resolve("f-result.json"), "{\"name\":\"f\",\"status\":\"failed\",\"steps\":"
                + "[{\"name\":\"Given a step\",\"status\":\"passed\"}]}");

        assertThat(ReportPublisher.countStatuses(dir)).containsOnly(Map.entry("unknown", 1), Map.entry("failed", 1));
    }

    @Test
    void writesCategoriesAndEnvironmentIntoTheResults() throws Exception {
        ReportPublisher publisher = new ReportPublisher(dir, dir.resolve("report"), dir.resolve("no-allure"),
                Map.of("Board", "k3-am654-idk", "Tags filter", "@isolation"));

        publisher.writeCategories();
        publisher.writeEnvironment();

        assertThat(Files.readString(dir.resolve("categories.json"))).contains("Parking CPU");
        assertThat(Files.readString(dir.resolve("environment.properties")))
                .contains("Board = k3-am654-idk")
                .contains("Tags\\ filter = @isolation")
                .containsPattern("Java = \\d+");
    }
}
