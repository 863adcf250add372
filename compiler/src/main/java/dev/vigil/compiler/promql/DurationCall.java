package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/** {@code step()}, {@code range()}, {@code min_of(a, b)} or {@code max_of(a, b)} inside a duration. */
public record DurationCall(String function, List<DurationExpr> args, Span span) implements DurationExpr {
    public DurationCall {
        Objects.requireNonNull(function, "function");
        args = List.copyOf(args);
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
