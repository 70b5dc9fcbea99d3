package dev.warden.steps.docs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a step means and how it is written in a scenario, next to the step definition so that the
 * two change together. docs/steps.md is generated from these ({@link StepsDoc}); a step without one,
 * or an example that its step would not match, fails the build.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StepDoc {

    /** What the step does, in the board's terms: one sentence, Markdown allowed. */
    String value();

    /**
     * Scenario lines using the step, each starting with its keyword (Given/When/Then/And); a data
     * table or doc string follows on the next lines. Every expression of the method needs one.
     */
    String[] example();
}
