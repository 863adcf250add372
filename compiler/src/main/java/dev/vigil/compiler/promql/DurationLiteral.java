package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.Objects;

/**
 * A duration as written: {@code 5m}, {@code 1h30m}, or a number of seconds ({@code 300}, {@code 1.5}).
 * {@code millis} is its length, rounded to whole milliseconds.
 */
public record DurationLiteral(String text, long millis, Span span) implements DurationExpr {
    public DurationLiteral {
        Objects.requireNonNull(text, "text");
    }

    /** A literal in canonical units ({@code 90000} ms is {@code 1m30s}), for trees built by code. */
    public static DurationLiteral of(long millis, Span span) {
        return new DurationLiteral(Durations.format(millis), millis, span);
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
