package dev.warden.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SingleFileReportTest {

    private static String d(String path, String content) {
        return "d('" + path + "','" + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "'),\n";
    }

    @Test
    void linksAreFilledInAfterAllureNumberedThePages() {
        String html = "<script>" + d("data/test-cases/abc123.json", "{\"uid\":\"abc123\",\"fullName\":\"features/x.feature:10\"}")
                + d("data/test-cases/fff000.json", "{\"uid\":\"fff000\",\"fullName\":\"warden:conformance-matrix\","
                        + "\"descriptionHtml\":\"<a href=\\\"@@warden-scenario:features/x.feature:10@@\\\">pass</a>"
                        + "<a href=\\\"@@warden-scenario:features/x.feature:99@@\\\">x</a>\"}")
                + d("history/history-trend.json", "[{\"buildOrder\":1}]") + "</script>";
        Map<String, String> uids = SingleFileReport.uidsByFullName(html);
        assertThat(uids).containsEntry("features/x.feature:10", "abc123");
        String patched = SingleFileReport.patch(html, MatrixPublisher.MARKER, t -> MatrixPublisher.replaceMarkers(t, uids));
        String matrix = new String(SingleFileReport.entries(patched, "data/test-cases/fff000").values().iterator().next(),
                StandardCharsets.UTF_8);
        assertThat(matrix).contains("href=\\\"#testresult/abc123\\\"").contains("href=\\\"#\\\"").doesNotContain("@@");
        assertThat(SingleFileReport.entries(patched, "history/")).containsKey("history/history-trend.json");
    }

    @Test
    void executorNamesTheGitHubRun() {
        String json = Executor.json(Map.of("GITHUB_ACTIONS", "true", "GITHUB_RUN_NUMBER", "42", "GITHUB_WORKFLOW", "nightly",
                "GITHUB_REPOSITORY", "o/r", "GITHUB_RUN_ID", "7"), 3, "Warden");
        Map<String, Object> e = Json.object(json);
        assertThat(e).containsEntry("buildName", "nightly #42").containsEntry("buildOrder", 42.0)
                .containsEntry("buildUrl", "https://github.com/o/r/actions/runs/7");
        assertThat(Json.object(Executor.json(Map.of(), 3, "Warden"))).containsEntry("type", "local").containsEntry("buildOrder", 3.0);
    }
}
