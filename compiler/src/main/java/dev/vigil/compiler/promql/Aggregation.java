package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@code op [by|without (labels)] ([param,] expr)}. {@code param} is set for the operators that take
 * one ({@link AggregateOp#hasParam()}); it is null otherwise, or when it was missing (already reported).
 * {@code grouping} is null when neither {@code by} nor {@code without} was written.
 */
public record Aggregation(AggregateOp op, Expr param, Expr expr, Grouping grouping, Span span) implements Expr {
    public Aggregation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(expr, "expr");
    }

    @Override
    public List<Expr> children() {
        if (param == null) {
            return List.of(expr);
        }
        List<Expr> both = new ArrayList<>(2);
        both.add(param);
        both.add(expr);
        return Collections.unmodifiableList(both);
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
