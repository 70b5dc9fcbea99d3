package dev.warden.cli;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * The team's scenario as Maven's failsafe runs a user's suite class: the JUnit Platform Suite engine,
 * the step library's settings. Only the Allure results go elsewhere than the plain plugin would put
 * them (not into Warden's own report). Run by {@link RunCommandTest}, not by surefire (no *Test name).
 */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("run-project/features/team-files.feature")
@ConfigurationParametersResource("dev/warden/steps/cucumber.properties")
@ConfigurationParameter(key = "cucumber.plugin", value = "dev.warden.cli.run.ProjectAllureResults:" + MavenWaySuite.RESULTS)
public class MavenWaySuite {
    static final String RESULTS = "target/maven-way/allure-results";
}
