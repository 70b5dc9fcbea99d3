package dev.warden.emulator.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Decides how {@link GraphCopy} copies the instances of a class (cached per class). */
final class Kinds {

    private static final ClassValue<GraphCopy.Kind> CACHE = new ClassValue<>() {
        @Override
        protected GraphCopy.Kind computeValue(Class<?> c) {
            return decide(c);
        }
    };

    /** Returned as they are: values that nothing changes, and classes marked {@link SharedOnFork}. */
    static final GraphCopy.Kind SHARED = (original, graph) -> original;

    private Kinds() {}

    static GraphCopy.Kind of(Class<?> c) {
        return CACHE.get(c);
    }

    private static GraphCopy.Kind decide(Class<?> c) {
        if (c.isArray()) return c.getComponentType().isPrimitive() ? Kinds::primitiveArray : Kinds::objectArray;
        if (c.isAnnotationPresent(SharedOnFork.class) || JdkKinds.isValue(c)) return SHARED;
        if (ForkCopyable.class.isAssignableFrom(c)) return Kinds::selfCopying;
        if (Lambdas.isLambda(c)) return Lambdas.kind(c);
        if (c.getModule().isNamed()) {
            GraphCopy.Kind jdk = JdkKinds.of(c);
            if (jdk != null) return jdk;
            return unsupported(c.getName() + " (a " + c.getModule().getName() + " class whose state reflection cannot reach)");
        }
        if (c.isHidden()) return unsupported(c.getName() + " (a hidden class that is neither a lambda nor @SharedOnFork)");
        if (c.isRecord()) return Immutability.deep(c) ? SHARED : new Records(c);
        Class<?> jdkSuper = firstNamedSuperclassWithState(c);
        if (jdkSuper != null) {
            return unsupported(c.getName() + " (it extends " + jdkSuper.getName() + ", whose fields reflection cannot reach)");
        }
        return new ObjectFields(c);
    }

    /** A JDK superclass with instance fields of its own (an AbstractList's modCount, a Thread's state). */
    private static Class<?> firstNamedSuperclassWithState(Class<?> c) {
        for (Class<?> k = c.getSuperclass(); k != null && k != Object.class; k = k.getSuperclass()) {
            if (!k.getModule().isNamed()) continue;
            for (Field f : k.getDeclaredFields()) if (!Modifier.isStatic(f.getModifiers())) return k;
        }
        return null;
    }

    static GraphCopy.Kind unsupported(String what) {
        return (original, graph) -> {
            throw new GraphCopyException("cannot copy a board holding " + what);
        };
    }

    private static Object primitiveArray(Object original, GraphCopy graph) {
        int n = Array.getLength(original);
        Object copy = Array.newInstance(original.getClass().getComponentType(), n);
        System.arraycopy(original, 0, copy, 0, n);
        return graph.register(original, copy);
    }

    private static Object objectArray(Object original, GraphCopy graph) {
        Object[] from = (Object[]) original;
        Object[] copy = graph.register(original, (Object[]) Array.newInstance(original.getClass().getComponentType(), from.length));
        graph.later(() -> {
            for (int i = 0; i < from.length; i++) copy[i] = graph.copyOf(from[i]);
        });
        return copy;
    }

    private static Object selfCopying(Object original, GraphCopy graph) {
        return graph.register(original, ((ForkCopyable) original).forkCopy(graph));
    }
}
