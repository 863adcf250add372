package dev.vigil.compiler.source;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
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
        Shape shape = SHAPES.get(a.getClass());
        for (int i = 0; i < shape.accessors().size(); i++) {
            MethodHandle h = shape.accessors().get(i);
            if (!shape.span()[i] && !Objects.equals(get(h, a), get(h, b))) {
                return false;
            }
        }
        return true;
    }

    /** A hash consistent with {@link #equals(Record, Object)}. */
    public static int hashCode(Record r) {
        int h = r.getClass().hashCode();
        Shape shape = SHAPES.get(r.getClass());
        for (int i = 0; i < shape.accessors().size(); i++) {
            if (!shape.span()[i]) {
                h = 31 * h + Objects.hashCode(get(shape.accessors().get(i), r));
            }
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
        Object[] values = new Object[shape.accessors().size()];
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            Object old = get(shape.accessors().get(i), v);
            values[i] = rebuild(old, replace);
            changed |= values[i] != old;
        }
        if (!changed) {
            return v; // records are immutable: a node nothing replaced inside is its own copy
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + v.getClass().getName(), e);
        }
    }

    /**
     * A record type's component accessors, which of them are spans (left out of equality), and its
     * canonical constructor: looked up once per type, since a fleet's lowering copies millions of nodes.
     */
    private record Shape(List<MethodHandle> accessors, boolean[] span, Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            boolean[] span = new boolean[components.length];
            List<MethodHandle> accessors = new ArrayList<>();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    span[i] = types[i] == Span.class;
                    accessors.add(lookup.unreflect(components[i].getAccessor()));
                }
                return new Shape(List.copyOf(accessors), span, type.getDeclaredConstructor(types));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record " + type.getName() + " must be public", e);
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
