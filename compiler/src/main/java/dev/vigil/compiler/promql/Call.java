package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/**
 * A function call. In expression position the duration functions {@code step()}, {@code range()},
 * {@code min_of(a, b)}, {@code max_of(a, b)}, {@code start()} and {@code end()} are calls too; see
 * {@link Functions}.
 */
public record Call(String function, List<Expr> args, Span span) implements Expr {
    public Call {
        Objects.requireNonNull(function, "function");
        args = List.copyOf(args);
    }

    @Override
    public List<Expr> children() {
        return args;
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
