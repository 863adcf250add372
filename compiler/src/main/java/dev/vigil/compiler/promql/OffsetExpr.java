package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/** {@code expr offset duration}; a negative offset is a {@link DurationUnary}. */
public record OffsetExpr(Expr expr, DurationExpr offset, Span span) implements Expr {
    public OffsetExpr {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(offset, "offset");
    }

    @Override
    public List<Expr> children() {
        return List.of(expr);
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
