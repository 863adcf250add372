package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/**
 * The matching clause of a binary operation: {@code on(...)}/{@code ignoring(...)}, then
 * {@code group_left(...)}/{@code group_right(...)}, then the experimental fill modifiers
 * ({@code fill(v)} sets both fill values, {@code fill_left(v)}/{@code fill_right(v)} one each; null
 * when not given). {@code kind} is {@link Kind#NONE} when only fill modifiers were written.
 */
public record VectorMatching(Kind kind, List<String> labels, Cardinality cardinality, List<String> include,
        Double fillLeft, Double fillRight, Span span) {
    public VectorMatching {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cardinality, "cardinality");
        labels = List.copyOf(labels);
        include = List.copyOf(include);
    }

    /** How series are matched. */
    public enum Kind {
        /** No {@code on} or {@code ignoring}: all labels must match. */
        NONE,
        ON,
        IGNORING
    }

    /** {@code group_left} is many-to-one, {@code group_right} one-to-many. */
    public enum Cardinality {
        ONE_TO_ONE,
        MANY_TO_ONE,
        ONE_TO_MANY
    }

    public boolean hasFill() {
        return fillLeft != null || fillRight != null;
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
