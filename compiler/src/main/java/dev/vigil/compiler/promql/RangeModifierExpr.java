package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
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
}
