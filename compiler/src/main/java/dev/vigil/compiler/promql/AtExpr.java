package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/**
 * {@code expr @ timestamp}, {@code expr @ start()} or {@code expr @ end()}. For a timestamp,
 * {@code seconds} is its value (Unix seconds) and {@code text} its spelling including the sign;
 * for {@code start()}/{@code end()} {@code seconds} is 0 and {@code text} is {@code start()}/{@code end()}.
 */
public record AtExpr(Expr expr, Anchor anchor, double seconds, String text, Span span) implements Expr {
    public AtExpr {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(text, "text");
    }

    /** What the {@code @} refers to. */
    public enum Anchor {
        TIMESTAMP,
        START,
        END
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
