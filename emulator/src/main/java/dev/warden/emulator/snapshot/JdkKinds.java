package dev.warden.emulator.snapshot;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * How the JDK types a board holds are copied, through their public API since java.base keeps its
 * fields closed: values are shared, mutable containers rebuilt with copied contents in the same
 * iteration order, immutable ones rebuilt (or shared when nothing in them changes). A type not
 * named here is refused, never copied approximately.
 *
 * <p>Limits, none of which the board's graph has (a census of it is a test): a LinkedHashMap in
 * access order comes back in insertion order; a ByteBuffer loses its mark; an unmodifiable view
 * of a collection another object also holds becomes a view of its own copy.
 */
final class JdkKinds {

    private JdkKinds() {}

    /** Immutable values: shared. Exceptions count as values (nobody changes one once thrown). */
    static boolean isValue(Class<?> c) {
        return c == String.class || c == Integer.class || c == Long.class || c == Boolean.class || c == Character.class
                || c == Byte.class || c == Short.class || c == Float.class || c == Double.class
                || c == BigInteger.class || c == BigDecimal.class || c == Class.class
                || Enum.class.isAssignableFrom(c) || Throwable.class.isAssignableFrom(c)
                || (Path.class.isAssignableFrom(c) && c.getModule().isNamed())
                || Charset.class.isAssignableFrom(c) || c == Pattern.class || c == java.util.UUID.class
                || c == java.util.Locale.class || c == java.nio.ByteOrder.class || c == java.net.URI.class
                || c == java.io.File.class
                || (c.getModule().isNamed() && c.getPackageName().equals("java.time"));
    }

    /** The copier of a JDK class, or null when it has none. */
    static GraphCopy.Kind of(Class<?> c) {
        if (c == ArrayList.class) return (o, g) -> listCopy(o, g, new ArrayList<>(((List<?>) o).size()));
        if (c == LinkedList.class) return (o, g) -> listCopy(o, g, new LinkedList<>());
        if (c == ArrayDeque.class) return (o, g) -> listCopy(o, g, new ArrayDeque<>(Math.max(1, ((Collection<?>) o).size())));
        if (c == HashMap.class) return (o, g) -> hashedMapCopy(o, g, new HashMap<>(HashOrder.capacity(((Map<?, ?>) o).keySet())));
        if (c == LinkedHashMap.class) return (o, g) -> hashedMapCopy(o, g, new LinkedHashMap<>());
        if (c == TreeMap.class) return (o, g) -> hashedMapCopy(o, g, new TreeMap<>(comparator(g, ((TreeMap<?, ?>) o).comparator())));
        if (c == IdentityHashMap.class) return JdkKinds::identityMapCopy;
        if (c == EnumMap.class) return JdkKinds::enumMapCopy;
        if (c == HashSet.class) return (o, g) -> hashedSetCopy(o, g, new HashSet<>(HashOrder.capacity((Set<?>) o)));
        if (c == LinkedHashSet.class) return (o, g) -> hashedSetCopy(o, g, new LinkedHashSet<>());
        if (c == TreeSet.class) return (o, g) -> hashedSetCopy(o, g, new TreeSet<>(comparator(g, ((TreeSet<?>) o).comparator())));
        if (c == PriorityQueue.class) return JdkKinds::priorityQueueCopy;
        if (EnumSet.class.isAssignableFrom(c)) return (o, g) -> g.register(o, ((EnumSet<?>) o).clone());
        if (c == BitSet.class) return (o, g) -> g.register(o, ((BitSet) o).clone());
        if (c == StringBuilder.class) return (o, g) -> g.register(o, new StringBuilder((StringBuilder) o));
        if (c == StringBuffer.class) return (o, g) -> g.register(o, new StringBuffer((StringBuffer) o));
        if (c == AtomicLong.class) return (o, g) -> g.register(o, new AtomicLong(((AtomicLong) o).get()));
        if (c == AtomicInteger.class) return (o, g) -> g.register(o, new AtomicInteger(((AtomicInteger) o).get()));
        if (c == AtomicBoolean.class) return (o, g) -> g.register(o, new AtomicBoolean(((AtomicBoolean) o).get()));
        if (c == Object.class) return (o, g) -> g.register(o, new Object());
        if (c == Optional.class) return JdkKinds::optionalCopy;
        if (c == AbstractMap.SimpleImmutableEntry.class || c.getName().equals("java.util.KeyValueHolder")) return JdkKinds::entryCopy;
        if (ByteBuffer.class.isAssignableFrom(c) && c.getName().equals("java.nio.HeapByteBuffer")) return JdkKinds::byteBufferCopy;
        if (c.getName().equals("java.util.Arrays$ArrayList")) return JdkKinds::arraysAsListCopy;
        return immutableCollection(c);
    }

    /** The JDK's immutable collections and unmodifiable wrappers. */
    private static GraphCopy.Kind immutableCollection(Class<?> c) {
        String n = c.getName();
        boolean immutable = n.startsWith("java.util.ImmutableCollections$") || n.startsWith("java.util.Collections$Unmodifiable")
                || n.startsWith("java.util.Collections$Empty") || n.startsWith("java.util.Collections$Singleton");
        if (!immutable) return null;
        if (n.endsWith("Iterator") || n.contains("EntrySet") || n.contains("SubList")) return null;
        if (List.class.isAssignableFrom(c)) return JdkKinds::immutableListCopy;
        if (Map.class.isAssignableFrom(c)) return JdkKinds::immutableMapCopy;
        if (Set.class.isAssignableFrom(c)) return JdkKinds::immutableSetCopy;
        if (n.equals("java.util.Collections$UnmodifiableCollection")) return JdkKinds::immutableListCopy;
        return null;
    }

    /** The copy of a sorted container's comparator (null: natural order). */
    @SuppressWarnings("unchecked")
    private static java.util.Comparator<Object> comparator(GraphCopy g, java.util.Comparator<?> c) {
        return (java.util.Comparator<Object>) g.copyOf(c);
    }

    // ---- mutable containers: registered empty, filled later

    private static Object listCopy(Object original, GraphCopy g, Collection<Object> copy) {
        g.register(original, copy);
        g.later(() -> {
            for (Object e : (Collection<?>) original) copy.add(g.copyOf(e));
        });
        return copy;
    }

    /** Keys and values are copied now; the entries go in once every key's fields are set (hash codes, comparisons). */
    private static Object hashedMapCopy(Object original, GraphCopy g, Map<Object, Object> copy) {
        g.register(original, copy);
        Map<?, ?> from = (Map<?, ?>) original;
        g.later(() -> {
            Object[] keys = new Object[from.size()];
            Object[] values = new Object[from.size()];
            int i = 0;
            for (Map.Entry<?, ?> e : from.entrySet()) {
                keys[i] = g.copyOf(e.getKey());
                values[i++] = g.copyOf(e.getValue());
            }
            g.afterAllFields(() -> {
                for (int k = 0; k < keys.length; k++) copy.put(keys[k], values[k]);
                HashOrder.check(from.keySet(), copy.keySet(), keys, original.getClass());
            });
        });
        return copy;
    }

    private static Object hashedSetCopy(Object original, GraphCopy g, Set<Object> copy) {
        g.register(original, copy);
        Set<?> from = (Set<?>) original;
        g.later(() -> {
            Object[] elements = new Object[from.size()];
            int i = 0;
            for (Object e : from) elements[i++] = g.copyOf(e);
            g.afterAllFields(() -> {
                copy.addAll(Arrays.asList(elements));
                HashOrder.check(from, copy, elements, original.getClass());
            });
        });
        return copy;
    }

    private static Object identityMapCopy(Object original, GraphCopy g) {
        Map<?, ?> from = (Map<?, ?>) original;
        Map<Object, Object> copy = g.register(original, new IdentityHashMap<>(Math.max(1, from.size())));
        g.later(() -> {
            for (Map.Entry<?, ?> e : from.entrySet()) copy.put(g.copyOf(e.getKey()), g.copyOf(e.getValue()));
        });
        return copy;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumMapCopy(Object original, GraphCopy g) {
        EnumMap from = (EnumMap) original;
        EnumMap copy = g.register(original, new EnumMap(from)); // keeps the key type, even when empty
        g.later(() -> {
            for (Object e : from.entrySet()) {
                Map.Entry entry = (Map.Entry) e;
                copy.put(entry.getKey(), g.copyOf(entry.getValue()));
            }
        });
        return copy;
    }

    /**
     * Inserting the elements of a heap in its array order rebuilds the same array (each element is
     * no smaller than its parent, so none moves), so equal elements still come out in the same order.
     */
    private static Object priorityQueueCopy(Object original, GraphCopy g) {
        PriorityQueue<?> from = (PriorityQueue<?>) original;
        PriorityQueue<Object> copy = g.register(original,
                new PriorityQueue<>(Math.max(1, from.size()), comparator(g, from.comparator())));
        g.later(() -> {
            Object[] heap = from.toArray();
            for (int i = 0; i < heap.length; i++) heap[i] = g.copyOf(heap[i]);
            g.afterAllFields(() -> {
                for (Object e : heap) copy.add(e);
                if (!Arrays.equals(copy.toArray(), heap)) throw new GraphCopyException("a PriorityQueue came back in another order");
            });
        });
        return copy;
    }

    private static Object arraysAsListCopy(Object original, GraphCopy g) {
        List<?> from = (List<?>) original;
        Object[] elements = new Object[from.size()];
        List<Object> copy = g.register(original, Arrays.asList(elements));
        g.later(() -> {
            for (int i = 0; i < elements.length; i++) elements[i] = g.copyOf(from.get(i));
        });
        return copy;
    }

    private static Object byteBufferCopy(Object original, GraphCopy g) {
        ByteBuffer from = (ByteBuffer) original;
        if (from.isReadOnly() || !from.hasArray() || from.arrayOffset() != 0 || from.capacity() != from.array().length) {
            throw new GraphCopyException("cannot copy a board holding a ByteBuffer that is read-only or a slice of its array");
        }
        ByteBuffer copy = ByteBuffer.wrap(g.copyOf(from.array())).order(from.order());
        copy.limit(from.limit()).position(from.position());
        return g.register(original, copy);
    }

    // ---- immutable containers: built from copied components, or shared when none changed

    private static Object optionalCopy(Object original, GraphCopy g) {
        Optional<?> from = (Optional<?>) original;
        if (from.isEmpty()) return original;
        g.building(original);
        Object v = g.copyOf(from.get());
        return g.built(original, v == from.get() ? original : Optional.of(v));
    }

    private static Object entryCopy(Object original, GraphCopy g) {
        Map.Entry<?, ?> from = (Map.Entry<?, ?>) original;
        g.building(original);
        Object k = g.copyOf(from.getKey());
        Object v = g.copyOf(from.getValue());
        if (k == from.getKey() && v == from.getValue()) return g.built(original, original);
        return g.built(original, original instanceof AbstractMap.SimpleImmutableEntry ? new AbstractMap.SimpleImmutableEntry<>(k, v) : Map.entry(k, v));
    }

    private static Object immutableListCopy(Object original, GraphCopy g) {
        Collection<?> from = (Collection<?>) original;
        g.building(original);
        Object[] elements = new Object[from.size()];
        boolean changed = false;
        boolean nulls = false;
        int i = 0;
        for (Object e : from) {
            elements[i] = g.copyOf(e);
            changed |= elements[i] != e;
            nulls |= e == null;
            i++;
        }
        if (!changed) return g.built(original, original);
        String n = original.getClass().getName();
        Object copy;
        if (n.startsWith("java.util.ImmutableCollections$")) {
            copy = nulls ? Arrays.stream(elements).toList() : List.of(elements);
        } else if (n.startsWith("java.util.Collections$Singleton")) {
            copy = Collections.singletonList(elements[0]);
        } else if (original instanceof List<?>) {
            List<Object> backing = new ArrayList<>(Arrays.asList(elements));
            copy = original instanceof RandomAccess ? Collections.unmodifiableList(backing)
                    : Collections.unmodifiableList(new LinkedList<>(backing));
        } else {
            copy = Collections.unmodifiableCollection(new ArrayList<>(Arrays.asList(elements)));
        }
        return g.built(original, copy);
    }

    /**
     * Keys of an immutable set or map are hashed when it is built, before the fields of a copied key
     * are set: so its keys must be values that copies share. Values may change.
     */
    private static Object immutableMapCopy(Object original, GraphCopy g) {
        Map<?, ?> from = (Map<?, ?>) original;
        g.building(original);
        Map<Object, Object> entries = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> e : from.entrySet()) {
            Object k = g.copyOf(e.getKey());
            if (k != e.getKey()) throw unsharedKey(original);
            Object v = g.copyOf(e.getValue());
            changed |= v != e.getValue();
            entries.put(k, v);
        }
        if (!changed) return g.built(original, original);
        String n = original.getClass().getName();
        Map<Object, Object> copy;
        if (n.startsWith("java.util.ImmutableCollections$")) copy = Map.copyOf(entries);
        else if (n.startsWith("java.util.Collections$Singleton")) copy = Collections.singletonMap(entries.keySet().iterator().next(), entries.values().iterator().next());
        else copy = Collections.unmodifiableMap(entries);
        if (!new ArrayList<>(copy.keySet()).equals(new ArrayList<>(from.keySet()))) {
            throw new GraphCopyException("an immutable " + n + " came back in another order");
        }
        return g.built(original, copy);
    }

    private static Object immutableSetCopy(Object original, GraphCopy g) {
        for (Object e : (Set<?>) original) {
            if (g.copyOf(e) != e) throw unsharedKey(original);
        }
        return original;
    }

    private static GraphCopyException unsharedKey(Object container) {
        return new GraphCopyException("cannot copy a board holding an immutable " + container.getClass().getName()
                + " keyed by objects that copies do not share");
    }
}
