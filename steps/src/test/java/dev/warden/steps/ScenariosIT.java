package dev.warden.steps;

import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The scenario suite: every {@code .feature} under the repository's top-level {@code features/}
 * folder (copied onto the test classpath by the build). Select scenarios with
 * {@code -Dcucumber.filter.tags=...}; the settings are the step library's own
 * ({@code dev/warden/steps/cucumber.properties}), the same a user's suite class and {@code warden run} use.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParametersResource("dev/warden/steps/cucumber.properties")
public class ScenariosIT {
}
