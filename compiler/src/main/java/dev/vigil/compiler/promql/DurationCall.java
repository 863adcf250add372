package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.Objects;

/** {@code step()}, {@code range()}, {@code min_of(a, b)} or {@code max_of(a, b)} inside a duration. */
public record DurationCall(String function, List<DurationExpr> args, Span span) implements DurationExpr {
    public DurationCall {
        Objects.requireNonNull(function, "function");
        args = List.copyOf(args);
    }
}
