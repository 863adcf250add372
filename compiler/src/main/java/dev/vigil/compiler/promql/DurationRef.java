package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.Objects;

/** A Vigil constant used as a duration, {@code $window}; {@code name} excludes the {@code $}. */
public record DurationRef(String name, Span span) implements DurationExpr {
    public DurationRef {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
