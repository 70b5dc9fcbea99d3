package dev.warden.emulator.snapshot;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Copies a record through its canonical constructor (reflection may not set a record's final
 * fields): each component copied, the original itself when no component changed, so that records
 * of plain values (a profile, a memory region) cost nothing.
 */
final class Records implements GraphCopy.Kind {

    private final Class<?> type;
    private final Method[] accessors;
    private final Constructor<?> canonical;

    Records(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            types[i] = components[i].getType();
        }
        try {
            canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new GraphCopyException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    @Override
    public Object copy(Object original, GraphCopy graph) {
        try {
            Object[] values = new Object[accessors.length];
            graph.building(original);
            boolean changed = false;
            for (int i = 0; i < accessors.length; i++) {
                Object v = accessors[i].invoke(original);
                values[i] = accessors[i].getReturnType().isPrimitive() ? v : graph.copyOf(v);
                changed |= values[i] != v;
            }
            return graph.built(original, changed ? canonical.newInstance(values) : original);
        } catch (InvocationTargetException e) {
            throw new GraphCopyException("rebuilding a " + type.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new GraphCopyException("cannot rebuild a " + type.getName() + ": " + e, e);
        }
    }
}
