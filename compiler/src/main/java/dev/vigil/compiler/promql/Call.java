package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
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
}
