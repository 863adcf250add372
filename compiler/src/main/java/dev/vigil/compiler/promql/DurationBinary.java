package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.Objects;

/** {@code lhs op rhs}, where {@code op} is one of {@link BinaryOp#isDurationOperator()}. */
public record DurationBinary(BinaryOp op, DurationExpr lhs, DurationExpr rhs, Span span) implements DurationExpr {
    public DurationBinary {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(rhs, "rhs");
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
