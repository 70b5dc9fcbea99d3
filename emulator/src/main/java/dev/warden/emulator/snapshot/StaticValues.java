package dev.warden.emulator.snapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The values of static final fields an instance of a class may hold and compare by identity: a
 * core's "no page" marker, an unconnected interrupt line. A copy must keep such sentinels as they
 * are, or {@code line == InterruptLine.UNCONNECTED} would no longer hold in it. Looked for in the
 * class, its superclasses, interfaces and enclosing classes, and the declared types of its fields.
 */
final class StaticValues {

    private static final ClassValue<List<Object>> CACHE = new ClassValue<>() {
        @Override
        protected List<Object> computeValue(Class<?> c) {
            return collect(c);
        }
    };

    private StaticValues() {}

    static List<Object> of(Class<?> c) {
        return CACHE.get(c);
    }

    private static List<Object> collect(Class<?> c) {
        if (c.getModule().isNamed() || c.isArray() || c.isPrimitive()) return List.of();
        Set<Class<?>> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            addWithEnclosing(k, holders);
            for (Class<?> i : k.getInterfaces()) addWithEnclosing(i, holders);
            for (Field f : k.getDeclaredFields()) {
                Class<?> t = f.getType();
                while (t.isArray()) t = t.getComponentType();
                addWithEnclosing(t, holders);
            }
        }
        List<Object> values = new ArrayList<>();
        for (Class<?> h : holders) {
            for (Field f : h.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) || !Modifier.isFinal(m) || f.getType().isPrimitive()) continue;
                try {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v != null && Kinds.of(v.getClass()) != Kinds.SHARED) values.add(v); // values are shared anyway
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a static the copy cannot read is one it never meets by identity either
                }
            }
        }
        return List.copyOf(values);
    }

    private static void addWithEnclosing(Class<?> c, Set<Class<?>> holders) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (k.isPrimitive() || k.getModule().isNamed() || k.isHidden()) return;
            holders.add(k);
        }
    }
}
