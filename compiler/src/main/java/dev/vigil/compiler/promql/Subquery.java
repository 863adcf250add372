package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/** A subquery: {@code expr[range:step]}; {@code step} is null when omitted ({@code [5m:]}). */
public record Subquery(Expr expr, DurationExpr range, DurationExpr step, Span span) implements Expr {
    public Subquery {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(range, "range");
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
