package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/**
 * {@code -expr} or {@code +expr}. Unlike Prometheus, {@code -1} stays a unary minus over the literal
 * 1, so that the tree prints back as written.
 */
public record Unary(boolean negative, Expr expr, Span span) implements Expr {
    public Unary {
        Objects.requireNonNull(expr, "expr");
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
