package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/**
 * {@code lhs op [bool] [matching] rhs}. {@code matching} is null when no {@code on}, {@code ignoring},
 * {@code group_*} or fill modifier was written.
 */
public record Binary(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching, Span span)
        implements Expr {
    public Binary {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(rhs, "rhs");
    }

    @Override
    public List<Expr> children() {
        return List.of(lhs, rhs);
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
