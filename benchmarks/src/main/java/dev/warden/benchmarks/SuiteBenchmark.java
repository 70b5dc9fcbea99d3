package dev.warden.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenarios per second of the main job: the features of {@code features/isolation} through the same
 * Cucumber engine and glue as {@code mvn verify}, two scenarios at a time, with snapshots (the
 * first run of a JVM fills the cache the following ones start from) and without. The score that
 * counts is the "scenarios" counter; the primary one is whole suite runs per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SuiteBenchmark {

    /** Whether scenarios start from snapshots ({@code warden.snapshots}). */
    @Param({"true", "false"})
    public String snapshots;

    private LauncherDiscoveryRequest request;

    /** Scenarios that passed, as a rate: the suite's throughput. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Scenarios {
        public long scenarios;

        @Setup(Level.Iteration)
        public void reset() {
            scenarios = 0;
        }
    }

    @Setup(Level.Trial)
    public void select() {
        System.setProperty("warden.snapshots", snapshots);
        request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(Fixtures.features().resolve("isolation").toFile()))
                .configurationParameter("cucumber.glue", "dev.warden.steps")
                .configurationParameter("cucumber.publish.quiet", "true")
                .configurationParameter("cucumber.filter.tags", "not @wip")
                .configurationParameter("cucumber.execution.parallel.enabled", "true")
                .configurationParameter("cucumber.execution.parallel.config.strategy", "fixed")
                .configurationParameter("cucumber.execution.parallel.config.fixed.parallelism", "2")
                .configurationParameter("cucumber.execution.parallel.config.fixed.max-pool-size", "2")
                .build();
    }

    @Benchmark
    public long isolationSuite(Scenarios counter) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false).build()).execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() == 0) {
            throw new IllegalStateException("the isolation scenarios did not all pass: " + summary.getTotalFailureCount()
                    + " failed, " + summary.getTestsSucceededCount() + " passed");
        }
        counter.scenarios += summary.getTestsSucceededCount();
        return summary.getTestsSucceededCount();
    }
}
