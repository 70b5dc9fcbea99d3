package dev.warden.cli;

import dev.warden.cli.run.AllureCommandLine;
import dev.warden.cli.run.BadRunInput;
import dev.warden.cli.run.FeatureSelection;
import dev.warden.cli.run.RunReporter;
import dev.warden.cli.run.ScenarioRun;
import dev.warden.lab.WardenProject;
import dev.warden.reports.ReportPublisher;
import dev.warden.steps.ScenarioWorld;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warden run}: a project's scenarios, run by the same engine, settings and steps as
 * {@code mvn verify}, with a line per scenario, the failed scenarios' consoles, JUnit XML and Allure
 * results in the project's {@code target/}, and the single-file report on request.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Run scenarios: the project's features folder, or the FEATURE files and folders given",
        "(a file may name a scenario's line: boot.feature:12). Writes target/junit/ (JUnit XML) and",
        "target/allure-results/ in the project, and target/allure-report/index.html with --report.",
        "Exit status: 0 all passed, 1 a scenario failed (or none ran), 2 bad input."})
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", paramLabel = "DIR", description = "The project folder (default: the working folder).")
    Path project = Path.of(".");

    @Option(names = "--tags", paramLabel = "EXPR", description = "A Cucumber tag expression, e.g. \"@boot and not @slow\".")
    String tags;

    @Option(names = "--board", paramLabel = "NAME", description = "The board of scenarios that name none (default: warden.yaml's).")
    String board;

    @Option(names = "--threads", paramLabel = "N", description = "Scenarios run at once, each on its own board (default: the cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--report", description = "Also write the single-file HTML report (needs the Allure command line in the local Maven repository).")
    boolean report;

    @Parameters(paramLabel = "FEATURE|DIR", description = "Feature files or folders (default: the project's features folder).")
    List<String> features = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } catch (BadRunInput | dev.warden.emulator.board.BoardSetupException | dev.warden.emulator.profile.ProfileException e) {
            err.println("run: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws BadRunInput {
        WardenProject p = WardenProject.open(project);
        Path root = p.root().orElseThrow();
        if (board != null) p.board(board);  // an unknown board is refused here, naming the known ones
        Optional<String> tagFilter = Optional.ofNullable(tags).filter(t -> !t.isBlank());
        tagFilter.ifPresent(RunCommand::checkTags);
        if (threads < 1) throw new BadRunInput("--threads must be 1 or more, got " + threads);
        FeatureSelection selection = FeatureSelection.of(p, features);
        Optional<AllureCommandLine> allure = report ? Optional.of(AllureCommandLine.find(AllureCommandLine.localRepository()))
                : Optional.empty();

        Path target = root.resolve("target");
        Path results = target.resolve("allure-results");
        Path junit = target.resolve("junit");
        ScenarioRun scenarioRun = new ScenarioRun(selection, tagFilter, threads, results, junit);
        TestPlan plan = withProperties(root, scenarioRun::discover);
        fresh(results);
        fresh(junit);
        String chosenBoard = board != null ? board : p.defaultBoard("as each scenario names it");
        long count = scenarioRun.scenarios(plan);
        out.printf("warden run: %d scenario%s from %s, board %s, %d thread%s%s%n", count, count == 1 ? "" : "s",
                describe(root, selection), chosenBoard, threads, threads == 1 ? "" : "s", tagFilter.map(t -> ", tags " + t).orElse(""));
        out.flush();

        RunReporter reporter = new RunReporter(out, root);
        TestExecutionSummary summary = withProperties(root, () -> scenarioRun.execute(plan, reporter, err));
        reporter.finish();
        for (TestExecutionSummary.Failure f : summary.getFailures()) {
            // a failure outside any scenario (a feature that could not start) has no progress line of its own
            if (!f.getTestIdentifier().isTest()) {
                err.println("run: " + f.getTestIdentifier().getDisplayName() + ": " + f.getException());
            }
        }
        out.println("JUnit XML:      " + root.relativize(junit) + "/");
        out.println("Allure results: " + root.relativize(results) + "/");
        if (allure.isPresent()) publish(allure.get(), target, results, err);
        out.flush();
        if (reporter.ran() == 0) {
            err.println("run: no scenario ran" + tagFilter.map(t -> " (none matches --tags " + t + ")").orElse(""));
            return 1;
        }
        return summary.getTotalFailureCount() > 0 || reporter.failed() > 0 ? 1 : 0;
    }

    private static void checkTags(String expression) {
        try {
            TagExpressionParser.parse(expression);
        } catch (TagExpressionException e) {
            throw new BadRunInput("--tags \"" + expression + "\" is not a tag expression: " + e.getMessage());
        }
    }

    private static String describe(Path root, FeatureSelection selection) {
        return selection.roots().stream().map(r -> r.startsWith(root) && !r.equals(root) ? root.relativize(r).toString() : r.toString())
                .collect(Collectors.joining(" ")) + " in " + root;
    }

    /**
     * The step library reads the project and the board from system properties (as Maven's failsafe
     * passes them); they are set for this run only.
     */
    private <T> T withProperties(Path root, java.util.function.Supplier<T> body) {
        Map<String, String> set = new TreeMap<>();
        set.put(WardenProject.PROPERTY, root.toString());
        if (board != null) set.put(ScenarioWorld.BOARD_PROPERTY, board);
        Map<String, String> before = new TreeMap<>();
        set.forEach((k, v) -> {
            before.put(k, System.getProperty(k));
            System.setProperty(k, v);
        });
        try {
            return body.get();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
    }

    private void publish(AllureCommandLine allure, Path target, Path results, PrintWriter err) {
        Path home = allure.unpack(target.resolve("allure-commandline"));
        Map<String, String> env = new TreeMap<>();
        env.put("Warden", new WardenVersion().getVersion()[0]);
        env.put("Project", target.getParent().toString());
        if (tags != null) env.put("Tag filter", tags);
        try {
            int rc = new ReportPublisher(results, target.resolve("allure-report"), home, env).publish();
            if (rc != 0) err.println("run: the Allure command line ended with status " + rc + "; the report may be incomplete");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the report", e);
        }
    }

    /** Empties a folder of the project's target/ (output of the last run), creating it if needed. */
    private static void fresh(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path f : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                        if (!f.equals(dir)) Files.delete(f);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }
}
