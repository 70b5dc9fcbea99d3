package dev.warden.steps;

import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectFile;
import org.junit.platform.suite.api.Suite;

/**
 * Runs again the scenarios that failed in the last run: Cucumber's rerun plugin writes them to
 * {@code steps/target/rerun.txt}, and Cucumber's engine reads a selected {@code .txt} file as such a
 * list. Not an {@code *IT}, so a plain build leaves it out; run it with
 * {@code mvn verify -pl steps -am -Dit.test=RerunFailedScenarios} (docs/nightly.md).
 */
@Suite(failIfNoTests = false)
@IncludeEngines("cucumber")
@SelectFile("target/rerun.txt")
@ConfigurationParametersResource("dev/warden/steps/cucumber.properties")
public class RerunFailedScenarios {
}
