package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.Objects;

/** {@code (d)}, kept so that the expression prints back as written. */
public record DurationParen(DurationExpr expr, Span span) implements DurationExpr {
    public DurationParen {
        Objects.requireNonNull(expr, "expr");
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
