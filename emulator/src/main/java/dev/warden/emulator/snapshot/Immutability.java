package dev.warden.emulator.snapshot;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Types whose every instance is immutable all the way down, by their declaration alone: a record
 * of numbers and strings (a console line, a page-table leaf, a memory region) can be shared by
 * every copy without looking at it, which is most of the objects of a booted board.
 */
final class Immutability {

    private static final ClassValue<Boolean> DEEP = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            return deep(c, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
    };

    private Immutability() {}

    /** Whether every value of declared type {@code c} is immutable, with everything it reaches. */
    static boolean deep(Class<?> c) {
        return DEEP.get(c);
    }

    private static boolean deep(Class<?> c, Set<Class<?>> visiting) {
        if (c.isPrimitive() || c.isAnnotationPresent(SharedOnFork.class)) return true;
        if (c == Path.class) return true; // every implementation is the JDK's, all immutable
        if (JdkKinds.isValue(c)) return Modifier.isFinal(c.getModifiers()) || c.isEnum();
        if (!c.isRecord()) return false;
        if (!visiting.add(c)) return true; // a recursive record is as immutable as its other components
        for (RecordComponent rc : c.getRecordComponents()) {
            if (!deep(rc.getType(), visiting)) return false;
        }
        return true;
    }
}
