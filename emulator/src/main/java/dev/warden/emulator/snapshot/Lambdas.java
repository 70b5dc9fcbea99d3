package dev.warden.emulator.snapshot;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Copies a lambda or method reference: an instance of a hidden class whose final fields
 * ({@code arg$1}, {@code arg$2}, ...) hold what it captured. Reflection may read them but not set
 * them, so the copy is made through the class's private constructor, which takes the captured
 * values in that order. A lambda that captured nothing, or nothing that changes, is shared.
 * Lambdas made inside the JDK (a {@code Comparator.comparing}) are closed to reflection: unsupported.
 */
final class Lambdas implements GraphCopy.Kind {

    private final Class<?> type;
    private final Field[] captured;
    private final Constructor<?> constructor;

    private Lambdas(Class<?> type) {
        this.type = type;
        this.captured = Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .sorted(Comparator.comparingInt(Lambdas::argumentIndex)).toArray(Field[]::new);
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (constructors.length != 1) throw new GraphCopyException("lambda " + type.getName() + " has " + constructors.length + " constructors");
        this.constructor = constructors[0];
        Class<?>[] params = constructor.getParameterTypes();
        if (params.length != captured.length) {
            throw new GraphCopyException("lambda " + type.getName() + ": " + captured.length + " captured values, constructor takes " + params.length);
        }
        for (int i = 0; i < params.length; i++) {
            if (params[i] != captured[i].getType()) throw new GraphCopyException("lambda " + type.getName() + ": argument " + i + " is not " + captured[i]);
        }
        constructor.setAccessible(true);
        for (Field f : captured) f.setAccessible(true);
    }

    static boolean isLambda(Class<?> c) {
        return c.isHidden() && c.getName().contains("$$Lambda$");
    }

    static GraphCopy.Kind kind(Class<?> c) {
        if (c.getModule().isNamed()) return Kinds.unsupported("the lambda " + c.getName() + " made inside " + c.getModule().getName());
        if (Arrays.stream(c.getDeclaredFields()).allMatch(f -> Modifier.isStatic(f.getModifiers()))) return Kinds.SHARED;
        return new Lambdas(c);
    }

    private static int argumentIndex(Field f) {
        String n = f.getName();
        int at = n.lastIndexOf('$');
        try {
            return Integer.parseInt(n.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new GraphCopyException("lambda field " + f + " is not named arg$N");
        }
    }

    @Override
    public Object copy(Object original, GraphCopy graph) {
        try {
            Object[] values = new Object[captured.length];
            graph.building(original);
            boolean changed = false;
            for (int i = 0; i < captured.length; i++) {
                Object v = captured[i].get(original);
                values[i] = captured[i].getType().isPrimitive() ? v : graph.copyOf(v);
                changed |= values[i] != v;
            }
            return graph.built(original, changed ? constructor.newInstance(values) : original);
        } catch (InvocationTargetException e) {
            throw new GraphCopyException("rebuilding the lambda " + type.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new GraphCopyException("cannot rebuild the lambda " + type.getName() + ": " + e, e);
        }
    }
}
