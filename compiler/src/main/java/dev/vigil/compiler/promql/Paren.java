package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/** {@code (expr)}: kept, because Prometheus gives parentheses meaning (no offset on a parenthesised selector). */
public record Paren(Expr expr, Span span) implements Expr {
    public Paren {
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
