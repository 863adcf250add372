package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/**
 * A range vector selector: {@code selector[range]}. After a successful parse {@code selector} is a
 * {@link VectorSelector}; with errors it may be whatever stood before the brackets.
 */
public record MatrixSelector(Expr selector, DurationExpr range, Span span) implements Expr {
    public MatrixSelector {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(range, "range");
    }

    @Override
    public List<Expr> children() {
        return List.of(selector);
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
