package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import java.util.Objects;

/** {@code (d)}, kept so that the expression prints back as written. */
public record DurationParen(DurationExpr expr, Span span) implements DurationExpr {
    public DurationParen {
        Objects.requireNonNull(expr, "expr");
    }
}
