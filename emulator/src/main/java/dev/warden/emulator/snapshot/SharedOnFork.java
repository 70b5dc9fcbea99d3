package dev.warden.emulator.snapshot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Instances of the annotated class (and of its subclasses) are never changed after construction,
 * nor is anything they reach, so copies of a board share them instead of copying them: decoded
 * instructions, and the translator's compiled code (hidden classes, which cannot be copied).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SharedOnFork {
}
