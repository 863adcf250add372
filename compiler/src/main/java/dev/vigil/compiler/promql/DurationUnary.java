package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import java.util.Objects;

/** {@code -d} or {@code +d}. */
public record DurationUnary(boolean negative, DurationExpr expr, Span span) implements DurationExpr {
    public DurationUnary {
        Objects.requireNonNull(expr, "expr");
    }
}
