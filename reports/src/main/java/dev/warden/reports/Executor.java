package dev.warden.reports;

import java.util.Map;

/**
 * Allure's executor panel: who ran this report. On GitHub Actions the workflow, run number and a
 * link to the run; elsewhere in CI the CI's name; on a developer's machine the host. The build
 * order numbers the trend's points.
 */
public final class Executor {

    private Executor() {}

    public static String json(Map<String, String> env, int buildOrder, String reportName) {
        String name;
        String type;
        String buildName;
        String buildUrl = "";
        String order = String.valueOf(buildOrder);
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            name = "GitHub Actions";
            type = "github";
            String run = env.getOrDefault("GITHUB_RUN_NUMBER", order);
            order = run.matches("\\d+") ? run : order;
            buildName = env.getOrDefault("GITHUB_WORKFLOW", "workflow") + " #" + run;
            buildUrl = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/" + env.getOrDefault("GITHUB_REPOSITORY", "")
                    + "/actions/runs/" + env.getOrDefault("GITHUB_RUN_ID", "");
        } else if (env.containsKey("CI")) {
            name = "CI";
            type = "ci";
            buildName = "CI build #" + order;
        } else {
            name = "local Maven build";
            type = "local";
            buildName = "build #" + order + " on " + env.getOrDefault("HOSTNAME", "this machine");
        }
        return "{\"name\": " + Json.quote(name) + ", \"type\": " + Json.quote(type) + ", \"buildName\": " + Json.quote(buildName)
                + ", \"buildOrder\": " + order + ", \"buildUrl\": " + Json.quote(buildUrl) + ", \"reportName\": "
                + Json.quote(reportName) + "}\n";
    }
}
