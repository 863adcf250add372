package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;
import java.util.Optional;

/**
 * An instant vector selector: {@code metric{label="v"}}. {@code metricName} is the name written before
 * the braces, or null. A name written inside the braces, quoted ({@code {"my.metric"}}) or as
 * {@code __name__="..."}, is a {@code __name__} matcher, as in Prometheus; see {@link #name()}.
 */
public record VectorSelector(String metricName, List<LabelMatcher> matchers, Span span) implements Expr {
    public VectorSelector {
        matchers = List.copyOf(matchers);
    }

    /** The metric this selects by exact name: {@code metricName}, else the first {@code __name__="..."} matcher. */
    public Optional<String> name() {
        if (metricName != null) {
            return Optional.of(metricName);
        }
        for (LabelMatcher m : matchers) {
            if (m.name().equals("__name__") && m.op() == MatchOp.EQ && m.constRef() == null) {
                return Optional.of(m.value());
            }
        }
        return Optional.empty();
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
