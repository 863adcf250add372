package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.Objects;

/** {@code -d} or {@code +d}. */
public record DurationUnary(boolean negative, DurationExpr expr, Span span) implements DurationExpr {
    public DurationUnary {
        Objects.requireNonNull(expr, "expr");
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
