package dev.warden.steps.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.warden.steps.report.TranscriptLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Snapshots change nothing a scenario shows: a representative part of the suite (every board and
 * release, Backgrounds that boot, log in, enable and create cells, outlines, rejections, inmates
 * that fault, the root cell parked) runs without snapshots, then with an empty snapshot cache
 * (each chain's first scenario runs its steps and leaves snapshots for the others), then with the
 * cache full (every scenario starts from one), and last with neither snapshots nor translation
 * (every core interprets only, {@code warden.translate=false}), all in parallel as the suite runs;
 * every attachment of every scenario (console transcripts, hypervisor console, kernel log, device
 * tree, cells, register dump, memory map) must be byte-identical across the four runs.
 */
class SnapshotTranscriptsIT {

    static final String[] FEATURES = {
        "features/isolation/mmio-probe.feature",
        "features/isolation/root-cell.feature",
        "features/isolation/psci-and-timer.feature",
        "features/isolation/fault-status.feature",
        "features/isolation/ti-regmap.feature",
        "features/isolation/every-board.feature",
        "features/isolation/ivshmem.feature",
        "features/cells/lifecycle.feature",
        "features/cells/rejections.feature",
        "features/cells/shutdown-request.feature",
        "features/boot/boot-to-login.feature",
    };

    private static Map<String, Map<String, String>> run(boolean snapshots) {
        return run(snapshots, true);
    }

    private static Map<String, Map<String, String>> run(boolean snapshots, boolean translation) {
        String before = System.getProperty(ForkPoints.PROPERTY);
        String translateBefore = System.getProperty("warden.translate");
        System.setProperty(ForkPoints.PROPERTY, String.valueOf(snapshots));
        System.setProperty("warden.translate", String.valueOf(translation));
        try {
            List<DiscoverySelector> selectors = new ArrayList<>();
            for (String f : FEATURES) selectors.add(selectClasspathResource(f));
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .configurationParameter("cucumber.glue", "dev.warden.steps")
                    .configurationParameter("cucumber.plugin", EvidenceCapture.class.getName())
                    .configurationParameter("cucumber.publish.quiet", "true")
                    .configurationParameter("cucumber.filter.tags", "not @wip")
                    .configurationParameter("cucumber.execution.parallel.enabled", "true")
                    .configurationParameter("cucumber.execution.parallel.config.strategy", "fixed")
                    .configurationParameter("cucumber.execution.parallel.config.fixed.parallelism", "2")
                    .configurationParameter("cucumber.execution.parallel.config.fixed.max-pool-size", "2")
                    .build();
            EvidenceCapture.take();
            // its own listeners only: the report and the run's scenario selection are the suite's business
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false).build()).execute(request);
            return EvidenceCapture.take();
        } finally {
            if (before == null) System.clearProperty(ForkPoints.PROPERTY);
            else System.setProperty(ForkPoints.PROPERTY, before);
            if (translateBefore == null) System.clearProperty("warden.translate");
            else System.setProperty("warden.translate", translateBefore);
        }
    }

    @Test
    void scenariosShowTheSameWithAndWithoutSnapshots() {
        // a run that selects scenarios (the main job's -Dcucumber.filter.tags=@isolation) leaves this to the full verify
        Assumptions.assumeTrue(System.getProperty("cucumber.filter.tags") == null, "scenarios are selected: the full run checks snapshots");
        Map<String, Map<String, String>> booted = run(false);

        ForkPoints.cache().clear();
        long forkedBefore = ForkPoints.scenariosForked();
        long takenBefore = ForkPoints.cache().taken();
        Map<String, Map<String, String>> cold = run(true);
        long forkedCold = ForkPoints.scenariosForked() - forkedBefore;
        long taken = ForkPoints.cache().taken() - takenBefore;

        Map<String, Map<String, String>> warm = run(true);
        long forkedWarm = ForkPoints.scenariosForked() - forkedBefore - forkedCold;

        Map<String, Map<String, String>> interpreted = run(false, false);

        System.out.printf("snapshot transcripts: %d scenarios; cold cache: %d started from a snapshot, %d snapshots taken;"
                + " warm cache: %d started from a snapshot%n", booted.size(), forkedCold, taken, forkedWarm);
        assertThat(booted).hasSizeGreaterThan(40);
        assertThat(booted.values()).allSatisfy(s -> assertThat(s.get("status")).isEqualTo("PASSED"));
        assertThat(booted.values()).allSatisfy(s -> assertThat(s.keySet()).anyMatch(k -> k.startsWith("attachment console ")));
        assertThat(cold.keySet()).isEqualTo(booted.keySet());
        assertThat(warm.keySet()).isEqualTo(booted.keySet());
        assertThat(interpreted.keySet()).isEqualTo(booted.keySet());
        for (String scenario : booted.keySet()) {
            assertThat(difference(booted.get(scenario), cold.get(scenario))).as("%s, cold cache", scenario).isEmpty();
            assertThat(difference(booted.get(scenario), warm.get(scenario))).as("%s, warm cache", scenario).isEmpty();
            assertThat(difference(booted.get(scenario), interpreted.get(scenario))).as("%s, interpreter only", scenario).isEmpty();
        }
        // the runs with snapshots really started scenarios from them
        assertThat(taken).as("snapshots taken").isPositive();
        assertThat(forkedCold).as("scenarios forked, cold cache").isGreaterThan(booted.size() / 2);
        assertThat(forkedWarm).as("scenarios forked, warm cache").isGreaterThan(forkedCold);
    }

    private static Optional<String> difference(Map<String, String> expected, Map<String, String> actual) {
        return TranscriptLedger.firstDifference(expected, actual);
    }
}
