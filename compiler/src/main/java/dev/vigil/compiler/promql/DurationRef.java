package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import java.util.Objects;

/** A Vigil constant used as a duration, {@code $window}; {@code name} excludes the {@code $}. */
public record DurationRef(String name, Span span) implements DurationExpr {
    public DurationRef {
        Objects.requireNonNull(name, "name");
    }
}
