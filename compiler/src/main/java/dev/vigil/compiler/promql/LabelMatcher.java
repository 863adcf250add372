package dev.vigil.compiler.promql;

import dev.vigil.compiler.regex.Re2;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * Whether this matcher matches the empty string, which Prometheus treats as "label absent". A
     * regex RE2 refuses counts as not matching it, so no error is raised on its account.
     */
    public boolean matchesEmpty() {
        if (constRef != null) {
            return false;
        }
        return matches("").orElse(op == MatchOp.NRE);
    }

    /** Whether a series whose label has {@code value} ("" when absent) is selected; empty when the regex is not RE2 or the value is a constant not yet substituted. */
    public Optional<Boolean> matches(String value) {
        if (constRef != null) {
            return Optional.empty();
        }
        return switch (op) {
            case EQ -> Optional.of(value.equals(this.value));
            case NEQ -> Optional.of(!value.equals(this.value));
            case RE -> Re2.PROMETHEUS.matches(this.value, value);
            case NRE -> Re2.PROMETHEUS.matches(this.value, value).map(hit -> !hit);
        };
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
