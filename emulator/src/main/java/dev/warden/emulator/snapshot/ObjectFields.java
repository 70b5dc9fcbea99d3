package dev.warden.emulator.snapshot;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an instance of an ordinary class field by field: the copy is allocated without running a
 * constructor (a constructor would register listeners, open files, allocate what the fields then
 * replace), then every instance field of the class and its superclasses is set, final ones too.
 *
 * <p>Allocation uses the JDK's serialization constructor ({@code sun.reflect.ReflectionFactory} of
 * the exported jdk.unsupported module, looked up reflectively): it is how deserialization makes an
 * object without its constructors, and it needs no {@code sun.misc.Unsafe} and no --add-opens.
 */
final class ObjectFields implements GraphCopy.Kind {

    private static final MethodHandle SERIALIZATION_CONSTRUCTOR = serializationConstructorFactory();

    private final Class<?> type;
    private final Constructor<?> allocator;
    private final Field[] primitives;
    private final Field[] references;

    ObjectFields(Class<?> type) {
        this.type = type;
        this.allocator = allocator(type);
        List<Field> prim = new ArrayList<>();
        List<Field> refs = new ArrayList<>();
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                f.setAccessible(true);
                (f.getType().isPrimitive() ? prim : refs).add(f);
            }
        }
        this.primitives = prim.toArray(new Field[0]);
        this.references = refs.toArray(new Field[0]);
    }

    @Override
    public Object copy(Object original, GraphCopy graph) {
        Object copy;
        try {
            copy = allocator.newInstance();
            for (Field f : primitives) f.set(copy, f.get(original));
        } catch (ReflectiveOperationException e) {
            throw new GraphCopyException("cannot copy a " + type.getName() + ": " + e, e);
        }
        graph.register(original, copy);
        graph.later(() -> {
            Field current = null;
            try {
                for (Field f : references) {
                    current = f;
                    f.set(copy, graph.copyOf(f.get(original)));
                }
            } catch (IllegalAccessException e) {
                throw new GraphCopyException("cannot set " + current + ": " + e, e);
            } catch (GraphCopyException e) {
                throw current == null ? e : new GraphCopyException(e.getMessage() + ", in " + current.getDeclaringClass().getName()
                        + "." + current.getName(), e);
            }
        });
        return copy;
    }

    private static Constructor<?> allocator(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers())) throw new GraphCopyException("cannot allocate the abstract " + type.getName());
        try {
            Constructor<?> c = (Constructor<?>) SERIALIZATION_CONSTRUCTOR.invoke(type, Object.class.getDeclaredConstructor());
            c.setAccessible(true);
            return c;
        } catch (Throwable e) {
            throw new GraphCopyException("cannot allocate a " + type.getName() + " without its constructor: " + e, e);
        }
    }

    /** ReflectionFactory.getReflectionFactory().newConstructorForSerialization(Class, Constructor), bound. */
    private static MethodHandle serializationConstructorFactory() {
        try {
            Class<?> factory = Class.forName("sun.reflect.ReflectionFactory");
            Object instance = factory.getMethod("getReflectionFactory").invoke(null);
            MethodHandle m = MethodHandles.publicLookup().findVirtual(factory, "newConstructorForSerialization",
                    MethodType.methodType(Constructor.class, Class.class, Constructor.class));
            return m.bindTo(instance);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
