package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
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
}
