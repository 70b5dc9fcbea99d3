package dev.warden.steps.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** N shards together select exactly the scenarios of one unsharded run, each in one shard only. */
class ShardTest {

    /** The scenarios Cucumber discovers in features/ with a selection applied (discovery only: nothing runs). */
    private static List<String> scenarios(ScenarioSelection selection) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("features"))
                .configurationParameter("cucumber.glue", "dev.warden.steps")
                .filters(selection)
                .build();
        // the service-loaded selection reads system properties; this test passes its own instead
        LauncherConfig config = LauncherConfig.builder().enablePostDiscoveryFilterAutoRegistration(false).build();
        TestPlan plan = LauncherFactory.create(config).discover(request);
        List<String> ids = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier t : plan.getDescendants(root)) {
                if (t.isTest() && t.getUniqueIdObject().getEngineId().orElse("").equals("cucumber")) ids.add(t.getUniqueId());
            }
        }
        return ids;
    }

    @Test
    void fourShardsTogetherAreTheWholeSuiteAndNoScenarioRunsTwice() {
        List<String> whole = scenarios(new ScenarioSelection(Shard.parse("1/1"), false, 1));
        assertThat(whole).hasSizeGreaterThan(50);
        List<String> union = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            List<String> slice = scenarios(new ScenarioSelection(new Shard(k, 4), false, 1));
            assertThat(slice).as("shard %d/4", k).isNotEmpty().hasSizeLessThan(whole.size());
            union.addAll(slice);
        }
        assertThat(union).containsExactlyInAnyOrderElementsOf(whole);
        assertThat(new HashSet<>(union)).hasSameSizeAs(union);
    }

    @Test
    void wipScenariosStayOutUnlessAskedFor() {
        Set<String> without = new HashSet<>(scenarios(new ScenarioSelection(Shard.parse(""), false, 1)));
        Set<String> with = new HashSet<>(scenarios(new ScenarioSelection(Shard.parse(""), true, 1)));
        assertThat(with).containsAll(without);
        assertThat(with.size()).isGreaterThan(without.size());
        assertThat(ScenarioSelection.wipAsked("@wip")).isTrue();
        assertThat(ScenarioSelection.wipAsked("@conformance and not @wip")).isFalse();
        assertThat(ScenarioSelection.wipAsked("@conformance")).isFalse();
    }

    @Test
    void slowScenariosStayOutUnlessAskedForOrTheRealKernelIsThere() {
        Set<String> without = new HashSet<>(scenarios(new ScenarioSelection(Shard.parse(""), false, false, 1)));
        Set<String> with = new HashSet<>(scenarios(new ScenarioSelection(Shard.parse(""), false, true, 1)));
        assertThat(with).containsAll(without);
        assertThat(with).filteredOn(id -> id.contains("real-kernel")).isNotEmpty();
        assertThat(without).filteredOn(id -> id.contains("real-kernel")).isEmpty();
        assertThat(ScenarioSelection.slowAsked("@linux and @slow")).isTrue();
        assertThat(ScenarioSelection.slowAsked("not @slow")).isFalse();
        assertThat(ScenarioSelection.slowAsked("@isolation")).isFalse();
    }

    @Test
    void theSliceOfAScenarioDependsOnItsLocationOnly() {
        Shard s = new Shard(2, 3);
        boolean first = s.contains("features/conformance/enable.feature", 22);
        for (int i = 0; i < 5; i++) assertThat(s.contains("features/conformance/enable.feature", 22)).isEqualTo(first);
        // FNV-1a is fixed by its definition: the same split on every machine and JVM
        assertThat(Shard.hash("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(Shard.hash("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @Test
    void badShardsAreNamed() {
        assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("1 <= K <= N");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("expected K/N");
        assertThatThrownBy(() -> ScenarioSelection.repeat("3")).hasMessageContaining("expected 1 or 2");
    }
}
