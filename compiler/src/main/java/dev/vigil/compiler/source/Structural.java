package dev.vigil.compiler.source;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
