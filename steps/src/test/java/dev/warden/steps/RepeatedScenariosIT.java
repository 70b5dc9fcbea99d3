package dev.warden.steps;

import dev.warden.steps.run.SecondRun;
import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The scenarios once more, in the same JVM, for {@code -Dwarden.repeat=2}: each scenario's
 * transcripts must be those of its first run ({@link dev.warden.steps.Hooks}). Without the
 * property this suite selects nothing ({@link dev.warden.steps.run.ScenarioSelection}).
 */
@Suite(failIfNoTests = false)
@SecondRun
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParametersResource("dev/warden/steps/cucumber.properties")
public class RepeatedScenariosIT {
}
