package dev.warden.lab;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every object a root reaches, with the path to it: through fields (by reflection, for class-path
 * classes, lambdas and records), array elements and the contents of JDK collections (through their
 * API). For tests of copies: what two graphs have in common.
 */
final class GraphWalk {

    private GraphWalk() {}

    /** Reached objects (identity) with the first path found to each. */
    static Map<Object, String> reach(Object root, String skipField) {
        Map<Object, String> seen = new IdentityHashMap<>();
        Deque<Object[]> work = new ArrayDeque<>();
        work.push(new Object[] {root, "root"});
        while (!work.isEmpty()) {
            Object[] w = work.pop();
            Object o = w[0];
            String path = (String) w[1];
            if (o == null || seen.containsKey(o)) continue;
            seen.put(o, path);
            Class<?> c = o.getClass();
            if (c.isAnnotationPresent(dev.warden.emulator.snapshot.SharedOnFork.class)) {
                continue; // immutable with everything it reaches, by its declaration
            }
            if (c.isArray()) {
                if (!c.getComponentType().isPrimitive()) {
                    Object[] a = (Object[]) o;
                    for (int i = 0; i < a.length; i++) if (a[i] != null) work.push(new Object[] {a[i], path + "[" + i + "]"});
                }
            } else if (o instanceof Map<?, ?> m && c.getModule().isNamed()) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    work.push(new Object[] {e.getKey(), path + ".key"});
                    work.push(new Object[] {e.getValue(), path + "[" + e.getKey() + "]"});
                }
            } else if (o instanceof Collection<?> col && c.getModule().isNamed()) {
                int i = 0;
                for (Object e : col) work.push(new Object[] {e, path + "{" + i++ + "}"});
            } else if (o instanceof Optional<?> opt) {
                opt.ifPresent(v -> work.push(new Object[] {v, path + ".get"}));
            } else if (!c.getModule().isNamed() && !(o instanceof Enum<?>)) {
                for (Class<?> k = c; k != null && !k.getModule().isNamed(); k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                        if ((k.getName() + "." + f.getName()).equals(skipField)) continue;
                        try {
                            f.setAccessible(true);
                            work.push(new Object[] {f.get(o), path + "." + f.getName()});
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
        return seen;
    }
}
