package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.warden.cli.RunProject.Result;
import dev.warden.lab.WardenProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class RunCommandTest {

    static final String TEAM_SCENARIO = "the team's overlay, cells and inmate bring up uart-demo";

    @TempDir
    Path dir;

    @Test
    void theTeamsFilesRunOnTheBoardAndEachScenarioGetsALineWithItsVirtualTime() throws IOException {
        RunProject p = RunProject.in(dir);

        Result r = RunProject.warden("run", "--project", dir.toString(), "--threads", "1", p.feature("team-files.feature").toString());

        assertThat(r.code()).as("exit status; output:%n%s%s", r.out(), r.err()).isZero();
        assertThat(r.out())
                .contains("warden run: 1 scenario from features/team-files.feature in " + dir.toAbsolutePath().normalize()
                        + ", board qemu-arm64-virt, 1 thread")
                .containsPattern("PASSED  features/team-files.feature:3  " + TEAM_SCENARIO + "  \\(\\d+\\.\\d{6} s virtual\\)")
                .contains("scenarios: 1 passed, 0 failed")
                .doesNotContain("=== FAILED");
        assertThat(Files.readString(dir.resolve("target/junit/TEST-cucumber.xml")))
                .contains("tests=\"1\"").contains("failures=\"0\"").contains("errors=\"0\"").contains(TEAM_SCENARIO);
        assertThat(RunProject.transcripts(dir.resolve("target/allure-results")))
                .hasEntrySatisfying(TEAM_SCENARIO + " / console uart0 (virtual time)", t -> assertThat(t)
                        .contains("jailhouse enable /home/root/cells/team.cell")
                        .contains("jailhouse cell load inmate-demo /home/root/inmates/team-uart.bin -a 0x0")
                        .contains("Hello 2 from cell!"));
    }

    @Test
    void aScenarioGivesTheSameTranscriptsByWardenRunAndByMavensSuiteEngine() throws IOException {
        RunProject p = RunProject.in(dir);
        Result r = RunProject.warden("run", "--project", dir.toString(), "--threads", "1", p.feature("team-files.feature").toString());
        assertThat(r.code()).as("warden run; output:%n%s%s", r.out(), r.err()).isZero();

        Path mavenResults = Path.of(MavenWaySuite.RESULTS);
        delete(mavenResults);
        TestExecutionSummary maven = runMavenWay(dir);
        assertThat(maven.getTestsSucceededCount()).as("the suite's scenarios; failures: %s", maven.getFailures()).isEqualTo(1);

        Map<String, String> byWardenRun = RunProject.transcripts(dir.resolve("target/allure-results"));
        assertThat(byWardenRun).containsKey(TEAM_SCENARIO + " / console uart0 (virtual time)");
        assertThat(RunProject.transcripts(mavenResults)).isEqualTo(byWardenRun);
    }

    /** The team's scenario through the Suite engine, as failsafe runs a user's suite class. */
    private static TestExecutionSummary runMavenWay(Path project) {
        String before = System.getProperty(WardenProject.PROPERTY);
        System.setProperty(WardenProject.PROPERTY, project.toString());
        try {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(MavenWaySuite.class))
                    .filters(EngineFilter.includeEngines("junit-platform-suite"))
                    .enableImplicitConfigurationParameters(false)
                    .build(), summary);
            return summary.getSummary();
        } finally {
            if (before == null) System.clearProperty(WardenProject.PROPERTY);
            else System.setProperty(WardenProject.PROPERTY, before);
        }
    }

    @Test
    void aFailedScenarioShowsItsErrorAndEveryConsoleAndTheRunExitsWithOne() throws IOException {
        RunProject p = RunProject.in(dir);

        Result r = RunProject.warden("run", "--project", dir.toString(), p.feature("failing.feature").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("FAILED  features/failing.feature:3  the board never prints this  \\(0\\.1\\d{5} s virtual\\)")
                .contains("=== FAILED features/failing.feature:3  the board never prints this")
                .contains("  the primary console did not show \"Hello from another board\" within 100 ms of virtual time")
                .contains("  --- console uart0 (virtual time) ---")
                .contains("  [    0.000000] U-Boot 2023.01+dfsg-2")
                .contains("scenarios: 0 passed, 1 failed");
        assertThat(Files.readString(dir.resolve("target/junit/TEST-cucumber.xml"))).contains("failures=\"1\"");
    }

    @Test
    void anUndefinedStepPrintsCucumbersSnippetAndPointsToTheStepList() {
        RunProject p = RunProject.in(dir);

        Result r = RunProject.warden("run", "--project", dir.toString(), p.feature("undefined.feature").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("Undefined step at features/undefined.feature:5: \"the board does a barrel roll\"")
                .contains("The steps Warden knows, each with an example, are in docs/steps.md")
                .contains("@When(\"the board does a barrel roll\")")
                .contains("public void theBoardDoesABarrelRoll() {");
    }

    @Test
    void aFileOfTheWrongKindFailsTheScenarioNamingTheStepAndTheFile() {
        RunProject p = RunProject.in(dir);

        Result r = RunProject.warden("run", "--project", dir.toString(), p.feature("wrong-kind.feature").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("step 'the hypervisor is enabled with the root cell \"inmates/team-uart.bin\"': ")
                .contains("is an inmate (a flat binary that is no configuration, device tree or kernel Image), expected a root"
                        + " cell configuration");
    }

    @Test
    void withoutFeatureArgumentsTheProjectsFeaturesFolderRunsAndATagExpressionSelects() {
        RunProject.in(dir);

        Result r = RunProject.warden("run", "--project", dir.toString(), "--tags", "@nothing-has-this");

        assertThat(r.out()).contains("warden run: 0 scenarios from features in ");
        assertThat(r.err()).contains("no scenario ran (none matches --tags @nothing-has-this)");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void aScenarioThatNamesNoBoardGetsWardenYamlsBoardOrTheOneGivenWithBoard() {
        RunProject p = RunProject.in(dir);
        String feature = p.feature("default-board.feature").toString();

        Result yaml = RunProject.warden("run", "--project", dir.toString(), feature);
        Result chosen = RunProject.warden("run", "--project", dir.toString(), "--board", "k3-am654-idk", feature);

        assertThat(yaml.code()).as("%s%s", yaml.out(), yaml.err()).isZero();
        assertThat(yaml.out()).contains(", board qemu-arm64-virt, ");
        assertThat(RunProject.transcripts(dir.resolve("target/allure-results")).keySet())
                .as("the last run's consoles").containsExactly("the board named by warden.yaml or --board / console main_uart0 (virtual time)");
        assertThat(chosen.code()).as("%s%s", chosen.out(), chosen.err()).isZero();
        assertThat(chosen.out()).contains(", board k3-am654-idk, ");
        assertThat(System.getProperty("warden.board")).as("--board is this run's only").isNull();
    }

    @Test
    void badInputIsNamedAndExitsWithTwo() throws IOException {
        RunProject p = RunProject.in(dir);
        Files.writeString(p.feature("broken.feature"), "Feature: broken\n  Scenario: x\n    Given the board \"x\"\n  Examples oops\n");
        String project = dir.toString();

        assertBad(RunProject.warden("run", "--frob"), "Unknown option: '--frob'");
        assertBad(RunProject.warden("run", "--project", dir.resolve("nope").toString()), "project folder " + dir.resolve("nope") + " does not exist");
        assertBad(RunProject.warden("run", "--project", project, p.feature("broken.feature").toString()),
                "Failed to parse resource at: file://" + p.feature("broken.feature") + "\n(4:3): expected: ");
        assertBad(RunProject.warden("run", "--project", project, "--board", "my-boaard"), "unknown board 'my-boaard'");
        assertBad(RunProject.warden("run", "--project", project, "--tags", "@a and"), "--tags \"@a and\" is not a tag expression");
        assertBad(RunProject.warden("run", "--project", project, "--threads", "0"), "--threads must be 1 or more");
        assertBad(RunProject.warden("run", "--project", project, dir.resolve("features/missing.feature").toString()),
                "no feature file or folder");
        assertBad(RunProject.warden("run", "--project", project, dir.resolve("warden.yaml").toString()),
                "warden.yaml is not a .feature file");
        assertThat(dir.resolve("target")).as("nothing ran, nothing was written").doesNotExist();
    }

    private static void assertBad(Result r, String message) {
        assertThat(r.code()).as("exit status; stderr:%n%s", r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message);
    }

    @Test
    void withReportTheSingleFileReportIsWrittenFromTheAllureCommandLineOfTheLocalRepository() throws IOException {
        RunProject p = RunProject.in(dir);

        Result r = RunProject.warden("run", "--project", dir.toString(), "--report", p.feature("team-files.feature").toString());

        assertThat(r.code()).as("%s%s", r.out(), r.err()).isZero();
        Path index = dir.resolve("target/allure-report/index.html");
        assertThat(index).isRegularFile();
        assertThat(Files.size(index)).as("the single-file report").isGreaterThan(100_000);
        assertThat(dir.resolve("target/allure-results/environment.properties")).content().contains("Project = " + dir.toAbsolutePath().normalize());
    }

    @Test
    void theReportNeedsTheAllureCommandLineAndSaysHowToGetIt() {
        RunProject p = RunProject.in(dir);
        String before = System.getProperty("maven.repo.local");
        System.setProperty("maven.repo.local", dir.resolve("empty-repository").toString());
        try {
            Result r = RunProject.warden("run", "--project", dir.toString(), "--report", p.feature("team-files.feature").toString());

            assertBad(r, "--report needs the Allure command line");
            assertThat(r.err()).contains("mvn dependency:get -Dartifact=io.qameta.allure:allure-commandline:");
        } finally {
            if (before == null) System.clearProperty("maven.repo.local");
            else System.setProperty("maven.repo.local", before);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(f);
        }
    }
}
