package com.example.myboard;

import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** My Board's scenarios: every .feature under features/, with Warden's steps and settings. */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParametersResource("dev/warden/steps/cucumber.properties")
public class MyBoardScenariosIT {
}
