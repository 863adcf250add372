package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.Objects;

/**
 * {@code name op "value"}. When the value was written as a Vigil constant ({@code $name}),
 * {@code constRef} holds the constant's name (without {@code $}) and {@code value} is empty until
 * the constant is substituted.
 */
public record LabelMatcher(String name, MatchOp op, String value, String constRef, Span span) {
    public LabelMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
    }

    public boolean isConstRef() {
        return constRef != null;
    }

    /** Whether this matcher matches the empty string, which Prometheus treats as "label absent". */
    public boolean matchesEmpty() {
        if (constRef != null) {
            return false;
        }
        return switch (op) {
            case EQ -> value.isEmpty();
            case NEQ -> !value.isEmpty();
            case RE, NRE -> Regexes.matchesEmpty(value) == (op == MatchOp.RE);
        };
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
