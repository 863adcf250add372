package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/**
 * A number, or a duration in expression position ({@code 5m} is the scalar 300). {@code text} is the
 * source spelling ({@code 0x1F}, {@code 1e3}, {@code Inf}, {@code 5m}), which the printer keeps.
 */
public record NumberLiteral(double value, String text, Span span) implements Expr {
    public NumberLiteral {
        Objects.requireNonNull(text, "text");
    }

    /** A literal with canonical text, for trees built by code. */
    public static NumberLiteral of(double value, Span span) {
        return new NumberLiteral(value, Numbers.format(value), span);
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
