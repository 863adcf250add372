package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Objects;

/**
 * A Vigil constant, {@code $name}, in literal position. {@code name} excludes the {@code $}. The
 * same record stands for a constant in matcher or duration position when it is handed to the
 * printer's substitution callback.
 */
public record ConstRef(String name, Span span) implements Expr {
    public ConstRef {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
