package dev.warden.steps.run;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a suite class that runs the scenarios a second time in the same JVM, for
 * {@code -Dwarden.repeat=2}: {@link ScenarioSelection} empties it otherwise, and the scenarios'
 * transcripts of both runs must be identical ({@link dev.warden.steps.report.TranscriptLedger}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SecondRun {
}
