package dev.warden.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.EngineDiscoveryResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs scenarios as {@code mvn verify} does: the JUnit Platform Launcher with Cucumber's engine, the
 * step library's settings ({@code dev/warden/steps/cucumber.properties}) and its glue. Only the
 * reporting differs: progress on the terminal, JUnit XML and Allure results in the project's
 * {@code target/}. Nothing from the surrounding JVM (system properties, junit-platform.properties,
 * listeners found on the class path) changes what runs.
 */
public final class ScenarioRun {

    // the Launcher also logs critical discovery issues through java.util.logging; warden run says them once, itself
    private static final Logger ISSUE_LOG = Logger.getLogger("org.junit.platform.launcher.core.DiscoveryIssueNotifier");

    static {
        ISSUE_LOG.setLevel(Level.OFF);
    }

    /** The step library's Cucumber settings, shared with every Maven suite. */
    public static final String SETTINGS = "dev/warden/steps/cucumber.properties";

    private final FeatureSelection features;
    private final Optional<String> tags;
    private final int threads;
    private final Path allureResults;
    private final Path junitReports;

    // one launcher for discovery and execution: a test plan runs on the launcher that found it
    private final Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enableLauncherSessionListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .build());

    public ScenarioRun(FeatureSelection features, Optional<String> tags, int threads, Path allureResults, Path junitReports) {
        this.features = features;
        this.tags = tags;
        this.threads = threads;
        this.allureResults = allureResults;
        this.junitReports = junitReports;
    }

    /** The configuration parameters of the run, over the step library's settings. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cucumber.plugin", ProjectAllureResults.class.getName() + ":" + allureResults + ", " + ScenarioProgress.class.getName());
        p.put("cucumber.ansi-colors.disabled", "true");
        tags.ifPresent(t -> p.put("cucumber.filter.tags", t));
        p.put("cucumber.execution.parallel.enabled", Boolean.toString(threads > 1));
        p.put("cucumber.execution.parallel.config.strategy", "fixed");
        p.put("cucumber.execution.parallel.config.fixed.parallelism", Integer.toString(threads));
        p.put("cucumber.execution.parallel.config.fixed.max-pool-size", Integer.toString(threads));
        return p;
    }

    /** Finds the scenarios, refusing features that do not parse ({@link BadRunInput}); nothing runs yet. */
    public TestPlan discover() {
        Issues issues = new Issues();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(features.selectors())
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParametersResources(SETTINGS)
                .configurationParameters(parameters())
                .enableImplicitConfigurationParameters(false)
                .listeners(issues)
                .build();
        TestPlan plan;
        try {
            plan = launcher.discover(request);
        } catch (JUnitException e) {
            // the Launcher refuses critical discovery issues; the listener has them in the user's terms
            issues.throwIfAny();
            throw new BadRunInput("the scenarios cannot be read: " + e.getMessage());
        }
        issues.throwIfAny();
        return plan;
    }

    /**
     * The number of scenarios of a plan that will run (each example of an outline counts). Cucumber's
     * engine keeps the scenarios a tag expression leaves out in the plan and skips them, so they are
     * not counted here.
     */
    public long scenarios(TestPlan plan) {
        Optional<Expression> filter = tags.map(TagExpressionParser::parse);
        return plan.countTestIdentifiers(t -> t.isTest() && filter.map(f -> f.evaluate(t.getTags().stream()
                .map(tag -> "@" + tag.getName()).toList())).orElse(true));
    }

    /** Runs the discovered scenarios, handing each finished one to {@code progress}. */
    public TestExecutionSummary execute(TestPlan plan, RunReporter progress, PrintWriter err) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        ScenarioProgress.start(progress, progress.base());
        try {
            launcher.execute(plan, summary, new LegacyXmlReportGeneratingListener(junitReports, err));
        } finally {
            ScenarioProgress.stop();
        }
        return summary.getSummary();
    }

    /** Features that do not parse and engines that cannot start are bad input, found before anything runs. */
    private static final class Issues implements LauncherDiscoveryListener {
        private final List<String> problems = new ArrayList<>();

        @Override
        public void issueEncountered(UniqueId engine, DiscoveryIssue issue) {
            if (issue.severity().compareTo(DiscoveryIssue.Severity.ERROR) >= 0) {
                problems.add(issue.message() + issue.cause().map(c -> "\n  " + c.getMessage()).orElse(""));
            }
        }

        @Override
        public void engineDiscoveryFinished(UniqueId engine, EngineDiscoveryResult result) {
            if (result.getStatus() == EngineDiscoveryResult.Status.FAILED) {
                problems.add("the scenarios cannot be read: " + result.getThrowable().map(Throwable::getMessage).orElse("?"));
            }
        }

        void throwIfAny() {
            if (!problems.isEmpty()) throw new BadRunInput(String.join("\n", problems));
        }
    }
}
