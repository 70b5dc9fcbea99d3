package dev.warden.emulator.snapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * An identity-preserving deep copy of an object graph: a whole board with its devices, cores,
 * clock, event queue, consoles, hypervisor and root-cell software, so that a scenario can fork a
 * booted board instead of booting its own. Every object is copied once, so objects shared in the
 * original are shared in the copy, cycles included, and nothing of the copy leads back to the
 * original. The original is only read (guest RAM marks the pages it starts to share), so several
 * threads may copy one frozen graph at once.
 *
 * <p>How each kind of object is copied ({@link Kinds}):
 * <ul>
 *   <li>Warden's classes (and any other class-path class): allocated without running a constructor,
 *       then every instance field, final ones too, set by reflection.</li>
 *   <li>Records and lambdas, whose final fields reflection may not set: rebuilt through their
 *       constructor from copied components; shared as they are when every component is.</li>
 *   <li>The JDK's collections and values, whose insides are closed to reflection: rebuilt through
 *       their public API in the same iteration order ({@link JdkKinds}); values (strings, boxes,
 *       enums, paths, exceptions) are shared.</li>
 *   <li>{@link SharedOnFork} classes (decoded instructions, compiled code) and the values of static
 *       final fields (sentinels such as an empty page marker) are shared: the copy must see the same
 *       identities as the original.</li>
 *   <li>{@link ForkCopyable} objects copy themselves: guest RAM shares its pages copy-on-write.</li>
 * </ul>
 * Anything else (threads, streams, views of collections, a JDK class with hidden state) stops the
 * copy with a {@link GraphCopyException} naming where it was found: a copy is faithful or none.
 */
public final class GraphCopy {

    /** Stands for an immutable object whose copy is being built from its components. */
    private static final Object BUILDING = new Object();

    private final IdentityHashMap<Object, Object> copies = new IdentityHashMap<>(1 << 14);
    private final IdentityHashMap<Class<?>, Kind> kinds = new IdentityHashMap<>();
    private final ArrayDeque<Runnable> fills = new ArrayDeque<>();
    private final List<Runnable> hashedFills = new ArrayList<>();

    private GraphCopy() {}

    /** A deep copy of everything {@code root} reaches. */
    public static <T> T of(T root) {
        GraphCopy g = new GraphCopy();
        T copy = g.copyOf(root);
        g.finish();
        return copy;
    }

    /**
     * The copy of {@code original} in this copy of the graph: made now, or the one made before.
     * A mutable object's fields may still be unset when this returns; they are set before
     * {@link #of} returns.
     */
    @SuppressWarnings("unchecked")
    public <T> T copyOf(T original) {
        if (original == null) return null;
        Kind kind = kind(original.getClass());
        if (kind == Kinds.SHARED) return original;
        Object known = copies.get(original);
        if (known != null) {
            if (known == BUILDING) {
                throw new GraphCopyException("a cycle through immutable objects reaches " + original.getClass().getName()
                        + " again before its copy exists");
            }
            return (T) known;
        }
        return (T) kind.copy(original, this);
    }

    private Kind kind(Class<?> c) {
        Kind k = kinds.get(c);
        if (k == null) {
            k = Kinds.of(c);
            kinds.put(c, k);
            // the sentinels this class may compare against keep their identity in the copy
            for (Object v : StaticValues.of(c)) copies.putIfAbsent(v, v);
        }
        return k;
    }

    /** Registers the copy of a mutable object before its contents are copied, so that cycles end there. */
    <T> T register(Object original, T copy) {
        copies.put(original, copy);
        return copy;
    }

    /** Marks an immutable object as being built, so that a cycle through immutables is reported, not looped. */
    void building(Object original) {
        copies.put(original, BUILDING);
    }

    /** The copy of an immutable object, built from the copies of its components (or the original itself). */
    <T> T built(Object original, T copy) {
        copies.put(original, copy);
        return copy;
    }

    /** Runs {@code fill} before {@link #of} returns: it copies an object's contents into its registered copy. */
    void later(Runnable fill) {
        fills.add(fill);
    }

    /**
     * Runs {@code fill} after every other fill: it inserts keys into a hashed or sorted container,
     * whose hash codes and comparisons need the keys' own fields complete.
     */
    void afterAllFields(Runnable fill) {
        hashedFills.add(fill);
    }

    private void finish() {
        while (!fills.isEmpty()) fills.poll().run();
        // inner containers (found later) first: an outer set may hash an inner one
        for (int i = hashedFills.size() - 1; i >= 0; i--) hashedFills.get(i).run();
    }

    /** How one class is copied. */
    interface Kind {
        Object copy(Object original, GraphCopy graph);
    }
}
