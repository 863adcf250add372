package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/** {@code selector anchored} or {@code selector smoothed}. */
public record RangeModifierExpr(Expr expr, RangeModifier modifier, Span span) implements Expr {
    public RangeModifierExpr {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(modifier, "modifier");
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
