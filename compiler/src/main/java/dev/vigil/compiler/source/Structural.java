package dev.vigil.compiler.source;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Equality of records by structure, without their spans: two PromQL trees parsed from different
 * places are equal when they say the same thing. Nodes that want this say so by delegating their
 * {@code equals} and {@code hashCode} here; everything else compares spans as the values they are.
 */
public final class Structural {
    /** Accessors of each record type's components, except those of type {@link Span}. */
    private static final ClassValue<List<MethodHandle>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<MethodHandle> computeValue(Class<?> type) {
            List<MethodHandle> out = new ArrayList<>();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType() == Span.class) {
                    continue;
                }
                try {
                    out.add(lookup.unreflect(c.getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("record " + type.getName() + " must be public", e);
                }
            }
            return List.copyOf(out);
        }
    };

    private Structural() {
    }

    /** Whether {@code b} is a record of {@code a}'s type whose components other than spans are equal. */
    public static boolean equals(Record a, Object b) {
        if (a == b) {
            return true;
        }
        if (b == null || a.getClass() != b.getClass()) {
            return false;
        }
        for (MethodHandle h : COMPONENTS.get(a.getClass())) {
            if (!Objects.equals(get(h, a), get(h, b))) {
                return false;
            }
        }
        return true;
    }

    /** A hash consistent with {@link #equals(Record, Object)}. */
    public static int hashCode(Record r) {
        int h = r.getClass().hashCode();
        for (MethodHandle c : COMPONENTS.get(r.getClass())) {
            h = 31 * h + Objects.hashCode(get(c, r));
        }
        return h;
    }

    /**
     * A copy of {@code node} in which every span, its own and those of the records it holds (directly
     * or in lists), is {@code span}: generated code points at the declaration that produced it.
     */
    public static <T> T withSpan(T node, Span span) {
        return transform(node, v -> v instanceof Span ? span : null);
    }

    /**
     * A copy of the record {@code node} rebuilt top-down: wherever {@code replace} returns a value for
     * a record, span or other component, that value takes its place; elsewhere records (also inside
     * lists) are rebuilt from their transformed components.
     */
    @SuppressWarnings("unchecked")
    public static <T> T transform(T node, Function<Object, Object> replace) {
        if (!(node instanceof Record)) {
            throw new IllegalArgumentException("not a record: " + node.getClass().getName());
        }
        return (T) rebuild(node, replace);
    }

    private static Object rebuild(Object v, Function<Object, Object> replace) {
        if (v == null) {
            return null;
        }
        Object r = replace.apply(v);
        if (r != null) {
            return r;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object e : list) {
                Object n = rebuild(e, replace);
                out.add(n);
                changed |= n != e;
            }
            return changed ? out : list;
        }
        if (!(v instanceof Record)) {
            return v;
        }
        Shape shape = SHAPES.get(v.getClass());
        Object[] values = new Object[shape.accessors().length];
        boolean changed = false;
        try {
            for (int i = 0; i < values.length; i++) {
                Object old = shape.accessors()[i].invoke(v);
                values[i] = rebuild(old, replace);
                changed |= values[i] != old;
            }
            // Records are immutable: a node nothing replaced inside is its own copy.
            return changed ? shape.constructor().newInstance(values) : v;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + v.getClass().getName(), e);
        }
    }

    /** A record type's accessors and canonical constructor, looked up once per type. */
    private record Shape(Method[] accessors, Constructor<?> constructor) {
    }

    /**
     * Reflection is looked up once per type: a fleet's lowering copies millions of nodes. Core
     * reflection, not method handles: spinning a handle per type costs a small project's start-up more
     * than the calls save.
     */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                accessors[i] = components[i].getAccessor();
            }
            try {
                return new Shape(accessors, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
    };

    private static Object get(MethodHandle accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
